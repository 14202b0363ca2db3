package org.econlab.llm;

import org.econlab.cli.LabCli;
import org.econlab.governance.Candidate;
import org.econlab.governance.ElectionContext;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.StepContext;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.LabourModel;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's LLM options, the sample scenarios and the LLM electorate. */
class LlmCliTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void sampleScenariosValidateWithoutAnyEndpointFile() {
        for (String name : List.of("llm-rational-5.json", "llm-bounded-5.json")) {
            var s = ScenarioCodec.read(Path.of("sample-scenarios", name));
            assertEquals("llm", s.worker().kind());
            assertEquals("llm", s.planner().kind());
            assertEquals(5, s.population().agents());
        }
    }

    @Test
    void aMissingProfileIsAClearInputError(@TempDir Path dir) {
        var s = ScenarioCodec.read(Path.of("sample-scenarios", "llm-rational-5.json"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.econlab.config.InvalidInputException.class,
                () -> new org.econlab.simulation.Simulation(s, false,
                        LlmOptions.DEFAULT.withEndpointsFile(dir.resolve("none.json")).newRunContext()));
        assertTrue(e.getMessage().startsWith("worker.endpoint: no profile named local in"), e.getMessage());
    }

    @Test
    void runWithAOneOffEndpointRecordsACassetteThatReplays(@TempDir Path dir) throws IOException {
        Path rec = dir.resolve("rec");
        String[] r = cli("run", "sample-scenarios/llm-rational-5.json", "--steps", "3", "--out", rec.toString(),
                "--llm-base-url", server.openAiBaseUrl(), "--llm-model", "m", "--record-llm");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("llm worker: calls=15"), r[1]);
        assertTrue(Files.exists(rec.resolve("cassette.jsonl")));
        Path play = dir.resolve("play");
        String[] p = cli("run", "sample-scenarios/llm-rational-5.json", "--steps", "3", "--out", play.toString(),
                "--replay-llm", rec.resolve("cassette.jsonl").toString());
        assertEquals("0", p[0], p[2]);
        assertEquals(Files.readString(rec.resolve("steps.csv")), Files.readString(play.resolve("steps.csv")));
    }

    @Test
    void runWithANamedProfileAndABudgetStopsCleanly(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "ollama", 4, 5);
        // the profile names a key variable; this JVM's environment lacks it, so use a profile without one
        Files.writeString(endpoints, Files.readString(endpoints).replace(",\"apiKeyEnv\":\"" + LlmTestSupport.KEY_ENV + "\"", ""));
        Path out = dir.resolve("run");
        String[] r = cli("run", "sample-scenarios/llm-bounded-5.json", "--steps", "40", "--out", out.toString(),
                "--endpoint", "fake", "--endpoints-file", endpoints.toString(), "--llm-budget-tokens", "20000");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("stopped after step") && r[1].contains("budget:"), r[1]);
        assertTrue(r[1].contains("llm satisfaction: calls="), r[1]);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"outcome\": \"stopped\"") && manifest.contains("\"stopReason\": \"budget:"), manifest);
    }

    @Test
    void llmCheckReportsModelLatencyAndJsonMode() {
        String[] r = cli("llm", "check", "--llm-base-url", server.ollamaBaseUrl(), "--llm-model", "tiny",
                "--llm-provider", "ollama");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("model=tiny") && r[1].contains("latency:") && r[1].contains("json mode:"), r[1]);
    }

    @Test
    void theLlmElectorateRunsAFullElection(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 2);
        {
            TaxSchedule rates = TaxSchedule.of(BracketPreset.THREE.brackets(), 50, 100, 0);
            AgentSetup setup = new AgentSetup(Population.ofSkills(100, 500, 900, 2000), rates, LabourModel.PAPER,
                    WelfareFunction.PAPER, 1, 10, 5, LlmTestSupport.options(endpoints).newRunContext());
            LlmElectorate e = LlmElectorate.create(setup,
                    com.google.gson.JsonParser.parseString("{\"kind\":\"llm\",\"endpoint\":\"fake\"}").getAsJsonObject(),
                    "electorate");
            StepContext step = new StepContext(1, 5, 10, 5, rates, LabourModel.PAPER, 3.0, 1000);
            ElectionContext ctx = new ElectionContext(step, rates, setup.population(), new WorkerState(4), 0);
            int running = 0;
            for (int i = 0; i < 4; i++) {
                Optional<double[]> p = e.platform(i, ctx);
                running += p.isPresent() ? 1 : 0;
            }
            assertEquals(4, LlmRun.of(setup).meter().get("candidacy", UsageMeter.CALLS), "one wave of calls");
            List<Candidate> candidates = List.of(new Candidate(1, new double[] {0, 0, 0}), new Candidate(0, new double[] {0, 0, 0}));
            for (int i = 0; i < 4; i++) {
                assertEquals(0, e.ballot(i, candidates, 3, ctx));
            }
            double[] d = e.leaderDeltas(0, candidates.get(1), ctx);
            assertArrayEquals(new double[] {0, 0, 0}, d);
            var metrics = e.metrics(() -> 5);
            assertEquals(4.0, metrics.value(metrics.names().indexOf("llm_candidacy_calls")));
            assertEquals(4.0, metrics.value(metrics.names().indexOf("llm_vote_calls")));
            assertEquals(1.0, metrics.value(metrics.names().indexOf("llm_leader_calls")));
            assertTrue(running >= 0);
        }
    }

    @Test
    void aDemocraticScenarioCanElectWithLlmVoters(@TempDir Path dir) throws IOException {
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 4, 2);
        var s = org.econlab.simulation.ScenarioCodec.parse("""
            {"schemaVersion":1,"seed":3,"steps":6,"taxYearSteps":3,"population":{"agents":4,"personas":true},
             "brackets":{"preset":"three"},"worker":{"kind":"persona"},
             "planner":{"kind":"democratic","electorate":{"kind":"llm","endpoint":"fake"}}}
            """);
        LlmTestSupport.run(s, LlmTestSupport.options(endpoints), dir.resolve("rec"));
        List<String> rows = Files.readAllLines(dir.resolve("rec").resolve("steps.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        String[] last = rows.get(rows.size() - 1).split(",");
        assertTrue(Integer.parseInt(last[header.indexOf("leader")]) >= 0, rows.get(rows.size() - 1));
        assertTrue(header.contains("llm_vote_calls"), rows.get(0));
        assertTrue(Double.parseDouble(last[header.indexOf("llm_vote_calls")]) >= 0);
    }

    @Test
    void anUnknownElectorateKindIsNamed() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.econlab.config.InvalidInputException.class,
                () -> org.econlab.simulation.ScenarioCodec.parse("""
                    {"schemaVersion":1,"population":{"agents":4},"brackets":{"preset":"three"},
                     "planner":{"kind":"democratic","electorate":{"kind":"psychic"}}}
                    """));
        assertTrue(e.getMessage().startsWith("planner.electorate.kind: unknown electorate \"psychic\" (known: built_in"), e.getMessage());
    }
}
