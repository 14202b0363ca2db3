package org.econlab.economy;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paper-model §7 and §17: welfare functions and inequality measures. */
class WelfareTest {

    private static final double[] NO_SKILLS = new double[3];

    @Test
    void paperSwfIsTheInverseIncomeWeightedSumWithAFloorOfOne() {
        double[] u = {100, 50, 7};
        double[] z = {200, 0.5, 0};
        assertEquals(100 / 200.0 + 50 + 7, WelfareFunction.PAPER.of(u, z, NO_SKILLS, 3), 1e-12);
    }

    @Test
    void utilitarianSumAndNormalisedAverage() {
        double[] u = {100, 50};
        double[] z = {100, 50};
        assertEquals(150, WelfareFunction.UTILITARIAN.of(u, z, NO_SKILLS, 2), 1e-12);
        // weights 1/100 and 1/50 normalised to 1/3 and 2/3
        assertEquals(100 / 3.0 + 50 * 2 / 3.0, WelfareFunction.INVERSE_INCOME_AVERAGE.of(u, z, NO_SKILLS, 2), 1e-9);
    }

    @Test
    void inverseSkillWeighsEachWorkerByItsIncomeAtFortyHours() {
        double[] u = {30_000, 90_000, 5};
        double[] z = {1, 250_000, 0};
        double[] v = {500, 2500, 0.01};
        assertEquals(30_000 / 20_000.0 + 90_000 / 100_000.0 + 5 / 1.0, WelfareFunction.INVERSE_SKILL.of(u, z, v, 3), 1e-12);
    }

