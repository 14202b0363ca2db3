package org.econlab.simulation;

import org.econlab.population.Population;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The worked examples of paper-model §6: five workers with the reference's seed-42 skills, fixed hours,
 * fixed rates; taxes, the equal rebate, utilities and the SWF.
 */
class PaperEconomyTest {

    private static final Population FIVE = Population.ofSkills(673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855);

    private static Simulation fiveWorkers(int hours, String preset, String planner) {
        Scenario s = TestScenarios.scenario(5, 3, preset, "{\"kind\": \"fixed\", \"hours\": " + hours + "}", planner);
        return new Simulation(s, FIVE, false);
    }

    @Test
    void fortyHoursAtFiftyPercentGivesTheRebateAndSwfOfThePaper() {
        Simulation sim = fiveWorkers(40, "three", "{\"kind\": \"uniform\", \"rate\": 50}");
        StepSnapshot s = sim.step();
        assertArrayEquals(new double[] {26957.62, 176628.98, 68633.69, 48775.62, 10714.20}, sim.state().income(), 0.01);
        assertArrayEquals(new double[] {13478.81, 88314.49, 34316.84, 24387.81, 5357.10}, sim.state().tax(), 0.01);
        assertEquals(33171.01, s.rebateUsd(), 0.01);
        assertArrayEquals(new double[] {46447.43, 121283.11, 67285.47, 57356.44, 38325.72}, sim.state().utility(), 0.01);
        assertEquals(8.1430, s.swf(), 0.00005);
    }

    @Test
    void hundredHoursAtFiftyPercent() {
        assertEquals(7.8353, fiveWorkers(100, "three", "{\"kind\": \"uniform\", \"rate\": 50}").step().swf(), 0.00005);
    }

    @Test
    void fortyHoursUnderUsFederalRates() {
        StepSnapshot s = fiveWorkers(40, "us_fed_2024", "{\"kind\": \"us_fed\"}").step();
        assertEquals(11088.77, s.rebateUsd(), 0.01);
        assertEquals(6.1848, s.swf(), 0.00005);
    }

    @Test
    void allRevenueIsRebatedEqually() {
        Simulation sim = new Simulation(TestScenarios.scenario(300, 2, "us_fed_2024", "{\"kind\": \"rational\"}",
                "{\"kind\": \"us_fed\"}"), false);
        StepSnapshot s = sim.step();
        double taxes = 0;
        double postTax = 0;
        double preTax = 0;
        for (int i = 0; i < 300; i++) {
            taxes += sim.state().tax()[i];
            postTax += sim.state().postTaxIncome(i);
            preTax += sim.state().income()[i];
        }
        assertEquals(taxes, s.totalTaxUsd(), 1e-6 * taxes);
        assertEquals(s.totalTaxUsd(), 300 * s.rebateUsd(), 1e-6 * taxes);
        assertEquals(preTax, postTax, 1e-6 * preTax, "the budget balances: nothing is lost or created");
    }
}
