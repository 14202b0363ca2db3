package org.econlab.agents;

import org.econlab.economy.SaezOptimalRates;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Saez planner's elasticity: the model's own by default, the paper's 3.0 on request, or estimated in the run. */
class SaezPlannerTest {

    private static Scenario scenario(double delta, String planner, int agents, int steps) {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":11,\"steps\":" + steps + ",\"taxYearSteps\":25,"
                + "\"population\":{\"agents\":" + agents + "},\"brackets\":{\"preset\":\"three\",\"rates\":[50,50,50]},"
                + "\"utility\":{\"c\":" + (delta == 3.5 ? 0.0005 : 9) + ",\"delta\":" + delta + "},"
                + "\"worker\":{\"kind\":\"rational\"},\"planner\":" + planner + "}");
    }

    @Test
    void byDefaultTheElasticityIsTheModelsOwnOneOverDeltaMinusOne() {
        for (double delta : new double[] {3.5, 2.0}) {
            Scenario s = scenario(delta, "{\"kind\":\"saez\"}", 50, 1);
            Simulation sim = new Simulation(s, false);
            StepSnapshot step = sim.step();
            double[] expected = SaezOptimalRates.ratesPercent(sim.population().skills(), s.brackets(), 1 / (delta - 1));
            assertArrayEquals(expected, step.ratesPercent(), 1e-12, "delta " + delta);
        }
        Scenario paper = scenario(3.5, "{\"kind\":\"saez\",\"elasticity\":3.0}", 50, 1);
        Simulation sim = new Simulation(paper, false);
        assertArrayEquals(SaezOptimalRates.ratesPercent(sim.population().skills(), paper.brackets(), 3.0),
                sim.step().ratesPercent(), 1e-12);
    }

    @Test
    void estimatedElasticitiesRecoverTheModelsWhenWorkersRespondExactly() {
        // delta = 2, c = 9: hours are interior for most workers, and rational workers' hours respond to the
        // net-of-tax rate with elasticity exactly 1/(delta - 1) = 1 (capped at the labour range).
        Scenario s = scenario(2.0, "{\"kind\":\"saez\",\"elasticity\":\"estimated\"}", 400, 300);
        Simulation sim = new Simulation(s, false);
        StepSnapshot last = sim.runToEnd();
        double[] e = new double[3];
        for (int j = 0; j < 3; j++) {
            e[j] = last.metricValues()[last.metricNames().indexOf("saez_elasticity_" + j)];
        }
        for (int j = 0; j < 2; j++) { // the two lower brackets hold most workers
            assertEquals(1.0, e[j], 0.1, "bracket " + j + " estimate");
        }
        // 1 + 2K = 7 tax years of estimation, then the Saez rates with the estimates for the rest of the run
        for (int j = 0; j < 3; j++) {
            e[j] = e[j] > 0 ? e[j] : EstimatedSaezPlanner.FALLBACK_ELASTICITY;
        }
        assertArrayEquals(SaezOptimalRates.ratesPercent(sim.population().skills(), s.brackets(), e),
                last.ratesPercent(), 1e-12);
    }
}
