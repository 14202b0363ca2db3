package org.econlab.simulation;

import org.econlab.agents.AgentDetails;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.SaezOptimalRates;
import org.econlab.economy.StackelbergSearch;
import org.econlab.population.Population;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20: {@code utility.delta} as a distribution drawn per worker, used by the economy and every planner. */
class HeterogeneousDeltaScenarioTest {

    private static Scenario scenario(String delta, String personas, String worker, String planner) {
        return ScenarioCodec.parse("""
            { "schemaVersion": 1, "seed": 7, "steps": 3, "taxYearSteps": 1,
              "population": { "agents": 400, "personas": %s }, "brackets": { "preset": "three" },
              "utility": { "delta": %s, "swf": "inverse_skill" },
              "worker": %s, "planner": %s }
            """.formatted(personas, delta, worker, planner));
    }

    private static final String UNIFORM = "{\"dist\": \"uniform\", \"min\": 1.5, \"max\": 3.5}";

    @Test
    void uniformDeltasAreDrawnPerWorkerDeterministicallyAndRoundTrip() {
        Scenario s = scenario(UNIFORM, "false", "{\"kind\":\"rational\"}", "{\"kind\":\"fixed\",\"rates\":[10,20,30]}");
        Population a = Population.generate(s.population(), s.seed());
        Population b = Population.generate(s.population(), s.seed());
        assertArrayEquals(a.deltas(), b.deltas(), 0.0);
        assertTrue(Arrays.stream(a.deltas()).allMatch(d -> d >= 1.5 && d <= 3.5));
        assertEquals(2.5, Arrays.stream(a.deltas()).average().orElseThrow(), 0.1);
        assertEquals(2.5, s.labour().disutilityExponent(), 0.0); // the representative delta
        // the skills are the paper's draw, unchanged by the deltas
        Scenario plain = scenario("3.5", "false", "{\"kind\":\"rational\"}", "{\"kind\":\"fixed\",\"rates\":[10,20,30]}");
        Population p = Population.generate(plain.population(), plain.seed());
        assertArrayEquals(p.skills(), a.skills(), 0.0);
        assertNull(p.deltas());
        assertEquals(s, ScenarioCodec.parse(ScenarioCodec.write(s)));
        assertEquals("delta", AgentDetails.ownDeltas(a).names().get(0));
        assertEquals(a.deltas()[17], AgentDetails.ownDeltas(a).value(0, 17), 0.0);
    }

    @Test
    void lognormalAndTableDeltas() {
        Scenario ln = scenario("{\"dist\": \"lognormal\", \"median\": 3, \"sigma\": 0.4}", "false",
                "{\"kind\":\"rational\"}", "{\"kind\":\"free_market\"}");
        double[] d = Population.generate(ln.population(), 3).deltas();
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        assertEquals(3, sorted[sorted.length / 2], 0.25);
        assertTrue(sorted[0] > 1);
        Scenario table = scenario("{\"dist\": \"table\", \"by\": \"age\", \"values\": {\"18-24\": 1.8, \"25-34\": 2.2},"
                + " \"otherwise\": 3.5}", "true", "{\"kind\":\"rational\"}", "{\"kind\":\"free_market\"}");
        Population p = Population.generate(table.population(), 5);
        for (int i = 0; i < p.size(); i++) {
            int age = p.persona(i).age();
            double expected = age >= 18 && age <= 24 ? 1.8 : age >= 25 && age <= 34 ? 2.2 : 3.5;
            assertEquals(expected, p.deltas()[i], 0.0, "age " + age);
        }
        assertEquals(table, ScenarioCodec.parse(ScenarioCodec.write(table)));
    }

    @Test
    void badDistributionsNameTheFieldAndTheReason() {
        String worker = "{\"kind\":\"rational\"}";
        String planner = "{\"kind\":\"free_market\"}";
        assertEquals("utility.delta.max: 1.2 is below min (2)", assertThrows(InvalidInputException.class,
                () -> scenario("{\"dist\": \"uniform\", \"min\": 2, \"max\": 1.2}", "false", worker, planner)).getMessage());
        assertEquals("utility.delta.min: 1 is outside 1.0000001..100", assertThrows(InvalidInputException.class,
                () -> scenario("{\"dist\": \"uniform\", \"min\": 1, \"max\": 2}", "false", worker, planner)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> scenario("{\"dist\": \"gamma\"}", "false", worker,
                planner)).getMessage().startsWith("utility.delta.dist: \"gamma\" is not one of uniform, lognormal, table"));
        assertEquals("utility.delta.by: a delta table by occupation needs population.personas=true",
                assertThrows(InvalidInputException.class, () -> scenario("{\"dist\": \"table\", \"by\": \"occupation\","
                        + " \"values\": {}}", "false", worker, planner)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> scenario("{\"dist\": \"table\", \"by\": \"age\","
                + " \"values\": {\"18-24\": 2}}", "true", worker, planner)).getMessage()
                .startsWith("utility.delta.otherwise: is required: the table has no delta for "));
        assertTrue(assertThrows(InvalidInputException.class, () -> scenario("{\"dist\": \"uniform\", \"min\": 2,"
                + " \"max\": 3, \"mean\": 2.5}", "false", worker, planner)).getMessage()
                .startsWith("utility.delta.mean: unknown field"));
    }

    /** A step of rational workers with own deltas is exactly the Stackelberg evaluation of that schedule. */
    @Test
    void rationalWorkersAndTheStackelbergSearchAgreeOnEachWorkersOwnDelta() {
        Scenario s = scenario(UNIFORM, "false", "{\"kind\":\"rational\"}", "{\"kind\":\"fixed\",\"rates\":[10,40,70]}");
        Simulation sim = new Simulation(s, false);
        StepSnapshot step = sim.step();
        Population p = sim.population();
        double expected = StackelbergSearch.welfare(new StackelbergSearch.Problem(p.skills(), s.brackets(), s.labour(),
                s.swf(), RebateTreatment.OWN_SHARE, p.deltas()), s.startSchedule().withRates(new double[] {10, 40, 70}));
        assertEquals(expected, step.swf(), 1e-9 * Math.abs(expected));
        double homogeneous = StackelbergSearch.welfare(new StackelbergSearch.Problem(p.skills(), s.brackets(), s.labour(),
                s.swf(), RebateTreatment.OWN_SHARE), s.startSchedule().withRates(new double[] {10, 40, 70}));
        assertTrue(Math.abs(homogeneous - step.swf()) > 1e-3 * Math.abs(expected));
    }

    @Test
    void saezUsesIncomeWeightedBracketElasticitiesOrTheirMean() {
        for (String how : new String[] {"model", "mean"}) {
            Scenario s = scenario(UNIFORM, "false", "{\"kind\":\"rational\"}",
                    "{\"kind\":\"saez\",\"elasticity\":\"" + how + "\"}");
            Simulation sim = new Simulation(s, false);
            Population p = sim.population();
            double[] e = how.equals("model") ? SaezOptimalRates.bracketElasticities(p.skills(), p.deltas(), s.brackets())
                    : new double[] {SaezOptimalRates.meanElasticity(p.skills(), p.deltas())};
            assertArrayEquals(SaezOptimalRates.ratesPercent(p.skills(), s.brackets(), e), sim.step().ratesPercent(), 0.0);
        }
    }
}
