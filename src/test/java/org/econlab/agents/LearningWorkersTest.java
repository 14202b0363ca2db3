package org.econlab.agents;

import org.econlab.TestScenarios;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.RationalBestResponse;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningWorkersTest {

    private static final String FIXED_PLANNER = "{\"kind\":\"fixed\",\"rates\":[30,60,80]}";

    @Test
    void hoursStayOnThePromptsGridWithinTheLabourRange() {
        Simulation sim = new Simulation(TestScenarios.of(30, "three", null, "{\"kind\":\"learning\",\"explore\":0.5}",
                "{\"kind\":\"icrl\"}", 200, false), false);
        while (!sim.isFinished()) {
            sim.step();
            for (double h : sim.state().hours()) {
                assertTrue(h >= 0 && h <= 100, "hours " + h);
                assertEquals(0, h % 10, 1e-9, "hours " + h + " off the 0,10,...,100 grid");
            }
        }
    }

    /** Share of workers whose final hours lie within 10 of the exact best response to the final schedule. */
    private static double shareNearBestResponse(String worker, int agents, int steps) {
        // High rates put most best responses inside the labour range rather than at the 100-hour corner.
        Scenario s = TestScenarios.of(agents, "three", null, worker, "{\"kind\":\"fixed\",\"rates\":[90,80,90]}",
                steps, false);
        Simulation sim = new Simulation(s, false);
        sim.runToEnd(); // the last step is an exploit ("choose the best") step
        RationalBestResponse br = new RationalBestResponse(sim.schedule(), s.labour(), RebateTreatment.OWN_SHARE, agents);
        Population p = sim.population();
        int near = 0;
        int interior = 0;
        for (int i = 0; i < p.size(); i++) {
            double best = br.hours(p.skill(i));
            interior += best < 95 ? 1 : 0;
            if (Math.abs(sim.state().hours()[i] - best) <= 10) {
                near++;
            }
        }
        assertTrue(interior >= p.size() / 3, "the schedule must make many best responses interior: " + interior);
        return (double) near / p.size();
    }

    @Test
    void underAFixedScheduleHoursConvergeNearTheRationalBestResponse() {
        // 4 tax years; the reward net of the rebate depends only on the worker's own hours
        assertTrue(shareNearBestResponse("{\"kind\":\"learning\"}", 100, 100) >= 0.95);
    }

    @Test
    void withTheNoisyRebateInTheRewardMostStillConverge() {
        // other workers' exploration moves the rebate, so the raw utility is a noisy signal
        double share = shareNearBestResponse("{\"kind\":\"learning\",\"ignoreRebate\":false}", 100, 300);
        assertTrue(share >= 0.6, "share " + share);
    }

    /** Share of workers within 10 hours of their best response one tax year after a tax rise. */
    private static double shareNearAfterARise(String memory) {
        Scenario s = TestScenarios.of(100, "three", null, "{\"kind\":\"learning\",\"memory\":\"" + memory + "\"}",
                "{\"kind\":\"fixed\",\"rates\":[10,10,10]}", 1000, false);
        Simulation sim = new Simulation(s, false);
        for (int k = 0; k < 200; k++) {
            sim.step();
        }
        TaxSchedule rise = sim.schedule().withRates(new double[] {90, 80, 90});
        sim.intervene(rise, "a tax rise");
        for (int k = 0; k < 25; k++) {
            sim.step();
        }
        RationalBestResponse br = new RationalBestResponse(rise, s.labour(), RebateTreatment.OWN_SHARE, 100);
        int near = 0;
        for (int i = 0; i < 100; i++) {
            near += Math.abs(sim.state().hours()[i] - br.hours(sim.population().skill(i))) <= 10 ? 1 : 0;
        }
        return near / 100.0;
    }

    @Test
    void forgettingReturnsEarnedUnderOldRatesAdaptsToATaxRiseWithinAYear() {
        double rates = shareNearAfterARise("rates");
        double all = shareNearAfterARise("all");
        assertTrue(rates >= 0.8, "memory rates: " + rates);
        assertTrue(rates > all, "memory rates " + rates + " vs all " + all);
    }

    @Test
    void parametersAreValidatedWithTheFieldPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"learning\",\"explore\":2}", FIXED_PLANNER, 10, false));
        assertEquals("worker.explore: 2 is outside 0..1", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"learning\",\"learningRate\":0}", FIXED_PLANNER, 10, false));
        assertTrue(e.getMessage().startsWith("worker.learningRate: 0 is outside"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"learning\",\"memroy\":\"all\"}", FIXED_PLANNER, 10, false));
        assertTrue(e.getMessage().startsWith("worker.memroy: unknown field"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"learning\",\"memory\":\"none\"}", FIXED_PLANNER, 10, false));
        assertEquals("worker.memory: \"none\" is not one of rates, all", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"learning\",\"rebate\":\"own_share\",\"ignoreRebate\":true}", FIXED_PLANNER, 10, false));
        assertEquals("worker.ignoreRebate: give either rebate or ignoreRebate, not both", e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"persona\",\"taxTolerance\":-1}", FIXED_PLANNER, 10, true));
        assertEquals("worker.taxTolerance: -1 is outside 0..1", e.getMessage());
    }

    @Test
    void personaWorkersNeedPersonas() {
        Scenario s = TestScenarios.of(5, "three", null, "{\"kind\":\"persona\"}", FIXED_PLANNER, 10, false);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Simulation(s, false));
        assertTrue(e.getMessage().startsWith("worker.kind: persona workers need population.personas=true"), e.getMessage());
    }

    @Test
    void personaWorkersReportSatisfactionAndKeepTheSwfOnUnadjustedUtility() {
        Scenario s = TestScenarios.of(40, "three", "[90,90,90]", "{\"kind\":\"persona\"}",
                "{\"kind\":\"fixed\",\"rates\":[90,90,90]}", 30, true);
        Simulation sim = new Simulation(s, false);
        StepSnapshot last = sim.runToEnd();
        double satisfied = last.metric("mean_satisfaction");
        assertTrue(satisfied >= 0.5 && satisfied < 1.0, "at 90% some personas must be dissatisfied: " + satisfied);
        double swf = 0;
        double[] u = sim.state().utility();
        double[] z = sim.state().income();
        for (int i = 0; i < u.length; i++) {
            swf += u[i] / Math.max(z[i], 1);
        }
        assertEquals(swf, last.swf(), 1e-9 * Math.abs(swf));
    }

    @Test
    void personaTextIsSecondPersonInThePapersFormat() {
        Scenario s = TestScenarios.of(3, "three", null, "{\"kind\":\"persona\"}", FIXED_PLANNER, 10, true);
        Population p = Population.generate(s.population(), s.seed());
        SatisfactionRule rule = new SatisfactionRule(p, SatisfactionRule.DEFAULT_BASE_TOLERANCE);
        String text = rule.personaText(p, 0);
        assertTrue(text.startsWith("You are a " + p.persona(0).age() + "-year-old "), text);
        assertTrue(text.split("\\. ").length <= 3, "2-3 sentences: " + text);
        assertTrue(rule.referenceIncomeUsd(0) > 20_000 && rule.referenceIncomeUsd(0) < 200_000);
    }
}
