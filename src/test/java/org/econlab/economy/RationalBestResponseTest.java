package org.econlab.economy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paper-model §3.2: the rational worker's hours. */
class RationalBestResponseTest {

    private static final LabourModel PAPER = LabourModel.PAPER;

    /** The worked table of §3.2: l* at marginal rate t for skill v (flat tax, so t applies everywhere). */
    @ParameterizedTest(name = "t={0}, v={1} -> {2} h")
    @CsvSource({
        "0.0, 50, 60.6", "0.0, 100, 79.9", "0.0, 175, 100", "0.0, 268, 100", "0.0, 4416, 100",
        "0.5, 50, 45.9", "0.5, 100, 60.6", "0.5, 175, 75.8", "0.5, 268, 89.9", "0.5, 674, 100", "0.5, 1716, 100",
        "0.9, 50, 24.1", "0.9, 100, 31.8", "0.9, 175, 39.8", "0.9, 268, 47.2", "0.9, 674, 68.3", "0.9, 1716, 99.2",
        "0.9, 4416, 100"
    })
    void hoursMatchTheWorkedTable(double t, double v, double expectedHours) {
        TaxSchedule flat = TaxSchedule.uniform(BracketPreset.FLAT.brackets(), t * 100);
        assertEquals(expectedHours, new RationalBestResponse(flat, PAPER).hours(v), 0.05);
    }

    /** Any schedule on the grid, progressive or not, and skills from 1 to 20,000. */
    @Test
    void bestResponseBeatsEveryHourOnAFineGrid() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            TaxSchedule s = TaxSchedule.of(BracketPreset.THREE.brackets(), 10 * rnd.nextInt(11), 10 * rnd.nextInt(11),
                    10 * rnd.nextInt(11));
            double skill = trial % 5 == 0 ? 90_000.0 / (1 + rnd.nextInt(100)) : rnd.nextDouble(1, 20_000); // kinks too
            assertBeatsGrid(s, PAPER, skill);
        }
    }

    @Test
    void bestResponseHoldsForOtherCalibrations() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 100; trial++) {
            LabourModel m = new LabourModel(rnd.nextDouble(1e-4, 10), rnd.nextDouble(1.2, 5), 80);
            TaxSchedule s = TaxSchedule.of(BracketPreset.US_FED_2024.brackets(), 10 * rnd.nextInt(11), 12, 22, 24, 80, 35, 37);
            assertBeatsGrid(s, m, rnd.nextDouble(1, 5_000));
        }
    }

    /**
     * Own share of the rebate: a worker among N maximises {@code v l - T(v l) + (T(v l) + others) / N - c l^delta};
     * arbitrary schedules (also regressive, also 100%) and N from 1 to 1,000.
     */
    @Test
    void ownShareBestResponseBeatsEveryHourOnAFineGrid() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 300; trial++) {
            TaxSchedule s = TaxSchedule.of(BracketPreset.THREE.brackets(), 10 * rnd.nextInt(11), 10 * rnd.nextInt(11),
                    10 * rnd.nextInt(11));
            int workers = trial % 3 == 0 ? 1 + rnd.nextInt(5) : 1 + rnd.nextInt(1000);
            double skill = trial % 5 == 0 ? 90_000.0 / (1 + rnd.nextInt(100)) : rnd.nextDouble(1, 20_000);
            double k = 1 - 1.0 / workers;
            assertBeatsGrid(new RationalBestResponse(s, PAPER, RebateTreatment.OWN_SHARE, workers), s, PAPER, skill, k);
        }
    }

    private static void assertBeatsGrid(TaxSchedule s, LabourModel m, double skill) {
        assertBeatsGrid(new RationalBestResponse(s, m), s, m, skill, 1);
    }

    /** {@code k}: the share of its own tax the worker loses (1 price-taking, 1 - 1/N with its own share). */
    private static void assertBeatsGrid(RationalBestResponse br, TaxSchedule s, LabourModel m, double skill, double k) {
        double best = br.hours(skill);
        assertTrue(best >= 0 && best <= m.maxHoursPerWeek());
        double bestValue = value(s, m, skill, best, k);
        int steps = (int) (m.maxHoursPerWeek() * 100);
        for (int i = 0; i <= steps; i++) {
            double l = i / 100.0;
            assertTrue(value(s, m, skill, l, k) <= bestValue + 1e-6 * Math.max(1, Math.abs(bestValue)),
                    () -> "hours " + l + " beat " + best + " for skill " + skill + " under " + s + " and " + m);
        }
    }

    private static double value(TaxSchedule s, LabourModel m, double skill, double hours, double k) {
        double z = skill * hours;
        return z - k * s.taxUsd(z) - m.labourCost(hours);
    }
}
