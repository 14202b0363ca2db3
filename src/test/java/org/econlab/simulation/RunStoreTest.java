package org.econlab.simulation;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.cli.Cli;
import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, finding 2: run records are never overwritten, truncated or shared; the manifest follows the run. */
class RunStoreTest {

    private static final String SCENARIO = "sample-scenarios/three-5-rational.json";

    private static String[] cli(String... args) {
        Cli.Result r = Cli.run(args);
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    private static JsonObject manifest(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(RunRecordWriter.MANIFEST))).getAsJsonObject();
    }

    @Test
    void anExistingRecordIsRefusedUnlessForcedAndForceMovesItAside(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("demo");
        assertEquals("0", cli("run", SCENARIO, "--steps", "30", "--out", out.toString())[0]);
        String oldSteps = Files.readString(out.resolve(RunRecordWriter.STEPS));
        Files.writeString(out.resolve("cassette.jsonl"), "{}\n"); // what an old LLM record keeps beside its steps

        String[] refused = cli("run", SCENARIO, "--steps", "5", "--out", out.toString());
        assertEquals("2", refused[0], refused[2]);
        assertEquals(1, refused[2].strip().lines().count(), refused[2]);
        assertTrue(refused[2].startsWith("error: --out: ") && refused[2].contains("--force"), refused[2]);
        assertEquals(oldSteps, Files.readString(out.resolve(RunRecordWriter.STEPS)), "the old record is untouched");

        String[] forced = cli("run", SCENARIO, "--steps", "5", "--out", out.toString(), "--force");
        assertEquals("0", forced[0], forced[2]);
        assertTrue(forced[1].contains("aside to "), forced[1]);
        List<Path> aside;
        try (Stream<Path> s = Files.list(tmp)) {
            aside = s.filter(p -> p.getFileName().toString().startsWith("demo.replaced-")).toList();
        }
        assertEquals(1, aside.size());
        assertEquals(oldSteps, Files.readString(aside.get(0).resolve(RunRecordWriter.STEPS)), "moved, not truncated");
        assertTrue(Files.exists(aside.get(0).resolve("cassette.jsonl")));
        assertFalse(Files.exists(out.resolve("cassette.jsonl")), "nothing of the old record stays beside the new one");
        assertEquals(6, Files.readAllLines(out.resolve(RunRecordWriter.STEPS)).size());
    }

    @Test
    void defaultNamesAreUniqueForRunsStartedInTheSameSecond(@TempDir Path tmp) throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Path>> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(pool.submit(() -> {
                go.await();
                return RunStore.createNamed(tmp, "same scenario", 42);
            }));
        }
        go.countDown();
        Set<Path> dirs = new HashSet<>();
        for (Future<Path> f : made) {
            dirs.add(f.get());
        }
        pool.shutdown();
        assertEquals(n, dirs.size(), "every run got its own folder: " + dirs);
        for (Path d : dirs) {
            assertTrue(d.getFileName().toString().startsWith("same-scenario-seed42-"), d.toString());
        }
    }

    @Test
    void twoRunsRacingForOneFolderCannotBothWriteIt(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("shared");
        Scenario s = TestScenarios.scenario(10, 5, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation a = new Simulation(s, false);
        a.addListener(new RunRecordWriter(dir));
        Simulation b = new Simulation(s.withSeed(7), false);
        b.addListener(new RunRecordWriter(dir));
        a.step();
        InvalidInputException e = assertThrows(InvalidInputException.class, b::step);
        assertTrue(e.getMessage().contains("already holds files"), e.getMessage());
        a.runToEnd();
        assertEquals(6, Files.readAllLines(dir.resolve(RunRecordWriter.STEPS)).size(), "no interleaved rows");
        assertEquals(42, manifest(dir).get("seed").getAsLong());
    }

    @Test
    void stepsCompletedFollowsTheRunAndTheFingerprintNamesWhatProducedIt(@TempDir Path tmp) throws IOException {
        Scenario s = TestScenarios.scenario(10, 50, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        sim.addListener(new RunRecordWriter(tmp.resolve("r")).progressEvery(0));
        for (int i = 0; i < 7; i++) {
            sim.step();
        }
        JsonObject m = manifest(tmp.resolve("r"));
        assertEquals("running", m.get("outcome").getAsString());
        assertEquals(7, m.get("stepsCompleted").getAsInt(), "updated as the run goes, not only at its end");
        assertEquals(RunStore.fingerprint(s), m.get("fingerprint").getAsString());
        assertNotEquals(RunStore.fingerprint(s), RunStore.fingerprint(s.withSeed(43)));
        assertNotEquals(RunStore.fingerprint(s), RunStore.fingerprint(s.withAgents(11)));
        assertEquals(RunStore.fingerprint(s), RunStore.fingerprint(ScenarioCodec.parse(ScenarioCodec.write(s))),
                "a scenario read back from its own file has the same fingerprint");
        assertEquals(RunStore.Status.INCOMPLETE, RunStore.status(tmp.resolve("r"), RunStore.fingerprint(s)));
        sim.runToEnd();
        assertEquals(RunStore.Status.COMPLETED, RunStore.status(tmp.resolve("r"), RunStore.fingerprint(s)));
        assertEquals(RunStore.Status.DIFFERENT, RunStore.status(tmp.resolve("r"), RunStore.fingerprint(s.withSeed(1))));
        assertEquals(RunStore.Status.ABSENT, RunStore.status(tmp.resolve("none"), RunStore.fingerprint(s)));
    }

    @Test
    void anUnwritableOutIsABadInputInOneLine(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String[] r = cli("run", SCENARIO, "--steps", "3", "--out", file.resolve("sub").toString());
        assertEquals("2", r[0], r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("error: --out: cannot create "), r[2]);
    }

    @Test
    void theFirstErrorIsReportedNotAListenerFailureAtTheEnd(@TempDir Path tmp) {
        Scenario s = TestScenarios.scenario(10, 5, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        sim.addListener(new SimulationListener() {
            @Override
            public void stepCompleted(StepSnapshot snapshot) {
                if (snapshot.step() == 2) {
                    throw new IllegalStateException("first");
                }
            }

            @Override
            public void runEnded(RunOutcome outcome, StepSnapshot last, Throwable error) {
                throw new IllegalStateException("second");
            }
        });
        RunRecordWriter record = new RunRecordWriter(tmp.resolve("r"));
        sim.addListener(record);
        IllegalStateException e = assertThrows(IllegalStateException.class, sim::runToEnd);
        assertEquals("first", e.getMessage());
        assertEquals("second", e.getSuppressed()[0].getMessage());
        assertEquals(RunOutcome.FAILED, sim.outcome());
    }
}
