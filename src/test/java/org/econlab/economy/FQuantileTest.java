package org.econlab.economy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The F quantile against {@code scipy.stats.f.ppf} (SciPy 1.17), printed by Python for the ACS fit's degrees of
 * freedom {@code 2 nu, 2 tau} over the whole range and for three other pairs: within 1e-12 relative everywhere.
 */
class FQuantileTest {

    private static final double NU = Gb2IncomePrior.US_INCOME_2023.nu();
    private static final double TAU = Gb2IncomePrior.US_INCOME_2023.tau();

    private static final double[][] SCIPY = {
            {1e-17, 2.2804669802691319e-35}, {1e-12, 4.316389596023625e-25}, {1e-09, 6.329636155547658e-19},
            {1e-06, 9.281899367596882e-13}, {0.0001, 1.1980518041968047e-08}, {0.000999, 1.3583201281925284e-06},
            {0.001, 1.3611163184835714e-06}, {0.0011, 1.6556732317771026e-06}, {0.01, 0.00015464849134756684},
            {0.05, 0.004234953347744815}, {0.1, 0.01771377272100703}, {0.2, 0.07560564454136563},
            {0.3, 0.18237972566169028}, {0.4, 0.35388916870043485}, {0.5, 0.6201135915691547},
            {0.6, 1.0416328512072384}, {0.7, 1.7579521016376378}, {0.75, 2.328999943058178},
            {0.8, 3.1749024305823745}, {0.85, 4.553723831251728}, {0.9, 7.21221419042294},
            {0.95, 14.676452756477344}, {0.99, 65.58407755470762}, {0.999, 504.98358940914187},
            {0.9991, 554.0053458067395}, {0.99999, 28679.225503889782}, {0.99999999, 12211670.619652074},
            {0.999999999999, 39116309650.33291}, {0.9999999999999999, 114321135708988.36},
            {0.3745401188473625, 0.3027711855904215}};

    @Test
    void matchesScipyToOneInATrillionOverTheWholeRange() {
        FQuantile f = new FQuantile(2 * NU, 2 * TAU);
        for (double[] c : SCIPY) {
            double w = f.at(c[0]);
            assertTrue(Math.abs(w / c[1] - 1) <= 1e-12, "p=" + c[0] + ": " + w + " vs scipy " + c[1]);
        }
    }

    @Test
    void otherDegreesOfFreedom() {
        assertEquals(0.48916170796001024, new FQuantile(3.0, 7.5).at(0.3), 0.48916170796001024 * 1e-12);
        assertEquals(3.1176448194842266, new FQuantile(0.5, 40).at(0.9), 3.1176448194842266 * 1e-12);
        assertEquals(0.028671759953093075, new FQuantile(12, 2).at(1e-5), 0.028671759953093075 * 1e-12);
    }

    @Test
    void endsAndBadInput() {
        FQuantile f = new FQuantile(1, 1);
        assertEquals(0, f.at(0));
        assertEquals(Double.POSITIVE_INFINITY, f.at(1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> f.at(1.5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new FQuantile(0, 1));
    }
}
