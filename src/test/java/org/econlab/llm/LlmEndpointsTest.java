package org.econlab.llm;

import org.econlab.config.InvalidInputException;
import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Endpoint files, several endpoints serving one run, and the rate limit. */
class LlmEndpointsTest {

    @Test
    void severalEndpointsShareTheCallsOfOneRun(@TempDir Path dir) throws Exception {
        try (FakeLlmServer a = new FakeLlmServer(); FakeLlmServer b = new FakeLlmServer()) {
            a.latencyMillis = 5;
            b.latencyMillis = 5;
            EndpointProfile pa = new EndpointProfile("a", EndpointProfile.Provider.OPENAI, a.openAiBaseUrl(), "m", 0.7, 1000,
                    true, 2, 0, 0, 0, null, 5);
            EndpointProfile pb = new EndpointProfile("b", EndpointProfile.Provider.OLLAMA, b.ollamaBaseUrl(), "m", 0.7, 1000,
                    true, 2, 0, 0, 0, null, 5);
            Path f = dir.resolve("endpoints.json");
            Files.writeString(f, EndpointProfiles.toJson(pa, pb));
            var s = ScenarioCodec.parse("{\"schemaVersion\":1,\"steps\":3,\"population\":{\"agents\":8},"
                    + "\"worker\":{\"kind\":\"llm\",\"endpoint\":[\"a\",\"b\"]},\"planner\":{\"kind\":\"fixed\",\"rates\":[10,20,30]}}");
            Simulation sim = new Simulation(s, false, LlmOptions.DEFAULT.withEndpointsFile(f).newRunContext());
            sim.runToEnd();
            assertEquals(RunOutcome.COMPLETED, sim.outcome());
            assertTrue(a.requests.get() > 0 && b.requests.get() > 0, a.requests + " / " + b.requests);
            assertEquals(24, a.requests.get() + b.requests.get());
        }
    }

    @Test
    void profilesAreValidatedAndKeysAreRefusedInTheFile() {
        var e = assertThrows(InvalidInputException.class, () -> EndpointProfiles.parse(
                "{\"endpoints\":[{\"name\":\"x\",\"provider\":\"openai\",\"baseUrl\":\"http://h:1/v1\",\"model\":\"m\",\"apiKey\":\"sk\"}]}", "f.json"));
        assertTrue(e.getMessage().contains("environment variable"), e.getMessage());
        var g = assertThrows(InvalidInputException.class, () -> EndpointProfiles.parse(
                "{\"endpoints\":[{\"name\":\"x\",\"provider\":\"gpt\",\"baseUrl\":\"http://h:1/v1\",\"model\":\"m\"}]}", "f.json"));
        assertTrue(g.getMessage().contains("unknown provider"), g.getMessage());
        var p = EndpointProfiles.parse("{\"endpoints\":[{\"name\":\"x\",\"provider\":\"ollama\",\"baseUrl\":\"http://h:1\",\"model\":\"m\"}]}", "f.json");
        assertEquals(EndpointProfile.Provider.OLLAMA, p.get("x", "worker.endpoint").provider());
        var missing = assertThrows(InvalidInputException.class, () -> p.get("y", "worker.endpoint"));
        assertTrue(missing.getMessage().startsWith("worker.endpoint: no profile named y in f.json"), missing.getMessage());
    }

    @Test
    void aMissingKeyVariableIsAClearErrorWithoutTheKey() {
        EndpointProfile p = new EndpointProfile("k", EndpointProfile.Provider.OPENAI, "http://127.0.0.1:9/v1", "m", 0.7,
                1000, true, 1, 0, 0, 0, "NO_SUCH_VAR_FOR_TEST", 1);
        var e = assertThrows(InvalidInputException.class, () -> new LangchainGateway(p, name -> null));
        assertTrue(e.getMessage().contains("NO_SUCH_VAR_FOR_TEST"), e.getMessage());
    }

    @Test
    void theRateLimitSpacesRequests() {
        ThrottledGateway g = new ThrottledGateway("r", q -> new LlmReply("{}", 1, 1, 0, 0, "r", 0), 4, 1200); // 50 ms apart
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            g.call(new LlmRequest("worker", "c" + i, "", "u", true, 0.7, 10));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(ms >= 195, "5 requests at 1200/min take at least 200 ms, took " + ms);
    }

    @Test
    void scenarioFieldsAreValidatedAtLoad() {
        var e = assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse("{\"schemaVersion\":1,"
                + "\"worker\":{\"kind\":\"llm\",\"prompt\":\"tot\"},\"planner\":{\"kind\":\"llm\"}}"));
        assertTrue(e.getMessage().startsWith("worker.prompt: unknown prompt"), e.getMessage());
        var u = assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse("{\"schemaVersion\":1,"
                + "\"worker\":{\"kind\":\"rational\"},\"planner\":{\"kind\":\"llm\",\"apiKey\":\"x\"}}"));
        assertTrue(u.getMessage().startsWith("planner.apiKey: unknown field"), u.getMessage());
    }
}
