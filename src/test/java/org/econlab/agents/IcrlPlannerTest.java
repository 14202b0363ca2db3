package org.econlab.agents;

import org.econlab.TestScenarios;
import org.econlab.config.InvalidInputException;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcrlPlannerTest {

    private static List<StepSnapshot> run(Scenario s) {
        Simulation sim = new Simulation(s, false);
        List<StepSnapshot> out = new ArrayList<>();
        while (!sim.isFinished()) {
            out.add(sim.step());
        }
        return out;
    }

    @Test
    void startsAtFiftyAndMovesEachBracketByAGridDeltaOncePerTaxYear() {
        List<StepSnapshot> steps = run(TestScenarios.of(20, "us_fed_2024", null, "{\"kind\":\"learning\"}",
                "{\"kind\":\"icrl\"}", 1000, false));
        assertArrayEquals(new double[] {50, 50, 50, 50, 50, 50, 50}, steps.get(0).ratesPercent());
        boolean moved = false;
        for (int k = 1; k < steps.size(); k++) {
            double[] before = steps.get(k - 1).ratesPercent();
            double[] after = steps.get(k).ratesPercent();
            for (int j = 0; j < after.length; j++) {
                double d = after[j] - before[j];
                assertTrue(after[j] >= 0 && after[j] <= 100);
                assertTrue(Math.abs(d) <= 20 && d % 10 == 0, "delta " + d + " at step " + k);
                if (k % 25 != 0) {
                    assertEquals(0, d, 0, "rates changed off the tax-year cadence at step " + k);
                }
                moved |= d != 0;
            }
        }
        assertTrue(moved);
    }

    @Test
    void improvesWelfareOverItsStartingSchedule() {
        // Rational followers: the SWF of a schedule is then exact, so the comparison is noise-free.
        Scenario s = TestScenarios.of(50, "three", null, "{\"kind\":\"rational\"}", "{\"kind\":\"icrl\"}", 1000, false);
        List<StepSnapshot> steps = run(s);
        double start = steps.get(0).swf();
        double end = steps.get(steps.size() - 1).swf();
        assertTrue(end > 1.2 * start, "start " + start + " end " + end);
    }

    @Test
    void choosesTheBestScheduleInTheFinalTenth() {
        List<StepSnapshot> steps = run(TestScenarios.of(20, "three", null, "{\"kind\":\"rational\"}",
                "{\"kind\":\"icrl\"}", 1000, false));
        double[] last = steps.get(steps.size() - 1).ratesPercent();
        for (int k = 950; k < steps.size(); k++) {
            assertArrayEquals(last, steps.get(k).ratesPercent(), "no exploration after 90% of the run");
        }
        double best = steps.stream().filter(x -> x.step() % 25 == 24).mapToDouble(StepSnapshot::swf).max().orElseThrow();
        assertTrue(steps.get(steps.size() - 1).swf() >= 0.95 * best);
    }

    @Test
    void settleIsValidated() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"rational\"}", "{\"kind\":\"icrl\",\"settle\":1}", 10, false));
        assertEquals("planner.settle: 1 is outside 0..0.95", e.getMessage());
    }
}
