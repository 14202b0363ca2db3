package org.econlab.economy;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20: workers with their own delta best-respond with it; Saez uses income-weighted bracket elasticities. */
class HeterogeneousElasticityTest {

    private static final LabourModel PAPER = LabourModel.PAPER;

    /** For deltas from 1.3 to 6, any grid schedule, own share or price-taking: no hour on a 0.01 grid does better. */
    @Test
    void bestResponseWithItsOwnDeltaBeatsEveryHourOnAFineGrid() {
        SplittableRandom rnd = new SplittableRandom(20);
        for (int trial = 0; trial < 300; trial++) {
            TaxSchedule s = TaxSchedule.of(BracketPreset.US_FED_2024.brackets(), 10 * rnd.nextInt(11),
                    10 * rnd.nextInt(11), 10 * rnd.nextInt(11), 10 * rnd.nextInt(11), 10 * rnd.nextInt(11),
                    10 * rnd.nextInt(11), 10 * rnd.nextInt(11));
            int workers = 1 + rnd.nextInt(200);
            double k = trial % 2 == 0 ? 1 : 1 - 1.0 / workers;
            RationalBestResponse br = new RationalBestResponse(s, PAPER, k);
            double delta = rnd.nextDouble(1.3, 6);
            double skill = trial % 5 == 0 ? 600_000.0 / (1 + rnd.nextInt(100)) : rnd.nextDouble(1, 20_000);
            double best = br.hours(skill, delta);
            assertTrue(best >= 0 && best <= 100);
            double bestValue = value(s, skill, best, delta, k);
            for (int i = 0; i <= 10_000; i++) {
                double l = i / 100.0;
                double v = value(s, skill, l, delta, k);
                assertTrue(v <= bestValue + 1e-6 * Math.max(1, Math.abs(bestValue)),
                        () -> l + " h beat " + best + " h for skill " + skill + ", delta " + delta + " under " + s);
            }
        }
    }

    @Test
    void aWorkerWithTheModelsDeltaRespondsExactlyAsBefore() {
        TaxSchedule s = TaxSchedule.of(BracketPreset.THREE.brackets(), 30, 60, 90);
        RationalBestResponse br = new RationalBestResponse(s, PAPER, RebateTreatment.OWN_SHARE, 100);
        for (double v = 1; v < 30_000; v *= 1.37) {
            assertEquals(br.hours(v), br.hours(v, 3.5), 0.0);
        }
        // and a different delta changes hours where they are interior
        assertTrue(br.hours(100, 2.0) != br.hours(100));
    }

    /**
     * A hand-made population of six workers over the three brackets (cutoffs 0, 90,000, 159,100, 10,000,000): formula
     * incomes z = 100 v are 50,000 and 80,000 (bracket 0), 100,000 and 150,000 (bracket 1), 200,000 and 1,000,000
     * (bracket 2); elasticities 1/(delta - 1).
     */
    @Test
    void bracketElasticitiesAreTheIncomeWeightedMeansOfEachBracketsWorkers() {
        double[] skills = {500, 800, 1000, 1500, 2000, 10_000};
        double[] deltas = {2, 3, 1.5, 5, 3.5, 11};
        TaxBrackets three = BracketPreset.THREE.brackets();
        double e0 = (50_000 * 1.0 + 80_000 * 0.5) / 130_000;
        double e1 = (100_000 * 2.0 + 150_000 * 0.25) / 250_000;
        double e2 = (200_000 * 0.4 + 1_000_000 * 0.1) / 1_200_000;
        assertArrayEquals(new double[] {e0, e1, e2}, SaezOptimalRates.bracketElasticities(skills, deltas, three), 1e-12);
        double mean = (50_000 * 1.0 + 80_000 * 0.5 + 100_000 * 2.0 + 150_000 * 0.25 + 200_000 * 0.4 + 1_000_000 * 0.1)
                / 1_580_000;
        assertEquals(mean, SaezOptimalRates.meanElasticity(skills, deltas), 1e-12);
        // an empty bracket takes the population's mean
        double[] low = SaezOptimalRates.bracketElasticities(new double[] {500, 800}, new double[] {2, 3}, three);
        assertArrayEquals(new double[] {e0, e0, e0}, low, 1e-12);
        // one delta for all: every bracket has the model's elasticity
        double[] same = SaezOptimalRates.bracketElasticities(skills, new double[] {3.5, 3.5, 3.5, 3.5, 3.5, 3.5}, three);
        assertArrayEquals(new double[] {0.4, 0.4, 0.4}, same, 1e-12);
    }

    /** The Stackelberg welfare with own deltas adds each worker's own labour cost at its own best response. */
    @Test
    void stackelbergWelfareUsesEachWorkersOwnDelta() {
        double[] skills = {40, 120, 300, 900, 2500};
        double[] deltas = {1.6, 2.5, 3.5, 4.5, 2.0};
        TaxBrackets three = BracketPreset.THREE.brackets();
        TaxSchedule s = TaxSchedule.of(three, 20, 50, 70);
        StackelbergSearch.Problem p = new StackelbergSearch.Problem(skills, three, PAPER, WelfareFunction.INVERSE_SKILL,
                RebateTreatment.OWN_SHARE, deltas);
        double[] h = new double[5];
        double[] z = new double[5];
        double[] u = new double[5];
        double rebate = StackelbergSearch.outcome(p, s, h, z, u);
        RationalBestResponse br = new RationalBestResponse(s, PAPER, RebateTreatment.OWN_SHARE, 5);
        double revenue = 0;
        for (int i = 0; i < 5; i++) {
            assertEquals(br.hours(skills[i], deltas[i]), h[i], 0.0);
            revenue += s.taxUsd(skills[i] * h[i]);
        }
        assertEquals(revenue / 5, rebate, 1e-9);
        for (int i = 0; i < 5; i++) {
            double expected = z[i] - s.taxUsd(z[i]) + rebate - 0.0005 * Math.pow(h[i], deltas[i]);
            assertEquals(expected, u[i], 1e-9);
        }
        StackelbergSearch.Result r = StackelbergSearch.optimum(p);
        assertTrue(r.swf() >= StackelbergSearch.welfare(p, s));
    }

    private static double value(TaxSchedule s, double skill, double hours, double delta, double k) {
        double z = skill * hours;
        return z - k * s.taxUsd(z) - PAPER.labourCost(hours, delta);
    }
}
