package org.econlab.llm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.report.RunData;
import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.RunStore;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: kill a recording LLM run at a random step, 20 times, and read every record back. A kill leaves on disk
 * exactly what was flushed: every append-only file (steps.csv, events.jsonl, cassette.jsonl) is a prefix of what the
 * run would have written, possibly cut inside a line, and the manifest is one of its atomically written versions.
 * In process, a run is "killed" by abandoning it after k steps and tearing a random part of a next line onto each
 * file; one real {@code kill -9} of a command-line run in a child JVM checks the same on a true crash.
 */
class FaultInjectionTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    private static final int STEPS = 4;

    @Test
    void twentyKillsAtRandomStepsLeaveRecordsThatReadBackAndCassettesThatReplay(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 2);
        // LLM workers under fixed rates: one wave of calls per step keeps 20 recordings and replays quick.
        Scenario s = org.econlab.simulation.ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":3,\"steps\":" + STEPS
                + ",\"population\":{\"agents\":2},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"fixed\",\"rates\":[10,30,50]}}");
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            int k = 1 + random.nextInt(STEPS - 1); // steps completed before the kill
            Path rec = dir.resolve("kill" + i);
            RunStore.claim(rec, false, "--out");
            Simulation sim = new Simulation(s, false, LlmTestSupport.options(endpoints)
                    .withRecordTo(rec.resolve(CassetteGateway.FILE)).newRunContext());
            sim.addListener(RunRecordWriter.claimed(rec));
            for (int step = 0; step < k; step++) {
                sim.step();
            }
            sim.context().close(); // the process dies: call threads stop; nothing more is written
            List<String> rows = Files.readAllLines(rec.resolve(RunRecordWriter.STEPS));
            tear(rec.resolve(RunRecordWriter.STEPS), rows.get(rows.size() - 1), random);
            tear(rec.resolve(CassetteGateway.FILE), lastLine(rec.resolve(CassetteGateway.FILE)), random);
            tear(rec.resolve(RunRecordWriter.EVENTS), "{\"event\":\"end\",\"outcome\":\"stopped\"}", random);

            String what = "kill " + i + " after " + k + " steps";
            RunData data = RunData.read(rec);
            assertEquals(k, data.rows(), what);
            assertEquals("running", data.outcome(), what);
            int inManifest = data.manifest().get("stepsCompleted").getAsInt();
            assertTrue(inManifest >= 1 && inManifest <= k, what + ": manifest says " + inManifest);
            assertTrue(data.completeness().startsWith("INCOMPLETE: interrupted after " + k + " of " + STEPS), what);
            assertEquals(RunStore.fingerprint(s), data.manifest().get("fingerprint").getAsString());
            for (String line : completeLines(rec.resolve(RunRecordWriter.EVENTS))) {
                JsonParser.parseString(line).getAsJsonObject();
            }

            // The killed recording replays offline up to its last complete step, then stops cleanly.
            Path play = dir.resolve("play" + i);
            Simulation replay = LlmTestSupport.run(s, LlmOptions.DEFAULT.withEndpointsFile(dir.resolve("none.json"))
                    .withReplay(rec.resolve(CassetteGateway.FILE), false), play);
            assertEquals(RunOutcome.STOPPED, replay.outcome(), what);
            assertTrue(replay.stopReason().startsWith("replay: the cassette"), replay.stopReason());
            List<String> recorded = Files.readAllLines(rec.resolve(RunRecordWriter.STEPS));
            List<String> replayed = Files.readAllLines(play.resolve(RunRecordWriter.STEPS));
            assertTrue(replayed.size() >= k, what + ": replayed " + (replayed.size() - 1) + " steps");
            assertEquals(recorded.subList(0, k + 1), replayed.subList(0, k + 1), what + ": the same steps again");
        }
    }

    /** Appends a random prefix (possibly empty, never the newline) of {@code next} to {@code file}: a torn write. */
    private static void tear(Path file, String next, Random random) throws IOException {
        int cut = random.nextInt(next.length());
        Files.writeString(file, next.substring(0, cut), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.isEmpty() ? "{\"key\":\"x\"}" : lines.get(lines.size() - 1);
    }

    private static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    @Test
    void aRealKillMinusNineOfTheCommandLineLeavesARecordThatReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.econlab.Launcher", "run", "sample-scenarios/us-fed-100.json", "--agents", "20000",
                "--steps", "1000000", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            int want = 3 + new Random().nextInt(20);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (rows(out) < want && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(p.isAlive(), "the child ran: " + Files.readString(dir.resolve("child.log")));
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no end of run
            p.waitFor(10, TimeUnit.SECONDS);
        }
        RunData data = RunData.read(out);
        assertTrue(data.rows() >= 3, "rows " + data.rows());
        assertEquals("running", data.outcome());
        assertTrue(data.completeness().startsWith("INCOMPLETE: interrupted after " + data.rows() + " of 1000000"));
        JsonObject m = data.manifest();
        assertTrue(m.get("stepsCompleted").getAsInt() <= data.rows());
        assertTrue(new File(out.toFile(), RunRecordWriter.EVENTS).exists());
    }

    private static int rows(Path out) {
        try (var lines = Files.lines(out.resolve(RunRecordWriter.STEPS))) {
            return (int) lines.count() - 1;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
