package org.econlab.economy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paper-model §7: welfare and inequality measures. */
class WelfareTest {

    @Test
    void paperSwfIsTheInverseIncomeWeightedSumWithAFloorOfOne() {
        double[] u = {100, 50, 7};
        double[] z = {200, 0.5, 0};
        assertEquals(100 / 200.0 + 50 + 7, SocialWelfare.of(SwfWeighting.INVERSE_INCOME, u, z, 3), 1e-12);
    }

    @Test
    void utilitarianSumAndNormalisedAverage() {
        double[] u = {100, 50};
        double[] z = {100, 50};
        assertEquals(150, SocialWelfare.of(SwfWeighting.UTILITARIAN, u, z, 2), 1e-12);
        // weights 1/100 and 1/50 normalised to 1/3 and 2/3
        assertEquals(100 / 3.0 + 50 * 2 / 3.0, SocialWelfare.of(SwfWeighting.INVERSE_INCOME_AVERAGE, u, z, 2), 1e-9);
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