    /** Random populations: utilities of either sign, incomes from 0, skills from 0. */
    private static double[][] population(SplittableRandom rnd, int n) {
        double[] u = new double[n];
        double[] z = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(10) == 0 ? 0 : rnd.nextDouble(0, 5000);
            z[i] = rnd.nextInt(5) == 0 ? 0 : v[i] * rnd.nextDouble(0, 100);
            u[i] = rnd.nextDouble(-5_000, 300_000);
        }
        return new double[][] {u, z, v};
    }

    @Test
    void inverseSkillWeightsAreFixedPerWorkerWhatEverIncomeItChooses() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(30);
            double[][] p = population(rnd, n);
            double before = WelfareFunction.INVERSE_SKILL.of(p[0], p[1], p[2], n);
            double paperBefore = WelfareFunction.PAPER.of(p[0], p[1], p[2], n);
            int who = rnd.nextInt(n);
            double oldZ = p[1][who];
            p[1][who] = oldZ > 0 ? 0 : 50_000; // the worker stops working, or starts
            assertEquals(before, WelfareFunction.INVERSE_SKILL.of(p[0], p[1], p[2], n), 1e-9 * Math.abs(before) + 1e-12);
            if (Math.abs(p[0][who]) > 1_000) {
                assertTrue(WelfareFunction.PAPER.of(p[0], p[1], p[2], n) != paperBefore,
                        "the paper's weights do move with the chosen income");
            }
        }
    }

    @Test
    void maximinIsTheLowestUtility() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(40);
            double[][] p = population(rnd, n);
            double min = Double.POSITIVE_INFINITY;
            for (double x : p[0]) {
                min = Math.min(min, x);
            }
            assertEquals(min, WelfareFunction.MAXIMIN.of(p[0], p[1], p[2], n), 0);
        }
    }

    @Test
    void atkinsonWithoutInequalityAversionIsTheUtilitarianSum() {
        SplittableRandom rnd = new SplittableRandom(3);
        WelfareFunction atkinson0 = WelfareFunction.atkinson(0);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(40);
            double[][] p = population(rnd, n);
            for (int i = 0; i < n; i++) {
                p[0][i] = Math.max(1, p[0][i]); // the floor at 1 is the only difference
            }
            double sum = WelfareFunction.UTILITARIAN.of(p[0], p[1], p[2], n);
            assertEquals(sum, atkinson0.of(p[0], p[1], p[2], n), 1e-9 * sum);
        }
    }

    @Test
    void atkinsonIsNTimesTheEquallyDistributedEquivalent() {
        double[] u = {100, 400, -20}; // floored: 100, 400, 1
        double[] z = new double[3];
        assertEquals(3 * Math.exp((Math.log(100) + Math.log(400) + 0) / 3), WelfareFunction.atkinson(1).of(u, z, z, 3), 1e-9);
        double inv = (1 / 100.0 + 1 / 400.0 + 1) / 3; // eps = 2: harmonic mean
        assertEquals(3 / inv, WelfareFunction.atkinson(2).of(u, z, z, 3), 1e-9);
    }

    @Test
    void atkinsonLiesBetweenMaximinAndUtilitarianAndFallsWithInequalityAversion() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rnd.nextInt(40);
            double[][] p = population(rnd, n);
            for (int i = 0; i < n; i++) {
                p[0][i] = Math.max(1, p[0][i]);
            }
            double previous = Double.POSITIVE_INFINITY;
            for (double eps : new double[] {0, 0.5, 1, 2, 5}) {
                double w = WelfareFunction.atkinson(eps).of(p[0], p[1], p[2], n);
                assertTrue(w <= previous * (1 + 1e-12), "eps " + eps);
                assertTrue(w >= n * WelfareFunction.MAXIMIN.of(p[0], p[1], p[2], n) * (1 - 1e-12));
                previous = w;
            }
        }
    }

    @Test
    void mergingPartialAccumulatorsGivesTheWholeForEveryFunction() {
        SplittableRandom rnd = new SplittableRandom(5);
        WelfareFunction[] all = {WelfareFunction.PAPER, WelfareFunction.INVERSE_SKILL, WelfareFunction.MAXIMIN,
                WelfareFunction.atkinson(0.7), WelfareFunction.atkinson(1), WelfareFunction.UTILITARIAN,
                WelfareFunction.INVERSE_INCOME_AVERAGE};
        for (WelfareFunction w : all) {
            int n = 101;
            double[][] p = population(rnd, n);
            WelfareFunction.Accumulator a = w.accumulator();
            WelfareFunction.Accumulator b = w.accumulator();
            for (int i = 0; i < n; i++) {
                (i < 37 ? a : b).add(p[0][i], p[1][i], p[2][i]);
            }
            a.merge(b);
            double whole = w.of(p[0], p[1], p[2], n);
            assertEquals(whole, a.value(), 1e-9 * Math.abs(whole), w.displayName());
            assertEquals(n, a.count());
        }
    }

    @Test
    void everyKindIsReadByItsIdAndAtkinsonNeedsANonNegativeEpsilon() {
        for (WelfareFunction.Kind k : WelfareFunction.Kind.values()) {
            assertEquals(k, WelfareFunction.Kind.byId(k.id()).orElseThrow());
            assertTrue(!k.meaning().isBlank() && !k.label().isBlank());
        }
        assertEquals(WelfareFunction.Kind.INVERSE_INCOME, WelfareFunction.Kind.byId("rawlsian").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> WelfareFunction.atkinson(-0.1));
        assertEquals(0, WelfareFunction.MAXIMIN.epsilon());
    }

    @Test
    void giniOfEqualIncomesIsZeroAndOfOneEarnerIsNearOne() {
        assertEquals(0, Gini.of(new double[] {5, 5, 5, 5}, 4), 1e-12);
        assertEquals(0.75, Gini.of(new double[] {0, 0, 0, 10}, 4), 1e-12);
        assertEquals(0, Gini.of(new double[] {0, 0}, 2), 1e-12);
    }

    @Test
    void giniWithAWrongOrderHintIsStillExact() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        int[] identity = {0, 1, 2, 3, 4, 5, 6, 7};
        assertEquals(Gini.of(x, x.length), Gini.of(x, identity), 1e-12);
        int[] sortedOrder = {1, 3, 6, 0, 2, 4, 7, 5};
        assertEquals(Gini.of(x, x.length), Gini.of(x, sortedOrder), 1e-12);
    }
}
