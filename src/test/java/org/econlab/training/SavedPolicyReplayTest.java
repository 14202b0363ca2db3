package org.econlab.training;

import com.google.gson.JsonObject;
import org.econlab.config.InvalidInputException;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.econlab.simulation.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20: a saved policy, played by a scenario's planner, replays identically (from its file or inline). */
class SavedPolicyReplayTest {

    private static List<String> play(Scenario s) {
        Simulation sim = new Simulation(s, false);
        List<String> out = new ArrayList<>();
        while (!sim.isFinished()) {
            StepSnapshot st = sim.step();
            out.add(java.util.Arrays.toString(st.ratesPercent()) + " " + st.swf());
        }
        return out;
    }

    @Test
    void aTrainedPolicyReplaysIdenticallyFromItsFileOrInline(@TempDir Path dir) throws Exception {
        Scenario s = TestScenarios.scenario(8, 60, "three", "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}");
        PolicyTraining.Outcome trained = PolicyTraining.trainInto(s, new PolicyGradientTrainer.Settings(8,
                new long[] {11, 12}, 4, 0.2, 0.0, 11), 2, dir, false, null);
        String file = dir.resolve(PolicyTraining.POLICY_FILE).toString().replace("\\", "/");
        Scenario fromFile = ScenarioCodec.parse(TestScenarios.json(8, 60, "three", "{\"kind\":\"learning\"}",
                "{\"kind\":\"policy_gradient\",\"policy\":\"" + file + "\"}"));
        JsonObject inline = new JsonObject();
        inline.addProperty("kind", "policy_gradient");
        inline.add("policy", PolicyTraining.policyOnly(trained.policyJson()));
        Scenario inlined = ScenarioCodec.parse(TestScenarios.json(8, 60, "three", "{\"kind\":\"learning\"}",
                inline.toString()));
        List<String> a = play(fromFile);
        assertEquals(a, play(fromFile));
        assertEquals(a, play(inlined));
        assertEquals(a, play(ScenarioCodec.parse(ScenarioCodec.write(inlined)))); // through a run record's scenario
        assertTrue(a.stream().map(x -> x.substring(0, x.indexOf(']'))).distinct().count() > 1, "the rates move");
        // the most likely DELTA, or one drawn with the run seed: these replay too
        for (String how : new String[] {"mode", "sample"}) {
            JsonObject other = inline.deepCopy();
            other.addProperty("play", how);
            Scenario sc = ScenarioCodec.parse(TestScenarios.json(8, 60, "three", "{\"kind\":\"learning\"}",
                    other.toString()));
            assertEquals(play(sc), play(sc), how);
        }
    }

    @Test
    void aPolicyThatDoesNotFitIsRefusedWithTheFieldAndTheReason(@TempDir Path dir) throws Exception {
        Scenario s = TestScenarios.scenario(8, 30, "three", "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}");
        PolicyTraining.trainInto(s, new PolicyGradientTrainer.Settings(2, new long[] {1}, 2, 0.05, 0.01, 1), 1, dir,
                false, null);
        String file = dir.resolve(PolicyTraining.POLICY_FILE).toString().replace("\\", "/");
        String m = assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(TestScenarios.json(8, 30,
                "us_fed_2024", "{\"kind\":\"learning\"}", "{\"kind\":\"policy_gradient\",\"policy\":\"" + file + "\"}")))
                .getMessage();
        assertEquals("planner.policy: the policy was trained for 3 brackets; this scenario has 7", m);
        Path missing = dir.resolve("nothing.json");
        assertTrue(assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(TestScenarios.json(8, 30, "three",
                "{\"kind\":\"learning\"}", "{\"kind\":\"policy_gradient\",\"policy\":\""
                        + missing.toString().replace("\\", "/") + "\"}"))).getMessage()
                .startsWith("planner.policy: cannot read the policy file"));
        Files.writeString(missing, "{\"format\": \"something else\"}");
        assertTrue(assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(TestScenarios.json(8, 30, "three",
                "{\"kind\":\"learning\"}", "{\"kind\":\"policy_gradient\",\"policy\":\""
                        + missing.toString().replace("\\", "/") + "\"}"))).getMessage()
                .startsWith("planner.policy: is not a policy_gradient policy"));
        assertEquals("planner.policy: is required: the policy file the train command wrote, or its JSON",
                assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(TestScenarios.json(8, 30, "three",
                        "{\"kind\":\"learning\"}", "{\"kind\":\"policy_gradient\"}"))).getMessage());
    }
}
