package org.econlab.economy;

import org.econlab.population.Population;
import org.econlab.population.PopulationSpec;
import org.econlab.population.UtilityMix;
import org.econlab.random.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, finding 4: large populations draw skills from a table of the exact GB2 quantile; the documented tolerance
 * ({@code 1e-10 / |sigma|} relative) holds over the whole range a run can draw, tails included; small populations keep
 * the reference quantile's exact digits.
 */
class TabulatedQuantileTest {

    private static double worstRelativeError(Gb2IncomePrior g, int draws) {
        SplittableRandom r = new SplittableRandom(17);
        DoubleUnaryOperator sampler = g.sampler();
        double worst = 0;
        for (int i = 0; i < draws; i++) {
            double p = switch (i % 3) {
                case 0 -> r.nextDouble();
                case 1 -> Math.pow(10, -16.5 * r.nextDouble());      // lower tail down to ~3e-17
                default -> 1 - Math.pow(10, -15.9 * r.nextDouble()); // upper tail up to 1 - 1.1e-16
            };
            if (!(p > 0 && p < 1)) {
                continue;
            }
            double exact = g.exactIncomeAt(p);
            double drawn = sampler.applyAsDouble(p) * Gb2IncomePrior.REFERENCE_HOURS_PER_WEEK;
            worst = Math.max(worst, Math.abs(drawn - exact) / exact);
        }
        return worst;
    }

    @Test
    void theAcsFitIsDrawnWithinTheDocumentedTolerance() {
        Gb2IncomePrior g = Gb2IncomePrior.US_INCOME_2023;
        double worst = worstRelativeError(g, 30_000);
        assertTrue(worst <= 1e-10 / Math.abs(g.sigma()), "worst relative error " + worst);
    }

    @Test
    void otherShapesToo() {
        double[][] shapes = {{50_000, 0.8, 3, 0.7}, {50_000, -1.5, 2, 1}, {20_000, 3, 50, 50}, {1, 0.5, 0.5, 2}};
        for (double[] s : shapes) {
            Gb2IncomePrior g = new Gb2IncomePrior(s[0], s[1], s[2], s[3]);
            double worst = worstRelativeError(g, 6_000);
            assertTrue(worst <= 1e-10 / Math.abs(g.sigma()), java.util.Arrays.toString(s) + ": " + worst);
        }
    }

    @Test
    void theExactQuantileInvertsTheCdfAndAgreesWithTheReferenceInTheBody() {
        Gb2IncomePrior g = Gb2IncomePrior.US_INCOME_2023;
        for (double p : new double[] {1e-15, 1e-9, 1e-4, 0.5, 1 - 1e-4, 1 - 1e-9, 1 - 1e-13}) {
            assertEquals(p, g.cdf(g.exactIncomeAt(p)), Math.max(1e-12, 1e-9 * Math.min(p, 1 - p) + 1e-15), "p=" + p);
        }
        for (double p = 0.001; p < 1; p += 0.0123) {
            assertEquals(g.incomeAt(p), g.exactIncomeAt(p), 1e-9 * g.exactIncomeAt(p), "p=" + p);
        }
    }

    @Test
    void smallPopulationsKeepTheReferenceDigitsLargeOnesAreWithinTolerance() {
        Gb2IncomePrior g = Gb2IncomePrior.US_INCOME_2023;
        for (int n : new int[] {100, Population.FAST_DRAWS_FROM}) {
            PopulationSpec spec = new PopulationSpec(n, g, false, null, new UtilityMix(100, 0, 0), false);
            double[] skills = Population.generate(spec, 42).skills();
            for (int i = 0; i < n; i += 97) {
                double reference = g.skillAt(RandomStreams.openUniform(42, RandomStreams.Purpose.SKILL, i, 0, 0));
                if (n < Population.FAST_DRAWS_FROM) {
                    assertEquals(reference, skills[i], 0.0, "agent " + i + " of " + n + ": bit for bit");
                } else {
                    assertEquals(reference, skills[i], 1e-9 * reference, "agent " + i + " of " + n);
                }
            }
        }
    }
}
