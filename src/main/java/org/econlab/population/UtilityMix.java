package org.econlab.population;

import org.econlab.economy.UtilityType;

/**
 * Percentages of egotistical, altruistic and adversarial workers (paper-model §4.3); they sum to 100.
 */
public record UtilityMix(double egotisticalPercent, double altruisticPercent, double adversarialPercent) {

    public static final UtilityMix ALL_EGOTISTICAL = new UtilityMix(100, 0, 0);

    public UtilityMix {
        double sum = egotisticalPercent + altruisticPercent + adversarialPercent;
        if (egotisticalPercent < 0 || altruisticPercent < 0 || adversarialPercent < 0 || Math.abs(sum - 100) > 1e-9) {
            throw new IllegalArgumentException("percentages must be non-negative and sum to 100, sum was " + sum);
        }
    }

    /** Counts per type for {@code n} agents as the reference rounds them: adv and alt rounded, the rest egotistical. */
    public int[] counts(int n) {
        int adv = (int) Math.round(adversarialPercent / 100 * n);
        int alt = (int) Math.round(altruisticPercent / 100 * n);
        alt = Math.min(alt, n - adv);
        int[] c = new int[UtilityType.values().length];
        c[UtilityType.EGOTISTICAL.ordinal()] = n - adv - alt;
        c[UtilityType.ALTRUISTIC.ordinal()] = alt;
        c[UtilityType.ADVERSARIAL.ordinal()] = adv;
        return c;
    }
}
