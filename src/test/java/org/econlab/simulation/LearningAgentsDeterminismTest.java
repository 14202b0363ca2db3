package org.econlab.simulation;

import org.econlab.TestScenarios;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parallel chunks and one sequential pass must give bit-identical steps for every new kind. */
class LearningAgentsDeterminismTest {

    /** More than two chunks of {@link Simulation#CHUNK} agents, so the parallel path really splits. */
    private static final int AGENTS = 2 * Simulation.CHUNK + 1000;

    private static void assertSameRuns(Scenario s) {
        Simulation par = new Simulation(s, true);
        Simulation seq = new Simulation(s, false);
        while (!par.isFinished()) {
            StepSnapshot a = par.step();
            StepSnapshot b = seq.step();
            assertEquals(b.swf(), a.swf(), 0, "swf at step " + b.step());
            assertArrayEquals(b.ratesPercent(), a.ratesPercent());
            assertEquals(b.meanHours(), a.meanHours(), 0);
            assertEquals(b.leader(), a.leader());
            assertEquals(b.votesForLeader(), a.votesForLeader());
            assertArrayEquals(b.metricValues(), a.metricValues());
        }
        assertArrayEquals(seq.state().hours(), par.state().hours());
    }

    @Test
    void learningWorkersWithIcrl() {
        assertSameRuns(TestScenarios.of(AGENTS, "us_fed_2024", null, "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}", 60, false));
    }

    @Test
    void personaWorkersWithDemocracy() {
        assertSameRuns(TestScenarios.of(Simulation.CHUNK + 500, "three", null, "{\"kind\":\"persona\"}",
                "{\"kind\":\"democratic\"}", 30, true));
    }

    @Test
    void stackelbergPlanner() {
        // The search runs once at construction (1,331 best-response sweeps), so a small population keeps it fast.
        assertSameRuns(TestScenarios.of(300, "three", null, "{\"kind\":\"learning\"}", "{\"kind\":\"stackelberg\"}", 30, false));
    }

    @Test
    void omittedKindsDefaultToLearningWorkersAndTheIcrlPlanner() {
        Scenario s = ScenarioCodec.parse("{\"schemaVersion\":1,\"population\":{\"agents\":3}}");
        assertEquals("learning", s.worker().kind());
        assertEquals("icrl", s.planner().kind());
        assertEquals(s, ScenarioCodec.fromJson(ScenarioCodec.toJson(s)));
    }

    @Test
    void sampleScenariosAreValid() {
        for (String name : new String[] {"rational-5", "us-fed-100", "bounded-100", "democratic-100"}) {
            Scenario s = ScenarioCodec.readResource("/sample-scenarios/" + name + ".json");
            assertEquals(2500, s.steps(), name);
        }
    }
}
