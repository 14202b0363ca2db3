package org.econlab;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

/** Small scenario builders for tests (JSON, so the codec's validation is exercised too). */
public final class TestScenarios {

    private TestScenarios() {
    }

    public static Scenario of(int agents, String preset, String rates, String worker, String planner, int steps,
                              boolean personas) {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":7,\"steps\":" + steps + ",\"taxYearSteps\":25,"
                + "\"population\":{\"agents\":" + agents + ",\"personas\":" + personas + "},"
                + "\"brackets\":{\"preset\":\"" + preset + "\"" + (rates == null ? "" : ",\"rates\":" + rates) + "},"
                + "\"worker\":" + worker + ",\"planner\":" + planner + "}");
    }
}
