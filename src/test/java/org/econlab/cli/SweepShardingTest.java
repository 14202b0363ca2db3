package org.econlab.cli;

import org.econlab.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.econlab.cli.LabCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep on a cluster, through the command line: three shards (on separate disks and merged, or on one shared
 * folder) followed by the unsharded command give sweep.csv and sweep-summary.csv byte for byte equal to a
 * one-machine sweep, and the final command runs nothing.
 */
class SweepShardingTest {

    /** 2 planners x 4 population sizes x 2 seeds = 16 runs: shards of 6, 5 and 5. */
    private static final String SWEEP = """
        { "schemaVersion": 1, "name": "sharded",
          "baseScenario": { "schemaVersion": 1, "seed": 11, "steps": 12, "taxYearSteps": 4,
                            "population": { "agents": 30 }, "brackets": { "preset": "three" },
                            "worker": { "kind": "rational" }, "planner": { "kind": "saez" } },
          "parameters": [ { "path": "planner", "values": [ { "kind": "saez", "elasticity": 0.4 }, { "kind": "free_market" } ] },
                          { "path": "population.agents", "from": 10, "to": 40, "step": 10 } ],
          "seeds": 2 }
        """;

    private static final List<String> RESULT_FILES = List.of(SweepRunner.CSV, SweepRunner.SUMMARY,
            "sweep-" + SweepRunner.CHART_OUTCOME + ".csv");

    private static Path sweepFile(Path tmp) throws Exception {
        Path f = tmp.resolve("s.sweep.json");
        Files.writeString(f, SWEEP);
        return f;
    }

    /** The reference: the whole sweep on one machine, two runs at a time. */
    private static Path oneMachine(Path tmp, String sweep) {
        Path whole = tmp.resolve("whole");
        ok(cli("sweep", sweep, "--out", whole.toString(), "--parallel", "2"));
        return whole;
    }

    private static void ok(LabCliTest.Result r) {
        assertEquals(0, r.code(), r.out() + r.err());
    }

    private static void assertSameResults(Path expected, Path actual) throws Exception {
        for (String f : RESULT_FILES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    private static long finishedRuns(Path dir) throws Exception {
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            return runs.filter(r -> Files.isRegularFile(r.resolve(SweepRunner.RESULT))).count();
        }
    }

    @Test
    void threeShardsOnSeparateDisksMergedEqualTheOneMachineSweep(@TempDir Path tmp) throws Exception {
        String sweep = sweepFile(tmp).toString();
        Path whole = oneMachine(tmp, sweep);
        assertEquals(17, Files.readAllLines(whole.resolve(SweepRunner.CSV)).size());

        List<String> mergeArgs = new ArrayList<>(List.of("sweep", "merge"));
        int[] expectedSizes = {6, 5, 5};
        for (int i = 1; i <= 3; i++) {
            Path shard = tmp.resolve("node" + i);
            LabCliTest.Result r = cli("sweep", sweep, "--out", shard.toString(), "--shard", i + "/3");
            ok(r);
            assertTrue(r.out().contains("shard " + i + "/3: " + expectedSizes[i - 1] + " runs"), r.out());
            assertTrue(r.out().contains("once every shard has finished, run without --shard"), r.out());
            assertEquals(expectedSizes[i - 1], finishedRuns(shard));
            assertFalse(Files.exists(shard.resolve(SweepRunner.CSV)), "a shard writes no sweep.csv");
            assertFalse(Files.exists(shard.resolve(SweepRunner.SUMMARY)));
            mergeArgs.add(shard.toString());
        }
        Path merged = tmp.resolve("merged");
        mergeArgs.addAll(List.of("--out", merged.toString()));
        LabCliTest.Result m = cli(mergeArgs.toArray(String[]::new));
        ok(m);
        assertEquals("merged into " + merged + ": 16 runs copied, 0 already there", m.out().trim());

        LabCliTest.Result last = cli("sweep", sweep, "--out", merged.toString());
        ok(last);
        assertTrue(last.out().contains("16 of 16 runs finished (16 from before, 0 now)"), last.out());
        assertSameResults(whole, merged);

        // Merging again (e.g. after rerunning one shard) copies nothing and changes nothing.
        mergeArgs.set(mergeArgs.size() - 1, merged.toString());
        LabCliTest.Result again = cli(mergeArgs.toArray(String[]::new));
        assertEquals("merged into " + merged + ": 0 runs copied, 16 already there", again.out().trim());
        assertSameResults(whole, merged);
    }

    @Test
    void threeShardsWritingToOneSharedFolderAtOnceEqualTheOneMachineSweep(@TempDir Path tmp) throws Exception {
        String sweep = sweepFile(tmp).toString();
        Path whole = oneMachine(tmp, sweep);

        Path shared = tmp.resolve("shared");
        ExecutorService tasks = Executors.newFixedThreadPool(3);
        try {
            List<Future<LabCliTest.Result>> shards = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String shard = i + "/3";
                shards.add(tasks.submit(() -> cli("sweep", sweep, "--out", shared.toString(), "--shard", shard)));
            }
            for (Future<LabCliTest.Result> f : shards) {
                ok(f.get());
            }
        } finally {
            tasks.shutdownNow();
        }
        assertEquals(16, finishedRuns(shared));
        assertFalse(Files.exists(shared.resolve(SweepRunner.CSV)));
        LabCliTest.Result last = cli("sweep", sweep, "--out", shared.toString());
        ok(last);
        assertTrue(last.out().contains("(16 from before, 0 now)"), last.out());
        assertSameResults(whole, shared);
    }

