package org.econlab.replication;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals over seeds, with a fixed resampling seed so that a report is
 * reproducible. With few values the interval is wide by construction; with one value it is that value.
 */
public final class Bootstrap {

    /** Resamples per interval. */
    public static final int RESAMPLES = 10_000;
    private static final long RESAMPLING_SEED = 0xB0075L;

    /**
     * An estimate with its 95% interval.
     *
     * @param estimate the statistic on the data
     * @param low      2.5th percentile of the bootstrap distribution
     * @param high     97.5th percentile
     * @param n        number of values
     */
    public record Interval(double estimate, double low, double high, int n) {
    }

    /** Which statistic of the values. */
    public enum Statistic {
        MEAN, MEDIAN;

        double of(double[] x) {
            return this == MEAN ? StatUtils.mean(x) : new Percentile().evaluate(x, 50);
        }
    }

    private Bootstrap() {
    }

    /** The statistic of {@code values} with its 95% percentile-bootstrap interval. */
    public static Interval interval(double[] values, Statistic statistic) {
        int n = values.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double estimate = statistic.of(values);
        if (n == 1) {
            return new Interval(estimate, estimate, estimate, 1);
        }
        SplittableRandom rnd = new SplittableRandom(RESAMPLING_SEED);
        double[] stats = new double[RESAMPLES];
        double[] sample = new double[n];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < n; i++) {
                sample[i] = values[rnd.nextInt(n)];
            }
            stats[b] = statistic.of(sample);
        }
        Percentile p = new Percentile();
        p.setData(stats);
        return new Interval(estimate, p.evaluate(2.5), p.evaluate(97.5), n);
    }
}
