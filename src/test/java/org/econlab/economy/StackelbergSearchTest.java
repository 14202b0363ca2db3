package org.econlab.economy;

import org.econlab.agents.AgentSetup;
import org.econlab.population.Population;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackelbergSearchTest {

    private static final TaxBrackets THREE = BracketPreset.THREE.brackets();

    /** Utility-maximising hours by brute force over a fine grid: independent of RationalBestResponse. */
    private static double gridHours(double v, TaxSchedule s, LabourModel m) {
        double best = 0;
        double bestF = 0;
        for (int h = 0; h <= 10_000; h++) {
            double l = h / 100.0;
            double f = v * l - s.taxUsd(v * l) - m.labourCost(l);
            if (f > bestF) {
                bestF = f;
                best = l;
            }
        }
        return best;
    }

    private static double bruteWelfare(double[] skills, TaxSchedule s, LabourModel m) {
        int n = skills.length;
        double[] z = new double[n];
        double[] l = new double[n];
        double revenue = 0;
        for (int i = 0; i < n; i++) {
            l[i] = gridHours(skills[i], s, m);
            z[i] = skills[i] * l[i];
            revenue += s.taxUsd(z[i]);
        }
        double swf = 0;
        for (int i = 0; i < n; i++) {
            double u = z[i] - s.taxUsd(z[i]) + revenue / n - m.labourCost(l[i]);
            swf += u / Math.max(z[i], 1);
        }
        return swf;
    }

    @Test
    void exhaustiveOptimumOfThreeBracketsMatchesBruteForceOverRatesAndHours() {
        double[] skills = {120.0, 950.0};
        LabourModel m = LabourModel.PAPER;
        StackelbergSearch.Result r = StackelbergSearch.optimum(skills, THREE, m, SwfWeighting.INVERSE_INCOME);
        assertTrue(r.exhaustive());
        assertEquals(1331, r.evaluations());
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a <= 100; a += 10) {
            for (int b = 0; b <= 100; b += 10) {
                for (int c = 0; c <= 100; c += 10) {
                    best = Math.max(best, bruteWelfare(skills, TaxSchedule.of(THREE, a, b, c), m));
                }
            }
        }
        assertEquals(best, r.swf(), 1e-3 * Math.abs(best));
        assertEquals(r.swf(), bruteWelfare(skills, r.schedule(THREE), m), 1e-3 * Math.abs(best));
    }

    @Test
    void ratesLieOnTheTenPointGridAndBeatEveryUniformSchedule() {
        double[] skills = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855};
        TaxBrackets usFed = BracketPreset.US_FED_2024.brackets();
        StackelbergSearch.Result r = StackelbergSearch.optimum(skills, usFed, LabourModel.PAPER, SwfWeighting.INVERSE_INCOME);
        for (double rate : r.ratesPercent()) {
            assertEquals(0, rate % 10, 1e-12);
        }
        for (int u = 0; u <= 100; u += 10) {
            double w = StackelbergSearch.welfare(skills, TaxSchedule.uniform(usFed, u), LabourModel.PAPER,
                    SwfWeighting.INVERSE_INCOME);
            assertTrue(r.swf() >= w - 1e-9, "uniform " + u + "% beats the search");
        }
    }

    @Test
    void welfareIsWhatASimulationStepOfRationalWorkersReports() {
        double[] skills = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855};
        TaxSchedule s = TaxSchedule.of(THREE, 50, 50, 50);
        Population p = Population.ofSkills(skills);
        var setup = new AgentSetup(p, s, LabourModel.PAPER, SwfWeighting.INVERSE_INCOME, 1, 1, 1);
        var rational = new org.econlab.agents.RationalWorkers();
        var ctx = new org.econlab.agents.StepContext(1, 0, 1, 1, s, LabourModel.PAPER, 0, 0);
        var state = new org.econlab.population.WorkerState(skills.length);
        rational.beginStep(ctx);
        rational.chooseHours(ctx, setup.population(), state, 0, skills.length);
        double[] z = new double[skills.length];
        double[] u = new double[skills.length];
        StackelbergSearch.outcome(skills, s, LabourModel.PAPER, z, u);
        for (int i = 0; i < skills.length; i++) {
            assertEquals(skills[i] * state.hours()[i], z[i], 1e-9);
        }
        assertEquals(SocialWelfare.inverseIncomeSum(u, z, skills.length),
                StackelbergSearch.welfare(skills, s, LabourModel.PAPER, SwfWeighting.INVERSE_INCOME), 1e-12);
    }

    @Test
    void utilitarianOptimumIsTheFreeMarket() {
        // With a lump-sum rebate, sum u = sum (z - c l^delta): taxes only distort, so 0% everywhere is optimal.
        double[] skills = {50, 120, 300, 900, 2500};
        StackelbergSearch.Result r = StackelbergSearch.optimum(skills, THREE, LabourModel.PAPER, SwfWeighting.UTILITARIAN);
        double freeMarket = StackelbergSearch.welfare(skills, TaxSchedule.uniform(THREE, 0), LabourModel.PAPER,
                SwfWeighting.UTILITARIAN);
        assertEquals(freeMarket, r.swf(), 1e-9 * Math.abs(freeMarket));
    }
}
