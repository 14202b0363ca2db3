package org.econlab.llm;

import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LLM workers and planner against a real local HTTP server with injected faults. */
class LlmAgentsRunTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    @org.junit.jupiter.api.AfterEach
    void noFaultsForTheNextTest() {
        server.faultPercent = 0;
        server.outOfRangePercent = 0;
        server.latencyMillis = 0;
    }

    @Test
    void aRunCompletesUnderThirtyPercentFaultsAndEveryFailureIsCounted(@TempDir Path dir) throws IOException {
        server.faultPercent = 30;
        server.outOfRangePercent = 10;
        server.timeoutSleepMillis = LlmTestSupport.FAULT_SLEEP_MILLIS;
        long transportBefore = server.transportFaults.get();
        long contentBefore = server.contentFaults.get();
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, LlmTestSupport.FAULT_TIMEOUT_SECONDS);
        Simulation sim = LlmTestSupport.run(LlmTestSupport.scenario(5, 8, 3, false, ""),
                LlmTestSupport.options(endpoints), dir.resolve("run"));
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
        UsageMeter m = LlmTestSupport.meterOf(sim);
        long transport = server.transportFaults.get() - transportBefore;
        long content = server.contentFaults.get() - contentBefore;
        assertTrue(transport > 0 && content > 0, "faults were injected");
        assertEquals(transport, m.total(UsageMeter.TRANSPORT_RETRIES) + m.total(UsageMeter.FAILED_CALLS),
                "every transport fault is a counted retry or failed call");
        assertEquals(content, m.total(UsageMeter.INVALID_REPLIES) + m.total(UsageMeter.TRUNCATED),
                "every bad reply is counted (malformed as invalid, cut JSON as truncated)");
        assertTrue(m.total(UsageMeter.TRUNCATED) > 0, "truncated replies are their own kind of retry");
        for (double h : sim.state().hours()) {
            assertTrue(h >= 0 && h <= 100, "hours clipped to the range: " + h);
        }
        for (double r : sim.schedule().ratesPercent()) {
            assertTrue(r >= 0 && r <= 100 && r % 10 == 0, "rates stay on the 10-point grid: " + r);
        }
        String csv = Files.readString(dir.resolve("run/steps.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("llm_worker_failures"), csv);
        String manifest = Files.readString(dir.resolve("run/manifest.json"));
        assertTrue(manifest.contains("\"llm_worker_calls\""), manifest);
        server.faultPercent = 0;
        server.outOfRangePercent = 0;
    }

    @Test
    void theApiKeyIsSentButNeverWritten(@TempDir Path dir) throws IOException {
        server.faultPercent = 20;
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, LlmTestSupport.FAULT_TIMEOUT_SECONDS);
        Path run = dir.resolve("run");
        LlmOptions o = LlmTestSupport.options(endpoints).withRecordTo(run.resolve(CassetteGateway.FILE));
        LlmTestSupport.run(LlmTestSupport.scenario(3, 3, 2, false, ""), o, run);
        server.faultPercent = 0;
        assertTrue(server.authorizations.contains("Bearer " + LlmTestSupport.SECRET), "the key reached the server");
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    assertFalse(Files.readString(f).contains(LlmTestSupport.SECRET), "key written to " + f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertTrue(Files.size(run.resolve(CassetteGateway.FILE)) > 0);
    }

    @Test
    void aRefusedKeyFailsTheRunLoudlyWithoutRevealingIt(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 2, 2);
        server.refuseAndEchoKey = true;
        try {
            LlmException e = org.junit.jupiter.api.Assertions.assertThrows(LlmException.class, () -> LlmTestSupport.run(
                    LlmTestSupport.scenario(2, 3, 2, false, ""), LlmTestSupport.options(endpoints), dir.resolve("run")));
            assertEquals(LlmException.Kind.AUTHENTICATION, e.kind());
            assertFalse(e.getMessage().contains(LlmTestSupport.SECRET), e.getMessage());
            assertTrue(e.getMessage().contains("***"), "the echoed key was scrubbed: " + e.getMessage());
        } finally {
            server.refuseAndEchoKey = false;
        }
        String manifest = Files.readString(dir.resolve("run/manifest.json"));
        assertTrue(manifest.contains("\"outcome\": \"failed\""), manifest);
        assertFalse(manifest.contains(LlmTestSupport.SECRET));
        assertFalse(Files.readString(dir.resolve("run/events.jsonl")).contains(LlmTestSupport.SECRET));
    }

    @Test
    void concurrencyOneAndEightGiveIdenticalSteps(@TempDir Path dir) throws IOException {
        server.faultPercent = 25;
        server.latencyMillis = 2;
        server.timeoutSleepMillis = LlmTestSupport.FAULT_SLEEP_MILLIS;
        Path e1 = LlmTestSupport.endpointsFile(Files.createDirectories(dir.resolve("c1")), server, "openai", 1, LlmTestSupport.FAULT_TIMEOUT_SECONDS);
        Path e8 = LlmTestSupport.endpointsFile(Files.createDirectories(dir.resolve("c8")), server, "openai", 8, LlmTestSupport.FAULT_TIMEOUT_SECONDS);
        var s = LlmTestSupport.scenario(8, 4, 2, false, "");
        server.resetFaultSequence();
        LlmTestSupport.run(s, LlmTestSupport.options(e1), dir.resolve("r1"));
        server.resetFaultSequence();
        LlmTestSupport.run(s, LlmTestSupport.options(e8), dir.resolve("r8"));
        server.faultPercent = 0;
        server.latencyMillis = 0;
        assertEquals(Files.readString(dir.resolve("r1/steps.csv")), Files.readString(dir.resolve("r8/steps.csv")));
    }

    @Test
    void theOllamaWireFormatWorksWithPersonasAndSatisfaction(@TempDir Path dir) throws IOException {
        long before = server.ollamaRequests.get();
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "ollama", 4, 2);
        Simulation sim = LlmTestSupport.run(LlmTestSupport.scenario(4, 3, 2, true, ""),
                LlmTestSupport.options(endpoints), dir.resolve("run"));
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
        assertTrue(server.ollamaRequests.get() - before >= 4 + 3 * 4 * 2 + 1, "persona, worker, satisfaction, planner calls");
        UsageMeter m = LlmTestSupport.meterOf(sim);
        assertEquals(4, m.get("persona", UsageMeter.CALLS));
        assertEquals(12, m.get("satisfaction", UsageMeter.CALLS));
        assertEquals(0, m.total(UsageMeter.FALLBACKS));
        assertTrue(m.total(UsageMeter.TOKENS_IN) > 0);
        String header = Files.readString(dir.resolve("run/steps.csv")).lines().findFirst().orElseThrow();
        assertTrue(header.contains("llm_mean_satisfaction") && header.contains("llm_satisfaction_calls"), header);
    }

    @Test
    void aTokenBudgetStopsTheRunCleanly(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 2);
        Simulation sim = LlmTestSupport.run(LlmTestSupport.scenario(3, 50, 5, false, ""),
                LlmTestSupport.options(endpoints).withBudget(3000, 0), dir.resolve("run"));
        assertEquals(RunOutcome.STOPPED, sim.outcome());
        assertTrue(sim.currentStep() < 50);
        String manifest = Files.readString(dir.resolve("run/manifest.json"));
        assertTrue(manifest.contains("\"outcome\": \"stopped\"") && manifest.contains("\"stopReason\": \"budget:"), manifest);
    }
}
