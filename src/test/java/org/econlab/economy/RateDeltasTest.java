package org.econlab.economy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RateDeltasTest {

    private static final TaxBrackets THREE = BracketPreset.THREE.brackets();

    @Test
    void deltasAreClippedToTwentyAndRoundedHalfToEvenLikeNpRound() {
        assertEquals(0, RateDeltas.normalise(5), 0);
        assertEquals(0, RateDeltas.normalise(-5), 0);
        assertEquals(20, RateDeltas.normalise(15), 0);
        assertEquals(-20, RateDeltas.normalise(-15), 0);
        assertEquals(20, RateDeltas.normalise(35), 0);
        assertEquals(10, RateDeltas.normalise(12), 0);
    }

    @Test
    void thePlannerTruncatesAtTheBounds() {
        TaxSchedule s = TaxSchedule.of(THREE, 90, 10, 50);
        assertArrayEquals(new double[] {100, 0, 70}, RateDeltas.applyPlannerRule(s, new double[] {20, -20, 20}).ratesPercent());
    }

    @Test
    void theLeaderReflectsOutOfRangeDeltas() {
        TaxSchedule s = TaxSchedule.of(THREE, 90, 10, 50);
        assertArrayEquals(new double[] {70, 30, 70}, RateDeltas.applyLeaderRule(s, new double[] {20, -20, 20}).ratesPercent());
    }
}
