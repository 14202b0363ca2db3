package org.econlab.economy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Property(tries = 400)
    void bestResponseBeatsEveryHourOnAFineGrid(@ForAll @IntRange(min = 0, max = 10) int r0,
                                               @ForAll @IntRange(min = 0, max = 10) int r1,
                                               @ForAll @IntRange(min = 0, max = 10) int r2,
                                               @ForAll @DoubleRange(min = 1, max = 20_000) double skill) {
        // Any schedule on the grid, progressive or not.
        TaxSchedule s = TaxSchedule.of(BracketPreset.THREE.brackets(), r0 * 10, r1 * 10, r2 * 10);
        double best = new RationalBestResponse(s, PAPER).hours(skill);
        assertTrue(best >= 0 && best <= 100);
        double bestValue = value(s, skill, best);
        for (int i = 0; i <= 10_000; i++) {
            double l = i / 100.0;
            assertTrue(value(s, skill, l) <= bestValue + 1e-6 * Math.max(1, Math.abs(bestValue)),
                    () -> "hours " + l + " beat " + best);
        }
    }

    @Property(tries = 100)
    void bestResponseHoldsForOtherCalibrations(@ForAll @DoubleRange(min = 1.2, max = 5) double delta,
                                               @ForAll @DoubleRange(min = 1e-4, max = 10) @Scale(6) double c,
                                               @ForAll @DoubleRange(min = 1, max = 5_000) double skill,
                                               @ForAll @IntRange(min = 0, max = 10) int r) {
        LabourModel m = new LabourModel(c, delta, 80);
        TaxSchedule s = TaxSchedule.of(BracketPreset.US_FED_2024.brackets(), r * 10, 12, 22, 24, 80, 35, 37);
        double best = new RationalBestResponse(s, m).hours(skill);
        double bestValue = skill * best - s.taxUsd(skill * best) - m.labourCost(best);
        for (int i = 0; i <= 8_000; i++) {
            double l = i / 100.0;
            double v = skill * l - s.taxUsd(skill * l) - m.labourCost(l);
            assertTrue(v <= bestValue + 1e-6 * Math.max(1, Math.abs(bestValue)));
        }
    }

    private static double value(TaxSchedule s, double skill, double hours) {
        double z = skill * hours;
        return z - s.taxUsd(z) - PAPER.labourCost(hours);
    }
}
