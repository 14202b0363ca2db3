package org.econlab.llm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.cli.LabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run's calls spread over two OpenAI-compatible servers (the shipped example endpoint file, pointed at two
 * real local servers): each server stays within its own concurrency limit, and the run record says which server
 * answered how many calls, step by step in steps.csv and in total in the manifest; a replay says the same.
 */
class LlmEndpointSpreadTest {

    @RegisterExtension
    static final FakeLlmServer serverA = FakeLlmServer.start();

    @RegisterExtension
    static final FakeLlmServer serverB = FakeLlmServer.start();

    static final Path EXAMPLE = Path.of("src/main/deploy/llm/endpoints-two-vllm.json");

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /** The example file with its two base URLs pointing at the test's servers, and the given concurrency limits. */
    private static Path example(Path dir, int maxA, int maxB) throws Exception {
        JsonObject file = JsonParser.parseString(Files.readString(EXAMPLE)).getAsJsonObject();
        JsonObject a = file.getAsJsonArray("endpoints").get(0).getAsJsonObject();
        JsonObject b = file.getAsJsonArray("endpoints").get(1).getAsJsonObject();
        assertEquals("http://localhost:8000/v1", a.get("baseUrl").getAsString());
        assertEquals("http://localhost:8001/v1", b.get("baseUrl").getAsString());
        a.addProperty("baseUrl", serverA.openAiBaseUrl());
        b.addProperty("baseUrl", serverB.openAiBaseUrl());
        a.addProperty("maxConcurrent", maxA);
        b.addProperty("maxConcurrent", maxB);
        Path f = dir.resolve("endpoints.json");
        Files.writeString(f, file.toString());
        return f;
    }

    private static JsonObject manifest(Path run) throws Exception {
        return JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject();
    }

    @Test
    void callsAreSpreadOverBothServersWithinEachOnesLimitAndCountedPerServer(@TempDir Path dir) throws Exception {
        serverA.latencyMillis = 15;
        serverB.latencyMillis = 15;
        long beforeA = serverA.requests.get();
        long beforeB = serverB.requests.get();
        serverA.maxInFlight.set(0);
        serverB.maxInFlight.set(0);
        Path endpoints = example(dir, 1, 2);
        Path rec = dir.resolve("rec");
        String[] r = cli("run", "sample-scenarios/llm-rational-5.json", "--steps", "6", "--out", rec.toString(),
                "--endpoints-file", endpoints.toString(), "--endpoint", "vllm-a,vllm-b", "--record-llm");
        assertEquals("0", r[0], r[2]);
        long a = serverA.requests.get() - beforeA;
        long b = serverB.requests.get() - beforeB;
        assertTrue(a > 0 && b > 0, "both servers answered: " + a + " and " + b);
        assertTrue(serverA.maxInFlight.get() <= 1, "vllm-a allows 1 call at a time: " + serverA.maxInFlight.get());
        assertTrue(serverB.maxInFlight.get() <= 2, "vllm-b allows 2 calls at a time: " + serverB.maxInFlight.get());
        assertTrue(r[1].contains("llm endpoints: vllm-a=" + a + " vllm-b=" + b), r[1]);

        JsonObject totals = manifest(rec).getAsJsonObject("metricTotals");
        assertEquals(a, totals.get("llm_endpoint_vllm_a_calls").getAsLong());
        assertEquals(b, totals.get("llm_endpoint_vllm_b_calls").getAsLong());
        assertEquals(a + b, totals.get("llm_calls").getAsLong(), "every call answered by one of the two");
        List<String> steps = Files.readAllLines(rec.resolve("steps.csv"));
        assertTrue(steps.get(0).contains(",llm_cost_usd,llm_truncated,llm_endpoint_vllm_a_calls,llm_endpoint_vllm_b_calls,"), steps.get(0));
        assertEquals(7, steps.size());

        // The replay needs neither server nor endpoint file and reports the same servers' counts.
        Path play = dir.resolve("play");
        String[] p = cli("run", "sample-scenarios/llm-rational-5.json", "--steps", "6", "--out", play.toString(),
                "--replay-llm", rec.resolve("cassette.jsonl").toString());
        assertEquals("0", p[0], p[2]);
        assertEquals(a + b, serverA.requests.get() - beforeA + serverB.requests.get() - beforeB, "no new calls");
        assertEquals(Files.readString(rec.resolve("steps.csv")), Files.readString(play.resolve("steps.csv")));
        assertEquals(totals, manifest(play).getAsJsonObject("metricTotals"));
    }

    @Test
    void columnNamesAreSnakeCaseProfileNames() {
        assertEquals("vllm_a", LlmMetrics.columnPart("vllm-a"));
        assertEquals("gpu_node_1_vllm", LlmMetrics.columnPart("GPU node #1 / vLLM"));
        assertEquals("unnamed", LlmMetrics.columnPart("--"));
    }
}
