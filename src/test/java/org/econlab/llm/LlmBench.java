package org.econlab.llm;

import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The LLM performance figures of issue 4 (not a timed unit test; skipped unless {@code -Dllm.bench=true}):
 * <pre>mvn -B -o test -Dtest=LlmBench -Dllm.bench=true</pre>
 * (1) a local server answering every call in 50 ms, 100 LLM workers, concurrency 16: wall time per step against
 * the bound calls / concurrency x 50 ms; (2) prompt tokens per worker call and per planner call for the paper's
 * prompts (the local server counts characters / 4, the usual estimate for English text with GPT-style tokenizers).
 */
@EnabledIfSystemProperty(named = "llm.bench", matches = "true")
class LlmBench {

    @Test
    void stepWallTimeAgainstTheBound(@TempDir Path dir) throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            server.latencyMillis = Long.getLong("llm.bench.latency", 50);
            int concurrency = Integer.getInteger("llm.bench.concurrency", 16);
            int agents = Integer.getInteger("llm.bench.agents", 100);
            int steps = Integer.getInteger("llm.bench.steps", 8);
            Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", concurrency, 30);
            var scenario = LlmTestSupport.scenario(agents, steps, 4, false, "");
            {
                Simulation sim = new Simulation(scenario, false, LlmTestSupport.options(endpoints).newRunContext());
                UsageMeter m = LlmTestSupport.meterOf(sim);
                System.out.printf(Locale.ROOT, "%nLLM bench: %d workers, concurrency %d, server latency 50 ms%n", agents, concurrency);
                System.out.println("step  calls  wall_ms  bound_ms(calls/c*50)  waves_bound_ms(ceil)  ratio  mean_call_ms"
                        + "  waves*mean_call_ms");
                double sumWall = 0;
                double sumBound = 0;
                for (int k = 0; k < steps; k++) {
                    long calls0 = m.total(UsageMeter.CALLS);
                    long lat0 = m.total(UsageMeter.LATENCY_MILLIS);
                    long t0 = System.nanoTime();
                    sim.step();
                    double wall = (System.nanoTime() - t0) / 1e6;
                    long calls = m.total(UsageMeter.CALLS) - calls0;
                    double bound = calls / (double) concurrency * 50;
                    double waves = Math.ceil(calls / (double) concurrency) * 50;
                    double meanCall = (m.total(UsageMeter.LATENCY_MILLIS) - lat0) / (double) calls;
                    System.out.printf(Locale.ROOT, "%4d  %5d  %7.1f  %20.1f  %20.1f  %5.3f  %12.1f  %18.1f%n", k, calls, wall,
                            bound, waves, wall / bound, meanCall, Math.ceil(calls / (double) concurrency) * meanCall);
                    if (k > 0) { // step 0 includes class loading and connection set-up
                        sumWall += wall;
                        sumBound += bound;
                    }
                }
                System.out.printf(Locale.ROOT, "mean latency seen by the adapter: %.1f ms%n",
                        m.total(UsageMeter.LATENCY_MILLIS) / (double) m.total(UsageMeter.CALLS));
                System.out.printf(Locale.ROOT, "steps 1..%d: mean wall %.1f ms vs bound %.1f ms: %.1f%% above the bound%n",
                        steps - 1, sumWall / (steps - 1), sumBound / (steps - 1), (sumWall / sumBound - 1) * 100);
            }
        }
    }

    @Test
    void promptTokensPerCall(@TempDir Path dir) throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 8, 30);
            int steps = 76;
            var scenario = LlmTestSupport.scenario(5, steps, 25, false, "");
            {
                Simulation sim = new Simulation(scenario, false, LlmTestSupport.options(endpoints).newRunContext());
                UsageMeter m = LlmTestSupport.meterOf(sim);
                System.out.printf(Locale.ROOT, "%nLLM prompt tokens (chars/4), 5 workers, H=50, three brackets, IO prompts%n");
                for (int k = 0; k < steps; k++) {
                    long win = m.get("worker", UsageMeter.TOKENS_IN);
                    long wout = m.get("worker", UsageMeter.TOKENS_OUT);
                    long pin = m.get("planner", UsageMeter.TOKENS_IN);
                    long pout = m.get("planner", UsageMeter.TOKENS_OUT);
                    long pc = m.get("planner", UsageMeter.CALLS);
                    sim.step();
                    if (k == 0 || k == 10 || k == 25 || k == 50 || k == 75) {
                        System.out.printf(Locale.ROOT, "step %2d: worker call %6.0f in / %3.0f out", k,
                                (m.get("worker", UsageMeter.TOKENS_IN) - win) / 5.0,
                                (m.get("worker", UsageMeter.TOKENS_OUT) - wout) / 5.0);
                        if (m.get("planner", UsageMeter.CALLS) > pc) {
                            System.out.printf(Locale.ROOT, "; planner call %6d in / %3d out",
                                    m.get("planner", UsageMeter.TOKENS_IN) - pin, m.get("planner", UsageMeter.TOKENS_OUT) - pout);
                        }
                        System.out.println();
                    }
                }
            }
        }
        Files.deleteIfExists(dir.resolve("x"));
    }
}
