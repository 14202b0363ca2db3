package org.econlab.economy;

import org.econlab.agents.AgentSetup;
import org.econlab.population.Population;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackelbergSearchTest {

    private static final TaxBrackets THREE = BracketPreset.THREE.brackets();

    /**
     * Utility-maximising hours by brute force over a 0.01-hour grid, counting {@code k} of the own tax as lost:
     * independent of RationalBestResponse.
     */
    private static double gridHours(double v, TaxSchedule s, LabourModel m, double k) {
        double best = 0;
        double bestF = 0;
        for (int h = 0; h <= 10_000; h++) {
            double l = h / 100.0;
            double f = v * l - k * s.taxUsd(v * l) - m.labourCost(l);
            if (f > bestF) {
                bestF = f;
                best = l;
            }
        }
        return best;
    }

    /** Welfare of a schedule with brute-force best responses, written out from the definitions. */
    private static double bruteWelfare(double[] skills, TaxSchedule s, LabourModel m, WelfareFunction w,
                                       RebateTreatment rebate) {
        int n = skills.length;
        double k = rebate == RebateTreatment.PRICE_TAKING ? 1 : 1 - 1.0 / n;
        double[] z = new double[n];
        double[] l = new double[n];
        double[] u = new double[n];
        double revenue = 0;
        for (int i = 0; i < n; i++) {
            l[i] = gridHours(skills[i], s, m, k);
            z[i] = skills[i] * l[i];
            revenue += s.taxUsd(z[i]);
        }
        for (int i = 0; i < n; i++) {
            u[i] = z[i] - s.taxUsd(z[i]) + revenue / n - m.labourCost(l[i]);
        }
        return w.of(u, z, skills, n);
    }

    private static StackelbergSearch.Problem problem(double[] skills, TaxBrackets b, WelfareFunction w, RebateTreatment r) {
        return new StackelbergSearch.Problem(skills, b, LabourModel.PAPER, w, r);
    }

    @Test
    void exhaustiveOptimumOfThreeBracketsMatchesBruteForceOverRatesAndHours() {
        double[] skills = {120.0, 950.0, 80.0};
        for (WelfareFunction w : new WelfareFunction[] {WelfareFunction.PAPER, WelfareFunction.INVERSE_SKILL}) {
            for (RebateTreatment rebate : new RebateTreatment[] {RebateTreatment.PRICE_TAKING, RebateTreatment.OWN_SHARE}) {
                StackelbergSearch.Result r = StackelbergSearch.optimum(problem(skills, THREE, w, rebate));
                assertTrue(r.exhaustive());
                assertEquals(1331, r.evaluations());
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a <= 100; a += 10) {
                    for (int b = 0; b <= 100; b += 10) {
                        for (int c = 0; c <= 100; c += 10) {
                            best = Math.max(best, bruteWelfare(skills, TaxSchedule.of(THREE, a, b, c),
                                    LabourModel.PAPER, w, rebate));
                        }
                    }
                }
                String what = w.id() + "/" + rebate.id();
                assertEquals(best, r.swf(), 1e-3 * Math.abs(best), what);
                assertEquals(r.swf(), bruteWelfare(skills, r.schedule(THREE), LabourModel.PAPER, w, rebate),
                        1e-3 * Math.abs(best), what);
            }
        }
    }

    @Test
    void exhaustiveSearchOnAnyBracketCountAgreesWithTheThreeBracketPathAndIsTheSameInParallel() {
        double[] skills = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855};
        StackelbergSearch.Problem p = problem(skills, THREE, WelfareFunction.INVERSE_SKILL, RebateTreatment.OWN_SHARE);
        StackelbergSearch.Result viaOptimum = StackelbergSearch.optimum(p);
        StackelbergSearch.Result sequential = StackelbergSearch.exhaustive(p, false);
        StackelbergSearch.Result parallel = StackelbergSearch.exhaustive(p, true);
        assertArrayEquals(viaOptimum.ratesPercent(), sequential.ratesPercent());
        assertArrayEquals(sequential.ratesPercent(), parallel.ratesPercent());
        assertEquals(sequential.swf(), parallel.swf(), 0);
    }

    @Test
    void coordinateAscentFindsTheExhaustiveOptimumOfFourBrackets() {
        TaxBrackets four = TaxBrackets.of(0, 20_000, 60_000, 150_000, 10_000_000);
        double[] skills = new double[40];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < skills.length; i++) {
            skills[i] = Gb2IncomePrior.US_INCOME_2023.skillAt(rnd.nextDouble());
        }
        StackelbergSearch.Problem p = problem(skills, four, WelfareFunction.INVERSE_SKILL, RebateTreatment.OWN_SHARE);
        StackelbergSearch.Result exact = StackelbergSearch.exhaustive(p, true);
        StackelbergSearch.Result search = StackelbergSearch.optimum(p);
        assertTrue(!search.exhaustive() && exact.exhaustive());
        assertTrue(search.swf() <= exact.swf());
        assertEquals(exact.swf(), search.swf(), 1e-3 * exact.swf(), "coordinate ascent within 0.1% here");
    }

    @Test
    void ratesLieOnTheTenPointGridAndBeatEveryUniformSchedule() {
        double[] skills = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855};
        TaxBrackets usFed = BracketPreset.US_FED_2024.brackets();
        StackelbergSearch.Problem p = problem(skills, usFed, WelfareFunction.PAPER, RebateTreatment.PRICE_TAKING);
        StackelbergSearch.Result r = StackelbergSearch.optimum(p);
        for (double rate : r.ratesPercent()) {
            assertEquals(0, rate % 10, 1e-12);
        }
        for (int u = 0; u <= 100; u += 10) {
            double w = StackelbergSearch.welfare(p, TaxSchedule.uniform(usFed, u));
            assertTrue(r.swf() >= w - 1e-9, "uniform " + u + "% beats the search");
        }
    }

    @Test
    void welfareIsWhatASimulationStepOfRationalWorkersReports() {
        double[] skills = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855};
        TaxSchedule s = TaxSchedule.of(THREE, 50, 50, 50);
        Population p = Population.ofSkills(skills);
        var setup = new AgentSetup(p, s, LabourModel.PAPER, WelfareFunction.PAPER, 1, 1, 1);
        var rational = new org.econlab.agents.RationalWorkers(RebateTreatment.OWN_SHARE, skills.length);
        var ctx = new org.econlab.agents.StepContext(1, 0, 1, 1, s, LabourModel.PAPER, 0, 0);
        var state = new org.econlab.population.WorkerState(skills.length);
        rational.beginStep(ctx);
        rational.chooseHours(ctx, setup.population(), state, 0, skills.length);
        double[] z = new double[skills.length];
        double[] u = new double[skills.length];
        StackelbergSearch.Problem problem = problem(skills, THREE, WelfareFunction.PAPER, RebateTreatment.OWN_SHARE);
        StackelbergSearch.outcome(problem, s, new double[skills.length], z, u);
        double paperSum = 0;
        for (int i = 0; i < skills.length; i++) {
            assertEquals(skills[i] * state.hours()[i], z[i], 1e-9);
            paperSum += u[i] / Math.max(z[i], 1);
        }
        assertEquals(paperSum, StackelbergSearch.welfare(problem, s), 1e-12);
    }

    @Test
    void utilitarianOptimumIsTheFreeMarket() {
        // With a lump-sum rebate, sum u = sum (z - c l^delta): taxes only distort, so 0% everywhere is optimal.
        double[] skills = {50, 120, 300, 900, 2500};
        for (RebateTreatment rebate : new RebateTreatment[] {RebateTreatment.PRICE_TAKING, RebateTreatment.OWN_SHARE}) {
            StackelbergSearch.Problem p = problem(skills, THREE, WelfareFunction.UTILITARIAN, rebate);
            StackelbergSearch.Result r = StackelbergSearch.optimum(p);
            double freeMarket = StackelbergSearch.welfare(p, TaxSchedule.uniform(THREE, 0));
            assertEquals(freeMarket, r.swf(), 1e-9 * Math.abs(freeMarket));
        }
    }

    @Test
    void ownShareWorkersKeepWorkingAtAHundredPercentWherePriceTakersStop() {
        double[] skills = {300, 1000, 3000};
        StackelbergSearch.Problem own = problem(skills, THREE, WelfareFunction.INVERSE_SKILL, RebateTreatment.OWN_SHARE);
        StackelbergSearch.Problem taking = problem(skills, THREE, WelfareFunction.INVERSE_SKILL, RebateTreatment.PRICE_TAKING);
        TaxSchedule confiscatory = TaxSchedule.uniform(THREE, 100);
        double[] hoursOwn = new double[3];
        double[] hoursTaking = new double[3];
        StackelbergSearch.outcome(own, confiscatory, hoursOwn, new double[3], new double[3]);
        StackelbergSearch.outcome(taking, confiscatory, hoursTaking, new double[3], new double[3]);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, hoursTaking[i], 0);
            // each keeps 1/3 of every dollar: l = (v/3 / (c delta))^(1/(delta-1)), capped at 100
            double expected = Math.min(100, LabourModel.PAPER.interiorHours(1 - 1.0 / 3, skills[i]));
            assertEquals(expected, hoursOwn[i], 1e-9);
        }
    }
}
