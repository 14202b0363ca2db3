package org.econlab.economy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paper-model §2.1: the GB2 income prior fitted to ACS 2023. */
class Gb2IncomePriorTest {

    private static final Gb2IncomePrior GB2 = Gb2IncomePrior.US_INCOME_2023;

    @Test
    void quantilesMatchTheReferenceValues() {
        double[] p = {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 0.999};
        double[] expected = {695, 3_434, 6_851, 17_393, 38_102, 72_159, 124_509, 175_432, 361_313, 967_607};
        for (int i = 0; i < p.length; i++) {
            assertEquals(expected[i], GB2.incomeAt(p[i]), 1.0, "P" + p[i] * 100);
        }
    }

    @Test
    void testVectorGivesSkill673_94() {
        assertEquals(26_957.62, GB2.incomeAt(0.3745401188473625), 0.01);
        assertEquals(673.9405, GB2.skillAt(0.3745401188473625), 1e-4);
    }

    @Test
    void cdfAtTheBracketEdges() {
        double[] x = {11_600, 47_150, 90_000, 100_525, 159_100, 191_950, 243_725, 609_350};
        double[] f = {0.169, 0.585, 0.822, 0.852, 0.939, 0.959, 0.976, 0.997};
        for (int i = 0; i < x.length; i++) {
            assertEquals(f[i], GB2.cdf(x[i]), 0.0005, "F(" + x[i] + ")");
        }
    }

    @Test
    void cdfInvertsTheQuantile() {
        for (double p = 0.02; p < 1; p += 0.07) {
            assertEquals(p, GB2.cdf(GB2.incomeAt(p)), 1e-9);
        }
    }

    @Test
    void numpySeed42DrawsGiveTheReferenceSkills() {
        double[] expected = {673.9405, 4415.7244, 1715.8422, 1219.3905, 267.855, 267.8131, 99.6462, 2660.0066,
            1226.8285, 1608.8451};
        assertArrayEquals(expected, NumpyLegacyUniforms.seed42Skills(10), 1e-4);
    }

    @Test
    void uniformPriorSpansItsInterval() {
        assertEquals(1.24, UniformSkillPrior.PAPER.skillAt(0), 1e-12);
        assertEquals(159.1, UniformSkillPrior.PAPER.skillAt(1), 1e-12);
    }
}
