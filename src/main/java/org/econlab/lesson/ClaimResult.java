package org.econlab.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * What a step's numbers say about one {@link Claim}.
 *
 * @param claim    the claim
 * @param seeds    the seeds it was checked on
 * @param holdsOn  whether it held, seed by seed
 * @param holds    whether it held on enough seeds
 * @param required the number of seeds it had to hold on
 */
public record ClaimResult(Claim claim, List<Long> seeds, boolean[] holdsOn, boolean holds, int required) {

    public ClaimResult {
        seeds = List.copyOf(seeds);
        holdsOn = holdsOn.clone();
    }

    @Override
    public boolean[] holdsOn() {
        return holdsOn.clone();
    }

    /** Seeds on which the ordering held. */
    public int count() {
        int c = 0;
        for (boolean b : holdsOn) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /** One line: verdict, the claim, the ordering and on how many seeds it held. */
    public String line() {
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < holdsOn.length; i++) {
            if (!holdsOn[i]) {
                failed.add(seeds.get(i));
            }
        }
        String need = required == holdsOn.length ? "every seed" : "at least " + required;
        return (holds ? "holds" : "CONTRADICTED") + ": " + claim.text() + " (" + claim.that() + " on " + count()
                + " of " + holdsOn.length + " seeds, " + Placeholders.seedRange(seeds) + "; needed " + need
                + (failed.isEmpty() ? "" : "; fails on seed" + (failed.size() > 1 ? "s " : " ")
                + failed.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")) + ")";
    }
}
