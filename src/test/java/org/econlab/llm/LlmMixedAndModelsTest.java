package org.econlab.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.report.RunComparison;
import org.econlab.report.RunData;
import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mixed populations, elections without platforms, truncated replies and the models a run records. */
class LlmMixedAndModelsTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void reset() {
        server.script = null;
        server.received.clear();
        server.cutReplies.set(0);
    }

    private static final Pattern WORKER = Pattern.compile("You are (worker_[0-9]+)");

    private static Set<String> callers() {
        Set<String> who = new TreeSet<>();
        synchronized (server.received) {
            for (String[] r : server.received) {
                Matcher m = WORKER.matcher(r[0]);
                who.add(m.find() ? m.group(1) : r[0].contains("expert tax planner") ? "planner" : "other");
            }
        }
        return who;
    }

    @Test
    void aThousandWorkersWithFiveLlmWorkersCallTheServerOnlyForThoseFive(@TempDir Path dir) throws IOException {
        server.script = (s, u) -> null; // default answers, but record every request
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 5);
        var s = ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":11,\"steps\":4,\"taxYearSteps\":2,"
                + "\"population\":{\"agents\":1000},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\",\"llmAgents\":{\"random\":5},"
                + "\"others\":{\"kind\":\"rational\"}},\"planner\":{\"kind\":\"icrl\"}}");
        Simulation sim = LlmTestSupport.run(s, LlmTestSupport.options(endpoints), dir.resolve("run"));
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
        Set<String> who = callers();
        assertEquals(5, who.size(), "only the five LLM workers call the server: " + who);
        assertEquals(20, server.received.size(), "5 workers x 4 steps, one call each");
        int[] llm = ((LlmWorkers) LlmRun.in(sim.context()).orElseThrow().workers()).llmAgents();
        for (int i : llm) {
            assertTrue(who.contains("worker_" + i), "drawn agent " + i + " called");
        }
        // the same seed draws the same five; the rest play the built-in kind (rational: best responses)
        var again = ScenarioCodec.parse(Files.readString(dir.resolve("run/manifest.json")).isEmpty() ? "" :
                JsonParser.parseString(Files.readString(dir.resolve("run/manifest.json"))).getAsJsonObject()
                        .get("scenario").toString());
        LlmWorkerSettings.Subset subset = new LlmWorkerSettings.Subset(false, null, 5, 0, "x");
        assertEquals(java.util.Arrays.toString(llm), java.util.Arrays.toString(subset.resolve(1000, 11)));
        assertTrue(again.population().agents() == 1000);
        // the run record names the model that answered, per role
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("run/manifest.json"))).getAsJsonObject();
        JsonArray models = m.getAsJsonArray("llmModels");
        assertEquals(1, models.size(), models.toString());
        assertEquals("worker", models.get(0).getAsJsonObject().get("role").getAsString());
        assertEquals("fake-model", models.get(0).getAsJsonObject().get("model").getAsString());
        assertEquals("http://127.0.0.1:" + server.port(), models.get(0).getAsJsonObject().get("host").getAsString());
    }

    @Test
    void anAdHocEndpointIsWhatTheManifestAndCompareShow(@TempDir Path dir) throws IOException {
        // the scenario names "local"; --llm-base-url/--llm-model replace it: the record must say what really ran
        var s = ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":3,\"steps\":2,\"taxYearSteps\":2,"
                + "\"population\":{\"agents\":2},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"local\"},\"planner\":{\"kind\":\"llm\",\"endpoint\":\"local\"}}");
        EndpointProfile adHoc = EndpointProfile.adHoc(EndpointProfile.Provider.OLLAMA, server.ollamaBaseUrl(),
                "llama3.1:8b", null);
        // a host is only scheme://host:port: user info, path and query never reach a record
        assertEquals("https://example.org:8443", LlmActivityLog.host("https://user:secret@example.org:8443/v1?token=abc"));
        LlmOptions o = LlmOptions.DEFAULT.withAdHocEndpoint(adHoc).withTransportRetries(1, 1);
        LlmTestSupport.run(s, o, dir.resolve("a"));
        String manifest = Files.readString(dir.resolve("a/manifest.json"));
        assertFalse(manifest.contains("/api"), manifest);
        JsonArray models = JsonParser.parseString(manifest).getAsJsonObject().getAsJsonArray("llmModels");
        assertEquals(2, models.size(), models.toString());
        for (var e : models) {
            assertEquals("ollama", e.getAsJsonObject().get("provider").getAsString());
            assertEquals("llama3.1:8b", e.getAsJsonObject().get("model").getAsString());
            assertEquals("http://127.0.0.1:" + server.port(), e.getAsJsonObject().get("host").getAsString());
        }
        String compare = new RunComparison(List.of(RunData.read(dir.resolve("a")))).csv();
        assertTrue(compare.lines().findFirst().orElseThrow().endsWith(",llm_models"), compare);
        assertTrue(compare.contains("worker, planner: ollama/llama3.1:8b@http://127.0.0.1:" + server.port()), compare);
    }

    @Test
    void aReplyCutByTheTokenLimitIsAskedAgainNotRead(@TempDir Path dir) throws IOException {
        server.script = (s, u) -> s.contains("expert tax planner") ? null : "{\"LABOR\": \"100\"}";
        server.cutReplies.set(2); // the first two replies come back with finish reason "length": {"LABOR": "1
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 1, 5);
        var s = ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":3,\"steps\":1,\"taxYearSteps\":2,"
                + "\"population\":{\"agents\":1},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"icrl\"}}");
        Simulation sim = LlmTestSupport.run(s, LlmTestSupport.options(endpoints), dir.resolve("run"));
        assertEquals(100, sim.state().hours()[0], "never read as 1 hour or 10 hours");
        UsageMeter m = LlmTestSupport.meterOf(sim);
        assertEquals(2, m.get("worker", UsageMeter.TRUNCATED));
        assertEquals(0, m.get("worker", UsageMeter.INVALID_REPLIES));
        assertEquals(3, m.get("worker", UsageMeter.CALLS));
        String header = Files.readString(dir.resolve("run/steps.csv")).lines().findFirst().orElseThrow();
        assertTrue(header.contains("llm_worker_truncated"), header);
    }

    @Test
    void anLlmElectionWithoutPlatformsListsEveryWorker(@TempDir Path dir) throws IOException {
        server.script = (s, u) -> u.contains("vote for a new tax planning leader") ? "{\"LEADER\": \"2\"}" : null;
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 5);
        var s = ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":5,\"steps\":3,\"taxYearSteps\":2,"
                + "\"population\":{\"agents\":4},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},"
                + "\"planner\":{\"kind\":\"democratic\",\"platforms\":false,\"electorate\":{\"kind\":\"llm\"}}}");
        Simulation sim = new Simulation(s, false, LlmTestSupport.options(endpoints).newRunContext());
        StepSnapshot first = sim.step();
        sim.runToEnd();
        assertEquals(2, first.leader(), "every voter named worker 2");
        assertEquals(4, first.votesForLeader());
        long candidacy = server.received.stream().filter(r -> r[1].contains("decide if you want to run")).count();
        assertEquals(0, candidacy, "nobody is asked to run");
        String vote = server.received.stream().filter(r -> r[1].contains("vote for a new tax planning leader"))
                .findFirst().orElseThrow()[1];
        assertTrue(vote.contains("You may vote for any of the following LEADER: [0, 1, 2, 3]Use the JSON format"), vote);
        // the leader elected at step 0 is in every worker's block from step 0 on
        String worker1 = server.received.stream().filter(r -> r[0].contains("You are worker_1,")
                && r[1].contains("Timestep 1:\nTAX")).findFirst().orElseThrow()[1];
        assertTrue(worker1.contains("Current leader: worker_2\npre-tax income"), worker1);
        String worker1AtStep0 = server.received.stream().filter(r -> r[0].contains("You are worker_1,")
                && r[1].contains("Best 1 timesteps:") && r[1].contains("Next year")).findFirst().orElseThrow()[1];
        assertTrue(worker1AtStep0.contains("Timestep 0 (leader Leader: worker_2. Leader's action: [0, 0, 0].):"),
                worker1AtStep0);
    }
}
