package org.econlab.llm;

import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden prompts: for a fixed seed and scripted replies, the full text of every prompt of the first three steps (worker,
 * planner, persona, satisfaction, candidacy, vote and leader) equals the checked-in files under
 * {@code src/test/resources/golden-prompts/}.
 *
 * <p>How the expected files were derived: each prompt piece traces to the reference v1 code (sethkarten/LLM-Economist,
 * {@code llm_economist/agents/worker.py}: system prompt, {@code add_message}, {@code update_utility},
 * {@code act_pre_vote}, {@code act_vote}, {@code act_vote_platform}, {@code act_plan}, {@code create_persona_with_llm};
 * {@code agents/planner.py}: system prompt, {@code add_message}, {@code add_reflect_msg};
 * {@code agents/llm_agent.py}: {@code get_historical_message}, {@code call_llm}, {@code prompt_cot};
 * {@code main.py}: the step order and the democratic flow) and to paper-model §3-§5 and §9. The files were written by
 * this implementation and then reviewed line by line against that code: the runs of spaces come from the reference's
 * Python line continuations (20 spaces in the worker's system prompt, 12 in the planner's, 24 in the candidacy and
 * leader instructions), numbers are Python's {@code repr} (NumPy 1.x scalars print the same), rates print as ints
 * until the first tax change, the average rates as a NumPy array, every best-N header shows the current step's leader
 * string ({@code planner} in entry 0, empty later, {@code Leader: worker_j. Leader's action: [..].} after an
 * election). Regenerate after a deliberate change with {@code -Dgolden.update=true} and review the diff.
 */
class PaperPromptsGoldenTest {

    @RegisterExtension
    static final FakeLlmServer server = FakeLlmServer.start();

    private static final Pattern WORKER = Pattern.compile("You are worker_([0-9]+)");

    /** Deterministic replies that move: labour 40/60/30/80 by agent and step, the planner +10/-10/0, leader +20/0/-20. */
    static String script(String system, String user) {
        if (system.contains("realistic economic personas")) {
            Matcher m = Pattern.compile("Age: ([0-9]+)").matcher(user);
            return "\"You are " + (m.find() ? m.group(1) : "a") + " years old and careful with money.\"";
        }
        if (system.contains("expert tax planner")) {
            return "{\"DELTA\": [10, -10, 0]}";
        }
        if (user.contains("are you satisfied with the overall tax policy")) {
            return user.contains("Timestep 1:") ? "{\"thought\": \"The rebate helps.\", \"ANSWER\": \"YES\"}"
                    : "{\"thought\": \"Too much tax.\", \"ANSWER\": \"NO\"}";
        }
        Matcher w = WORKER.matcher(system);
        int agent = w.find() ? Integer.parseInt(w.group(1)) : 0;
        if (user.contains("you set the marginal tax rates")) {
            return "{\"DELTA\": [20, 0, -20]}";
        }
        if (user.contains("vote for a new tax planning leader")) {
            return user.contains("PLATFORM") ? "{\"LEADER\": \"0\"}" : "{\"LEADER\": \"1\"}";
        }
        if (user.contains("decide if you want to run")) {
            return agent == 1 ? "{\"DELTA\": None}" : "{\"DELTA\": [" + (agent == 0 ? "10, 0, -10" : "\"0\", \"0\", \"0\"") + "]}";
        }
        int steps = user.split("Timestep ", -1).length;
        int l = new int[] {40, 60, 30, 80}[(agent + steps) % 4];
        if (user.endsWith("no more than 4 sentences.")) { // the first call of chain of thought: prose, no JSON
            return "I will try " + l + " hours this year.";
        }
        return "{\"LABOR\": \"" + l + "\"}";
    }

    @AfterEach
    void unscript() {
        server.script = null;
        server.received.clear();
    }

    @Test
    void rationalIo(@TempDir Path dir) throws IOException {
        check(dir, "rational-io", "\"population\":{\"agents\":3},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"llm\",\"endpoint\":\"fake\"}");
    }

    @Test
    void boundedPersonasChainOfThought(@TempDir Path dir) throws IOException {
        check(dir, "bounded-cot", "\"population\":{\"agents\":3,\"personas\":true},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\",\"prompt\":\"cot\"},"
                + "\"planner\":{\"kind\":\"llm\",\"endpoint\":\"fake\",\"prompt\":\"cot\"}");
    }

    @Test
    void altruisticAndAdversarialWorkersReadThePlannersHistory(@TempDir Path dir) throws IOException {
        check(dir, "social-io", "\"population\":{\"agents\":3,\"utilityMix\":{\"egotistical\":34,\"altruistic\":33,"
                + "\"adversarial\":33}},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"llm\",\"endpoint\":\"fake\"}");
    }

    @Test
    void democraticWithoutPlatforms(@TempDir Path dir) throws IOException {
        check(dir, "democratic", "\"population\":{\"agents\":3,\"personas\":true},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},"
                + "\"planner\":{\"kind\":\"democratic\",\"electorate\":{\"kind\":\"llm\"}}");
    }

    @Test
    void democraticWithPlatforms(@TempDir Path dir) throws IOException {
        check(dir, "democratic-platforms", "\"population\":{\"agents\":3,\"personas\":true},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},"
                + "\"planner\":{\"kind\":\"democratic\",\"platforms\":true,\"electorate\":{\"kind\":\"llm\"}}");
    }

    /**
     * {@code random: numpy}: the reference's seed-42 population, so worker_0's first prompt is the reference's, skill
     * 673.9404573630337 (paper-model §2.1) and its income at 40 hours as Python prints {@code v * 40}.
     */
    @Test
    void numpySeed42GivesTheReferencesFirstWorkerPrompt(@TempDir Path dir) throws IOException {
        check(dir, "numpy-seed42", "\"random\":\"numpy\",\"population\":{\"agents\":5},"
                + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"llm\",\"endpoint\":\"fake\"}");
        String golden = Files.readString(Path.of("src/test/resources/golden-prompts/numpy-seed42.txt"));
        String first = "=== SYSTEM\nYou are worker_0, a citizen of Princetonia. Your skill level is 673.9404573630337 with"
                + " an expected income of 26957.618294521348 at 40 hours of labor each week. Each year you will have the"
                + " option to choose the number of hours of labor to perform each week.                     You can work"
                + " overtime (>40 hours per week) or undertime (<40 hours per week).                     You will"
                + " receive income z proportional to the number of hours worked and your skill level.                    "
                + " Your goal is to maximize your isoelastic utility.                     Make sure to sufficiently"
                + " explore different amounts of LABOR before exploiting the best one for maximum utility u.          "
                + "           Once you find the maximum utility, only output LABOR corresponding to maximum utility u."
                + "                     Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.\n"
                + "\n=== USER\nHistorical data:\nTimestep 0:\nTAX: = [50, 50, 50]\nskill: s = 673.9404573630337\n";
        assertTrue(golden.contains(first), "worker_0's first prompt");
    }

    /** Runs 3 steps (tax year 2, so a decision at step 2) and compares every prompt sent with the golden file. */
    private void check(Path dir, String name, String fields) throws IOException {
        server.received.clear();
        server.script = PaperPromptsGoldenTest::script;
        Path endpoints = LlmTestSupport.endpointsFile(dir, server, "openai", 2, 5);
        var scenario = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"golden\",\"seed\":42,\"steps\":3,"
                + "\"taxYearSteps\":2,\"brackets\":{\"preset\":\"three\",\"rates\":[50,50,50]},"
                + "\"utility\":{\"swf\":\"inverse_income\"}," + fields + "}");
        new Simulation(scenario, false, LlmTestSupport.options(endpoints).newRunContext()).runToEnd();
        List<String> prompts = new ArrayList<>();
        synchronized (server.received) {
            for (String[] r : server.received) {
                prompts.add("=== SYSTEM\n" + r[0] + "\n=== USER\n" + r[1] + "\n=== END\n");
            }
        }
        prompts.sort(Comparator.naturalOrder()); // calls of one step run concurrently: compare as a sorted set
        String actual = String.join("\n", prompts);
        Path golden = Path.of("src/test/resources/golden-prompts", name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(golden), "missing " + golden + " (run with -Dgolden.update=true once)");
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Path out = dir.resolveSibling(name + ".actual.txt");
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, name + ": prompts differ from the golden file");
    }
}
