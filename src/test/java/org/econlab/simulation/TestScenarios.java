package org.econlab.simulation;

/** Scenario JSON for tests, written the way a user writes a scenario file. */
public final class TestScenarios {

    private TestScenarios() {
    }

    /** A valid scenario with the given brackets preset, worker object and planner object (JSON text). */
    public static String json(int agents, int steps, String preset, String worker, String planner) {
        return """
            {
              "schemaVersion": 1,
              "name": "test",
              "seed": 42,
              "steps": %d,
              "taxYearSteps": 5,
              "population": { "agents": %d },
              "brackets": { "preset": "%s" },
              "worker": %s,
              "planner": %s
            }
            """.formatted(steps, agents, preset, worker, planner);
    }

    public static Scenario scenario(int agents, int steps, String preset, String worker, String planner) {
        return ScenarioCodec.parse(json(agents, steps, preset, worker, planner));
    }
}
