package org.econlab.llm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.cli.Cli;
import org.econlab.config.InvalidInputException;
import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.RunStore;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, findings 3, 5, 6 and 8 for LLM runs: faults the user can fix end the run in one line with exit code 2,
 * a dead endpoint is fatal quickly, fallbacks are reported, nothing is shared between runs, no key is written.
 */
class LlmFaultsTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    private static final String SCENARIO = "sample-scenarios/llm-rational-5.json";

    private static Cli.Result cli(Map<String, String> env, String... args) {
        return Cli.run(env, args);
    }

    private static void userErrorInOneLine(Cli.Result r) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonObject manifest(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(RunRecordWriter.MANIFEST))).getAsJsonObject();
    }

    @Test
    void endpointUrlsMustBeHttpOrHttps() {
        for (String url : List.of("not a url", "file:///etc/passwd", "ftp://h/x", "http://user:pw@h/v1", "http:///v1")) {
            var e = assertThrows(InvalidInputException.class, () -> EndpointProfiles.parse("{\"endpoints\":[{\"name\":"
                    + "\"x\",\"provider\":\"openai\",\"baseUrl\":\"" + url + "\",\"model\":\"m\"}]}", "f.json"));
            assertTrue(e.getMessage().startsWith("f.json: endpoints[0].baseUrl: "), e.getMessage());
        }
        Cli.Result r = cli(Map.of(), "run", SCENARIO, "--llm-base-url", "file:///etc/passwd", "--llm-model", "m",
                "--out", "target/never-created");
        userErrorInOneLine(r);
        assertTrue(r.err().contains("--llm-base-url") && r.err().contains("http://"), r.err());
        assertFalse(Files.exists(Path.of("target/never-created")), "refused before a record folder was made");
    }

    @Test
    void aDeadEndpointFailsTheRunWithAReasonAndExitTwo(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        long t0 = System.nanoTime();
        Cli.Result r = cli(Map.of(), "run", SCENARIO, "--steps", "3", "--out", out.toString(),
                "--llm-base-url", "http://127.0.0.1:" + deadPort() + "/v1", "--llm-model", "m",
                "--llm-circuit-breaker", "2");
        double seconds = (System.nanoTime() - t0) / 1e9;
        userErrorInOneLine(r);
        assertTrue(r.err().contains("LLM endpoint unreachable: 2 consecutive transport failures"), r.err());
        assertTrue(seconds < 20, "failed in " + seconds + " s, not after every step fell back");
        JsonObject m = manifest(out);
        assertEquals("failed", m.get("outcome").getAsString());
        assertTrue(m.get("reason").getAsString().contains("unreachable"), m.toString());
    }

    @Test
    void theBreakerOpensAfterKConsecutiveFailuresAcrossCallsAndASuccessResetsIt() {
        CircuitBreaker b = new CircuitBreaker(3);
        AtomicInteger calls = new AtomicInteger();
        LlmGateway down = b.guard(q -> {
            calls.incrementAndGet();
            throw new LlmException(LlmException.Kind.NETWORK, "Connection refused");
        });
        LlmGateway up = b.guard(q -> new LlmReply("{}", 1, 1, 0, 0, "e", 0));
        LlmRequest q = new LlmRequest("worker", "worker/0/s0/a0", "", "u", true, 0.7, 10);
        assertThrows(LlmException.class, () -> down.call(q));
        assertThrows(LlmException.class, () -> down.call(q));
        up.call(q); // a success in between: the count starts again
        assertThrows(LlmException.class, () -> down.call(q));
        assertThrows(LlmException.class, () -> down.call(q));
        LlmException open = assertThrows(LlmException.class, () -> down.call(q));
        assertEquals(LlmException.Kind.CIRCUIT_OPEN, open.kind());
        assertTrue(open.fatal());
        int before = calls.get();
        assertEquals(LlmException.Kind.CIRCUIT_OPEN, assertThrows(LlmException.class, () -> up.call(q)).kind());
        assertEquals(before, calls.get(), "an open breaker calls nobody");
    }

    @Test
    void theBackOffOfOneCallIsBounded() {
        AtomicInteger attempts = new AtomicInteger();
        RetryingGateway g = new RetryingGateway(q -> {
            attempts.incrementAndGet();
            throw new LlmException(LlmException.Kind.SERVER_ERROR, "500");
        }, 10, 20, 60_000, 70);
        long t0 = System.nanoTime();
        assertThrows(LlmException.class, () -> g.call(new LlmRequest("w", "w/0/s0/a0", "", "u", true, 0.7, 10)));
        assertEquals(3, attempts.get(), "20 + 40 ms fit in 70 ms of back-off, the next 80 ms would not");
        assertTrue((System.nanoTime() - t0) / 1e6 < 1000);
    }

    @Test
    void aRefusedKeyAnUnknownModelAndAReplayMissAreOneLineExitTwo(@TempDir Path dir) throws IOException {
        Map<String, String> env = Map.of("LAB_KEY", LlmTestSupport.SECRET);
        server.refuseAndEchoKey = true;
        try {
            Cli.Result r = cli(env, "run", SCENARIO, "--steps", "2", "--out", dir.resolve("k").toString(),
                    "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "m", "--llm-key-env", "LAB_KEY");
            userErrorInOneLine(r);
            assertFalse((r.out() + r.err()).contains(LlmTestSupport.SECRET), r.err());
        } finally {
            server.refuseAndEchoKey = false;
        }
        server.unknownModel = "no-such-model";
        try {
            Cli.Result r = cli(env, "run", SCENARIO, "--steps", "2", "--out", dir.resolve("m").toString(),
                    "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "no-such-model");
            userErrorInOneLine(r);
        } finally {
            server.unknownModel = null;
        }
        Path rec = dir.resolve("rec");
        assertEquals(0, cli(env, "run", SCENARIO, "--steps", "2", "--out", rec.toString(), "--record-llm",
                "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "m").code());
        Cli.Result miss = cli(env, "run", SCENARIO, "--steps", "2", "--seed", "7", "--out", dir.resolve("miss").toString(),
                "--replay-llm", rec.resolve(CassetteGateway.FILE).toString());
        userErrorInOneLine(miss);
        assertTrue(miss.err().contains("has no reply for"), miss.err());
    }

    @Test
    void aTamperedCassetteIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path rec = dir.resolve("rec");
        assertEquals(0, cli(Map.of(), "run", SCENARIO, "--steps", "2", "--out", rec.toString(), "--record-llm",
                "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "m").code());
        List<String> lines = Files.readAllLines(rec.resolve(CassetteGateway.FILE));
        int entry = 0;
        while (!lines.get(entry).contains("\"key\"")) {
            entry++;
        }
        String good = lines.get(entry);
        String[] tampered = {
            good.replaceFirst("\"inputTokens\":[0-9]+", "\"inputTokens\":\"lots\""),
            good.replaceFirst("\"text\":\"(\\\\.|[^\"\\\\])*\"", "\"text\":null"),
            good.replaceFirst(",\"outputTokens\":[0-9]+", ""),
            "{\"key\": "};
        for (int i = 0; i < tampered.length; i++) {
            assertTrue(!tampered[i].equals(good), "variant " + i + " changed the line");
            List<String> copy = new java.util.ArrayList<>(lines);
            copy.set(entry, tampered[i]);
            Path bad = dir.resolve("bad" + i + ".jsonl");
            Files.write(bad, copy);
            Cli.Result r = cli(Map.of(), "run", SCENARIO, "--steps", "2", "--out", dir.resolve("play" + i).toString(),
                    "--replay-llm", bad.toString());
            userErrorInOneLine(r);
            assertTrue(r.err().contains("line " + (entry + 1) + " "), r.err());
        }
    }

    @Test
    void aKeyEchoedInRepliesNeverReachesTheCassetteOrTheCheckOutput(@TempDir Path dir) throws IOException {
        Map<String, String> env = Map.of("LAB_KEY", LlmTestSupport.SECRET);
        server.echoKeyInReply = true;
        try {
            Path rec = dir.resolve("rec");
            Cli.Result r = cli(env, "run", SCENARIO, "--steps", "2", "--out", rec.toString(), "--record-llm",
                    "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "m", "--llm-key-env", "LAB_KEY");
            assertEquals(0, r.code(), r.err());
            assertTrue(server.authorizations.contains("Bearer " + LlmTestSupport.SECRET));
            String cassette = Files.readString(rec.resolve(CassetteGateway.FILE));
            assertTrue(cassette.contains("you sent: Bearer ***"), "the echo is there, scrubbed");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f).contains(LlmTestSupport.SECRET), "key written to " + f);
                }
            }
            Cli.Result check = cli(env, "llm", "check", "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "m",
                    "--llm-key-env", "LAB_KEY");
            assertEquals(0, check.code(), check.err());
            assertTrue(check.out().contains("you sent: Bearer ***"), check.out());
            assertFalse((check.out() + check.err()).contains(LlmTestSupport.SECRET), check.out());
        } finally {
            server.echoKeyInReply = false;
        }
    }

    @Test
    void aHighFallbackRateIsReportedInTheManifestAndTheSummaryLine(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 2);
        Scenario s = LlmTestSupport.scenario(4, 3, 2, false, ",\"maxAttempts\":1");
        Path rec = dir.resolve("rec");
        server.faultPercent = 60;
        server.resetFaultSequence();
        Simulation sim;
        try {
            sim = LlmTestSupport.run(s, LlmTestSupport.options(endpoints).withRecordTo(rec.resolve(CassetteGateway.FILE)),
                    rec);
        } finally {
            server.faultPercent = 0;
        }
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
        assertEquals(1, sim.context().warnings().size(), "fallbacks: " + LlmTestSupport.meterOf(sim).summary());
        JsonObject m = manifest(rec);
        assertTrue(m.getAsJsonArray("warnings").get(0).getAsString().startsWith("LLM fallback rate "), m.toString());

        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, org.econlab.simulation.ScenarioCodec.write(s));
        Cli.Result replay = cli(Map.of(), "run", scenario.toString(), "--out", dir.resolve("play").toString(),
                "--replay-llm", rec.resolve(CassetteGateway.FILE).toString());
        assertEquals(0, replay.code(), replay.err());
        assertTrue(replay.out().contains("warning: LLM fallback rate "), replay.out());
        String done = replay.out().lines().filter(l -> l.startsWith("done: ")).findFirst().orElseThrow();
        assertTrue(done.endsWith(" warnings=1"), done);
    }

    @Test
    void twoLlmSimulationsSideBySideShareNothing(@TempDir Path dir) throws Exception {
        try (FakeLlmServer other = new FakeLlmServer()) {
            Path ea = LlmTestSupport.endpointsFile(Files.createDirectories(dir.resolve("a")), server, "openai", 2, 2);
            Path eb = LlmTestSupport.endpointsFile(Files.createDirectories(dir.resolve("b")), other, "ollama", 3, 2);
            Path ra = dir.resolve("ra");
            Path rb = dir.resolve("rb");
            RunStore.claim(ra, false, "a");
            RunStore.claim(rb, false, "b");
            Scenario sa = LlmTestSupport.scenario(3, 6, 2, false, "");
            Scenario sb = LlmTestSupport.scenario(4, 6, 3, false, "");
            long serverBefore = server.requests.get();
            // Built one after the other, interleaved with each other's steps, then played at the same time.
            Simulation a = new Simulation(sa, false, LlmTestSupport.options(ea)
                    .withRecordTo(ra.resolve(CassetteGateway.FILE)).withBudget(2500, 0).newRunContext());
            Simulation b = new Simulation(sb, false, LlmTestSupport.options(eb)
                    .withRecordTo(rb.resolve(CassetteGateway.FILE)).newRunContext());
            a.addListener(RunRecordWriter.claimed(ra));
            b.addListener(RunRecordWriter.claimed(rb));
            a.step();
            b.step();
            Thread ta = new Thread(a::runToEnd);
            Thread tb = new Thread(b::runToEnd);
            ta.start();
            tb.start();
            ta.join(30_000);
            tb.join(30_000);
            UsageMeter ma = LlmTestSupport.meterOf(a);
            UsageMeter mb = LlmTestSupport.meterOf(b);
            assertEquals(server.requests.get() - serverBefore, ma.total(UsageMeter.CALLS), "A's meter counts A's server");
            assertEquals(other.requests.get(), mb.total(UsageMeter.CALLS), "B's meter counts B's server");
            assertEquals(RunOutcome.STOPPED, a.outcome(), "A's budget stops A");
            assertEquals(RunOutcome.COMPLETED, b.outcome(), "and not B");
            String ca = Files.readString(ra.resolve(CassetteGateway.FILE));
            String cb = Files.readString(rb.resolve(CassetteGateway.FILE));
            assertFalse(ca.contains("\"callId\":\"worker/3/"), "B's fourth worker never calls into A's cassette");
            assertTrue(cb.contains("\"callId\":\"worker/3/"));
            assertEquals(ma.total(UsageMeter.CALLS), ca.lines().filter(l -> l.contains("\"key\"")).count());
            assertEquals(mb.total(UsageMeter.CALLS), cb.lines().filter(l -> l.contains("\"key\"")).count());
        }
    }
}