    @Test
    void anUnfinishedShardIsReportedAndTheSweepCompletesWhenItIsRerun(@TempDir Path tmp) throws Exception {
        String sweep = sweepFile(tmp).toString();
        Path whole = oneMachine(tmp, sweep);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ok(cli("sweep", sweep, "--out", a.toString(), "--shard", "1/2"));
        ok(cli("sweep", sweep, "--out", b.toString(), "--shard", "2/2", "--max-runs", "3"));
        // A run killed midway: a folder without result.json.
        Files.createDirectories(b.resolve("runs").resolve("p0007-s12"));
        Files.writeString(b.resolve("runs").resolve("p0007-s12").resolve("steps.csv"), "step,swf\n0,");
        Path merged = tmp.resolve("merged");
        LabCliTest.Result m = cli("sweep", "merge", a.toString(), b.toString(), "--out", merged.toString());
        ok(m);
        assertEquals("merged into " + merged + ": 11 runs copied, 0 already there, 1 unfinished runs left behind"
                + " (run their shard again)", m.out().trim());
        assertFalse(Files.exists(merged.resolve("runs").resolve("p0007-s12")));

        ok(cli("sweep", sweep, "--out", b.toString(), "--shard", "2/2"));
        ok(cli("sweep", "merge", b.toString(), "--out", merged.toString()));
        LabCliTest.Result last = cli("sweep", sweep, "--out", merged.toString());
        assertTrue(last.out().contains("(16 from before, 0 now)"), last.out());
        assertSameResults(whole, merged);
    }

    @Test
    void badShardsAndMergesAreRefusedWithOneLine(@TempDir Path tmp) throws Exception {
        String sweep = sweepFile(tmp).toString();
        String out = tmp.resolve("o").toString();
        LabCliTest.Result zero = cli("sweep", sweep, "--out", out, "--shard", "0/3");
        assertEquals(2, zero.code());
        assertEquals("error: --shard: I = 0 is outside 1..3 (shards are numbered from 1)", zero.err().trim());
        assertEquals(2, cli("sweep", sweep, "--out", out, "--shard", "three").code());
        assertFalse(Files.exists(tmp.resolve("o")), "nothing ran");
        LabCliTest.Result noOut = cli("sweep", sweep);
        assertEquals(2, noOut.code());
        assertEquals("error: --out: is required: the sweep's output folder", noOut.err().trim());

        LabCliTest.Result notASweep = cli("sweep", "merge", tmp.toString(), "--out", out);
        assertEquals(2, notASweep.code());
        assertEquals("error: " + tmp + ": not a sweep folder (it has no runs/ folder)", notASweep.err().trim());
    }
}
