package org.econlab.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.simulation.RunStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs of a sweep are already done, by fingerprint (design note 14): a run folder counts as done only when
 * its record completed with the {@link RunStore#fingerprint} of the run now asked for (same resolved scenario, seed
 * and lab version) and its result is written. A folder from another sweep definition (the file was changed and the
 * sweep rerun into the same folder) is moved to {@value #SUPERSEDED}/ and its run recomputed; an unfinished folder
 * of the same run is cleared and the run started afresh.
 */
final class SweepResume {

    /** Where runs of another sweep definition go, inside the sweep folder. */
    static final String SUPERSEDED = "superseded";

    /**
     * @param done       runs whose results can be reused
     * @param todo       runs to compute, in canonical order
     * @param superseded how many folders held another sweep's run and were moved aside
     */
    record Plan(List<SweepDefinition.RunSpec> done, List<SweepDefinition.RunSpec> todo, int superseded) {
    }

    private SweepResume() {
    }

    /** Sorts {@code runs} into done and to do, clearing and moving aside folders as described above. */
    static Plan plan(List<SweepDefinition.RunSpec> runs, Path sweepDir) throws IOException {
        List<SweepDefinition.RunSpec> done = new ArrayList<>();
        List<SweepDefinition.RunSpec> todo = new ArrayList<>();
        int superseded = 0;
        for (SweepDefinition.RunSpec r : runs) {
            Path dir = sweepDir.resolve("runs").resolve(r.id());
            String fingerprint = RunStore.fingerprint(r.scenario());
            switch (RunStore.status(dir, fingerprint)) {
                case ABSENT -> todo.add(r);
                case COMPLETED -> {
                    if (resultFingerprint(dir.resolve(SweepRunner.RESULT)).equals(fingerprint)) {
                        done.add(r);
                    } else {
                        RunStore.deleteTree(dir); // killed between its record and its result
                        todo.add(r);
                    }
                }
                case INCOMPLETE -> {
                    RunStore.deleteTree(dir);
                    todo.add(r);
                }
                case DIFFERENT -> {
                    RunStore.moveAside(dir, sweepDir.resolve(SUPERSEDED));
                    superseded++;
                    todo.add(r);
                }
                default -> throw new IllegalStateException();
            }
        }
        return new Plan(done, todo, superseded);
    }

    private static String resultFingerprint(Path result) {
        if (!Files.isRegularFile(result)) {
            return "";
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(result, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonElement f = o.get("fingerprint");
            return f == null || !f.isJsonPrimitive() ? "" : f.getAsString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
