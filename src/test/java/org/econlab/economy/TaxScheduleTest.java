package org.econlab.economy;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paper-model §6: the piecewise-linear marginal tax. */
class TaxScheduleTest {

    private static final TaxSchedule US_FED =
            TaxSchedule.of(BracketPreset.US_FED_2024.brackets(), BracketPreset.US_FED_2024_RATES_PERCENT);

    @Test
    void taxOfOneHundredThousandUnderUsFederalRatesIs17053() {
        assertEquals(17_053.00, US_FED.taxUsd(100_000), 0.005);
    }

    @Test
    void taxOfOneMillionUnderUsFederalRatesIs328187_75() {
        assertEquals(328_187.75, US_FED.taxUsd(1_000_000), 0.005);
    }

    @Test
    void incomeAboveTheTopCutoffIsUntaxedAsInTheReference() {
        double atTop = US_FED.taxUsd(TaxBrackets.PAPER_TOP_CUTOFF_USD);
        assertEquals(atTop, US_FED.taxUsd(50_000_000), 1e-6);
        assertEquals(0, US_FED.marginalRatePercentAt(20_000_000));
    }

    @Test
    void zeroOrNegativeIncomeOwesNothing() {
        assertEquals(0, US_FED.taxUsd(0));
        assertEquals(0, US_FED.taxUsd(-5));
    }

    @Test
    void marginalRateIsTheBracketRate() {
        assertEquals(10, US_FED.marginalRatePercentAt(5_000));
        assertEquals(22, US_FED.marginalRatePercentAt(50_000));
        assertEquals(37, US_FED.marginalRatePercentAt(700_000));
    }

    @Test
    void ratesOutsideZeroToHundredAreRefusedWithTheIndex() {
        var b = BracketPreset.THREE.brackets();
        var e = assertThrows(IllegalArgumentException.class, () -> TaxSchedule.of(b, 10, 20, 150));
        assertEquals("[2]: 150.0 is outside 0..100", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TaxSchedule.of(b, 10, 20));
    }

    @Test
    void descendingCutoffsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaxBrackets.of(0, 100, 50));
        assertThrows(IllegalArgumentException.class, () -> TaxBrackets.of(10, 100));
    }

    /** Random schedules on the grid and incomes, plus the cutoffs themselves (where continuity could break). */
    @Test
    void taxIsNonDecreasingAndContinuousInIncome() {
        SplittableRandom rnd = new SplittableRandom(2025);
        TaxBrackets three = BracketPreset.THREE.brackets();
        for (int trial = 0; trial < 2_000; trial++) {
            TaxSchedule s = TaxSchedule.of(three, 10 * rnd.nextInt(11), 10 * rnd.nextInt(11), 10 * rnd.nextInt(11));
            double z = trial % 4 == 0 ? three.cutoffsUsd()[rnd.nextInt(4)] : rnd.nextDouble(0, 2e7);
            double eps = 0.01;
            double t = s.taxUsd(z);
            double tPlus = s.taxUsd(z + eps);
            double tMinus = s.taxUsd(z - eps);
            String at = s + " at " + z;
            assertTrue(tPlus >= t && t >= tMinus, "non-decreasing: " + at);
            // Continuous: a cent more income never costs more than a cent of tax (rates are at most 100%).
            assertTrue(tPlus - t <= eps + 1e-9 && t - tMinus <= eps + 1e-9, "continuous: " + at);
        }
    }

    @Test
    void taxNeverExceedsIncome() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 2_000; trial++) {
            TaxSchedule s = TaxSchedule.uniform(BracketPreset.US_FED_2024.brackets(), rnd.nextInt(101));
            double z = rnd.nextDouble(0, 1e8);
            assertTrue(s.taxUsd(z) <= z + 1e-6, s + " at " + z);
        }
    }
}
