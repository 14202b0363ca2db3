package org.econlab.llm;

import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.RunStore;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Shared set-up for the LLM tests: an endpoint file pointing at a {@link FakeLlmServer}, options, scenarios. */
final class LlmTestSupport {

    static final String KEY_ENV = "ECONLAB_TEST_KEY";
    static final String SECRET = "sk-test-SECRET-5e1f9a";

    private LlmTestSupport() {
    }

    /**
     * Client timeout for runs with injected faults, in seconds, and how long an injected timeout makes the server
     * sleep. A normal reply must never take as long as the timeout, even on a loaded 2-core CI machine: a slow normal
     * reply counted as a timeout would make the fault accounting and the concurrency comparison flaky.
     */
    static final double FAULT_TIMEOUT_SECONDS = 1.0;
    static final long FAULT_SLEEP_MILLIS = 1_600;

    static Path endpointsFile(Path dir, FakeLlmServer server, String provider, int maxConcurrent, double timeoutSeconds)
            throws IOException {
        String base = provider.equals("ollama") ? server.ollamaBaseUrl() : server.openAiBaseUrl();
        EndpointProfile p = new EndpointProfile("fake", EndpointProfile.Provider.byId(provider), base, "fake-model", 0.7,
                1000, true, maxConcurrent, 0, 0.15, 0.60, KEY_ENV, timeoutSeconds);
        Path f = dir.resolve("endpoints.json");
        Files.writeString(f, EndpointProfiles.toJson(p));
        return f;
    }

    static LlmOptions options(Path endpoints) {
        return LlmOptions.DEFAULT.withEndpointsFile(endpoints).withEnv(Map.of(KEY_ENV, SECRET)::get)
                .withTransportRetries(2, 2);
    }

    static Scenario scenario(int agents, int steps, int taxYear, boolean personas, String extraWorker) {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"llm test\",\"seed\":7,\"steps\":" + steps
                + ",\"taxYearSteps\":" + taxYear + ",\"population\":{\"agents\":" + agents + ",\"personas\":" + personas
                + "},\"brackets\":{\"preset\":\"three\"},\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\""
                + extraWorker + "},\"planner\":{\"kind\":\"llm\",\"endpoint\":\"fake\"}}");
    }

    /** Runs {@code s} to its end with {@code options}, writing a record in {@code dir}; returns the simulation. */
    static Simulation run(Scenario s, LlmOptions options, Path dir) {
        // As the command line does: claim the record folder first (a cassette may be recorded into it).
        RunStore.claim(dir, false, "--out");
        Simulation sim = new Simulation(s, false, options.newRunContext());
        sim.addListener(RunRecordWriter.claimed(dir));
        sim.runToEnd();
        return sim;
    }

    /** The usage meter of {@code sim}'s LLM agents. */
    static UsageMeter meterOf(Simulation sim) {
        return LlmRun.in(sim.context()).orElseThrow().meter();
    }
}
