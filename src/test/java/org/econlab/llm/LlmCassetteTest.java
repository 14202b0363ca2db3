package org.econlab.llm;

import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record a run against a faulty server, then replay it offline. */
class LlmCassetteTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    @Test
    void recordThenReplayGivesIdenticalStepsOffline(@TempDir Path dir) throws IOException {
        server.faultPercent = 25;
        server.timeoutSleepMillis = LlmTestSupport.FAULT_SLEEP_MILLIS;
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, LlmTestSupport.FAULT_TIMEOUT_SECONDS);
        var scenario = LlmTestSupport.scenario(4, 6, 3, true, ",\"prompt\":\"cot\"");
        Path rec = dir.resolve("rec");
        LlmTestSupport.run(scenario, LlmTestSupport.options(endpoints).withRecordTo(rec.resolve(CassetteGateway.FILE)), rec);
        server.faultPercent = 0;
        long requestsAfterRecording = server.requests.get();
        assertTrue(Files.readAllLines(rec.resolve(CassetteGateway.FILE)).get(0).contains("\"model\":\"fake-model\""),
                "the cassette names the model that produced it");

        // Replay with no endpoint file at all (as on a machine without a network).
        Path play = dir.resolve("play");
        LlmOptions offline = LlmOptions.DEFAULT.withEndpointsFile(dir.resolve("missing.json"))
                .withReplay(rec.resolve(CassetteGateway.FILE), false);
        Simulation sim = LlmTestSupport.run(scenario, offline, play);
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
        assertEquals(requestsAfterRecording, server.requests.get(), "no call reached the server");
        assertEquals(Files.readString(rec.resolve("steps.csv")), Files.readString(play.resolve("steps.csv")));
    }

    @Test
    void aReplayMissFailsLoudlyUnlessFallthrough(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 2);
        var scenario = LlmTestSupport.scenario(2, 2, 2, false, "");
        Path rec = dir.resolve("rec");
        LlmTestSupport.run(scenario, LlmTestSupport.options(endpoints).withRecordTo(rec.resolve(CassetteGateway.FILE)), rec);
        // Another population asks other questions from step 0 on: the run differs, and strict replay fails loudly.
        var other = scenario.withSeed(8);
        LlmException e = assertThrows(LlmException.class, () -> LlmTestSupport.run(other,
                LlmOptions.DEFAULT.withEndpointsFile(endpoints).withReplay(rec.resolve(CassetteGateway.FILE), false),
                dir.resolve("strict")));
        assertTrue(e.getMessage().contains("has no reply for"), e.getMessage());
        // A longer run replays every recorded step, then stops cleanly where the cassette ends.
        var longer = scenario.withSteps(4);
        Simulation stopped = LlmTestSupport.run(longer,
                LlmOptions.DEFAULT.withEndpointsFile(endpoints).withReplay(rec.resolve(CassetteGateway.FILE), false),
                dir.resolve("longer"));
        assertEquals(RunOutcome.STOPPED, stopped.outcome());
        assertEquals(2, stopped.currentStep());
        assertTrue(stopped.stopReason().contains("ends during step 2"), stopped.stopReason());
        Simulation sim = LlmTestSupport.run(longer, LlmTestSupport.options(endpoints)
                .withReplay(rec.resolve(CassetteGateway.FILE), true), dir.resolve("fall"));
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
    }
}
