package org.econlab.ui.run;

import org.apache.commons.math3.distribution.TDistribution;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The same scenario under N seeds, so a class sees which outcomes are robust and which one seed decides. Each
 * seed is a complete, independent run in memory (built-in and LLM workers alike; no run record is written), and
 * the result holds, per step, the mean over seeds and a 95% confidence band for that mean
 * ({@code mean +- t(0.975, N-1) sd / sqrt(N)}), plus one row of outcomes per seed. Pure: no JavaFX; call from a
 * background thread.
 */
public final class SeedEnsemble {

    /** Metrics with a band, by the name the charts use. */
    public static final String SWF = "swf";
    public static final String HOURS = "meanHours";
    public static final String GINI = "gini";
    public static final String TAX = "totalTax";
    public static final List<String> METRICS = List.of(SWF, HOURS, GINI, TAX);

    /**
     * One seed's outcome.
     *
     * @param seed       the run seed
     * @param finalSwf   SWF at the last step
     * @param lateSwf    mean SWF over the last 20% of steps
     * @param lateHours  mean hours per week over the last 20% of steps
     * @param idle       workers with income below $1 at the last step
     * @param gini       income Gini at the last step
     * @param totalTax   revenue at the last step ($/yr)
     * @param finalRates marginal rates (percent) at the last step
     */
    public record Outcome(long seed, double finalSwf, double lateSwf, double lateHours, int idle, double gini, double totalTax,
                   double[] finalRates) {
    }

    /** Mean and 95% band of a metric per step. */
    public record Band(double[] step, double[] mean, double[] low, double[] high) {
    }

    /** Every seed's outcome and the bands, for {@code scenario} (with its own seed replaced per run). */
    public record Result(Scenario scenario, List<Outcome> outcomes, Map<String, Band> bands) {
        public int seeds() {
            return outcomes.size();
        }
    }

    private SeedEnsemble() {
    }

    /**
     * Runs seeds {@code firstSeed .. firstSeed + n - 1} of {@code scenario} on up to {@code threads} threads.
     *
     * @param progress  called with the number of runs finished (from worker threads)
     * @param cancelled polled between steps; when true the call returns null
     */
    public static Result run(Scenario scenario, int n, long firstSeed, int threads, IntConsumer progress,
                      BooleanSupplier cancelled) throws InterruptedException {
        if (n < 1) {
            throw new IllegalArgumentException("at least one seed");
        }
        int steps = scenario.steps();
        double[][][] series = new double[METRICS.size()][n][];
        Outcome[] outcomes = new Outcome[n];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "lab-seeds");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int run = i;
                futures.add(pool.submit(() -> {
                    Scenario s = scenario.withSeed(firstSeed + run);
                    Simulation sim = new Simulation(s, false);
                    double[][] mine = new double[METRICS.size()][steps];
                    int k = 0;
                    StepSnapshot last = null;
                    while (!sim.isFinished()) {
                        if (cancelled.getAsBoolean()) {
                            sim.end(org.econlab.simulation.RunOutcome.STOPPED, null);
                            return null;
                        }
                        last = sim.step();
                        mine[0][k] = last.swf();
                        mine[1][k] = last.meanHours();
                        mine[2][k] = last.gini();
                        mine[3][k] = last.totalTaxUsd();
                        k++;
                    }
                    for (int m = 0; m < METRICS.size(); m++) {
                        series[m][run] = java.util.Arrays.copyOf(mine[m], k);
                    }
                    int from = (int) Math.floor(k * 0.8);
                    int idle = 0;
                    for (double z : sim.state().income()) {
                        if (z < 1) {
                            idle++;
                        }
                    }
                    outcomes[run] = new Outcome(s.seed(), last == null ? Double.NaN : last.swf(), mean(mine[0], from, k),
                            mean(mine[1], from, k), idle, last == null ? Double.NaN : last.gini(),
                            last == null ? Double.NaN : last.totalTaxUsd(),
                            last == null ? new double[0] : last.ratesPercent());
                    progress.accept(done.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        if (cancelled.getAsBoolean()) {
            return null;
        }
        Map<String, Band> bands = new LinkedHashMap<>();
        for (int m = 0; m < METRICS.size(); m++) {
            bands.put(METRICS.get(m), band(series[m]));
        }
        return new Result(scenario, List.of(outcomes), bands);
    }

    private static double mean(double[] v, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /** Per step: mean over runs and the 95% confidence band of that mean (Student t, N-1 degrees of freedom). */
    public static Band band(double[][] runs) {
        int n = runs.length;
        int steps = Integer.MAX_VALUE;
        for (double[] r : runs) {
            steps = Math.min(steps, r.length);
        }
        double t = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) : 0;
        double[] x = new double[steps];
        double[] mean = new double[steps];
        double[] lo = new double[steps];
        double[] hi = new double[steps];
        for (int k = 0; k < steps; k++) {
            double s = 0;
            for (double[] r : runs) {
                s += r[k];
            }
            double m = s / n;
            double ss = 0;
            for (double[] r : runs) {
                ss += (r[k] - m) * (r[k] - m);
            }
            double half = n > 1 ? t * Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : 0;
            x[k] = k;
            mean[k] = m;
            lo[k] = m - half;
            hi[k] = m + half;
        }
        return new Band(x, mean, lo, hi);
    }

    /** Mean and the 95% confidence interval half-width of {@code values}. */
    public static double[] meanAndHalfWidth(double[] values) {
        int n = values.length;
        double s = 0;
        for (double v : values) {
            s += v;
        }
        double m = s / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        double half = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n) : 0;
        return new double[] {m, half};
    }
}
