package org.econlab.economy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The reference optimum for rational followers: the marginal schedule on the paper's 10-point rate grid
 * {0, 10, ..., 100} that maximises social welfare when every worker plays its exact best response
 * ({@link RationalBestResponse}) and all revenue is rebated equally. This is the leader's problem of the
 * two-level Stackelberg game of paper-model §1.
 *
 * <p>Welfare is computed exactly as the simulation computes it for a step: {@code z = v l*},
 * {@code u = z - T(z) + R/N - c l*^delta}, then the scenario's weighting (paper: {@code sum u/max(z,1)}),
 * summed in agent order.
 *
 * <p>Search: exhaustive over all 11^K schedules when K &lt;= {@value #EXHAUSTIVE_MAX_BRACKETS}
 * (1,331 for the {@code three} preset); otherwise coordinate ascent (each sweep tries all 11 rates of
 * one bracket with the others held) from several starts (all 0, all 50, all 100 and seeded random
 * grids), with every evaluated schedule memoised. Pure and thread-safe.
 */
public final class StackelbergSearch {

    public static final int EXHAUSTIVE_MAX_BRACKETS = 3;
    public static final int GRID_POINTS = 11;
    /** Random starts added to the three fixed ones for coordinate ascent. */
    public static final int RANDOM_RESTARTS = 5;

    /**
     * The optimum found.
     *
     * @param ratesPercent one rate per bracket on the 10-point grid
     * @param swf          welfare at those rates under best responses
     * @param evaluations  schedules evaluated
     * @param exhaustive   whether every grid schedule was evaluated (a proven grid optimum)
     */
    public record Result(double[] ratesPercent, double swf, int evaluations, boolean exhaustive) {
        public Result {
            ratesPercent = ratesPercent.clone();
        }

        @Override
        public double[] ratesPercent() {
            return ratesPercent.clone();
        }

        public TaxSchedule schedule(TaxBrackets brackets) {
            return TaxSchedule.of(brackets, ratesPercent);
        }
    }

    private StackelbergSearch() {
    }

    /** The grid schedule maximising welfare under best responses, with its welfare (charts' reference line). */
    public static Result optimum(double[] skills, TaxBrackets brackets, LabourModel labour, SwfWeighting weighting) {
        int k = brackets.count();
        Evaluator eval = new Evaluator(skills, brackets, labour, weighting);
        if (k <= EXHAUSTIVE_MAX_BRACKETS) {
            int[] idx = new int[k];
            int[] best = null;
            double bestSwf = Double.NEGATIVE_INFINITY;
            int total = (int) Math.pow(GRID_POINTS, k);
            for (int n = 0; n < total; n++) {
                int m = n;
                for (int j = k - 1; j >= 0; j--) {
                    idx[j] = m % GRID_POINTS;
                    m /= GRID_POINTS;
                }
                double s = eval.swf(idx);
                if (s > bestSwf) {
                    bestSwf = s;
                    best = idx.clone();
                }
            }
            return new Result(toRates(best), bestSwf, eval.evaluations(), true);
        }
        int[][] starts = new int[3 + RANDOM_RESTARTS][k];
        Arrays.fill(starts[1], 5);
        Arrays.fill(starts[2], 10);
        SplittableRandom rnd = new SplittableRandom(0x5EA7C4L);
        for (int s = 3; s < starts.length; s++) {
            for (int j = 0; j < k; j++) {
                starts[s][j] = rnd.nextInt(GRID_POINTS);
            }
        }
        int[] best = null;
        double bestSwf = Double.NEGATIVE_INFINITY;
        for (int[] start : starts) {
            int[] x = start.clone();
            double fx = eval.swf(x);
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int j = 0; j < k; j++) {
                    int keep = x[j];
                    int argBest = keep;
                    for (int g = 0; g < GRID_POINTS; g++) {
                        if (g == keep) {
                            continue;
                        }
                        x[j] = g;
                        double f = eval.swf(x);
                        if (f > fx) {
                            fx = f;
                            argBest = g;
                            improved = true;
                        }
                    }
                    x[j] = argBest;
                }
            }
            if (fx > bestSwf) {
                bestSwf = fx;
                best = x.clone();
            }
        }
        return new Result(toRates(best), bestSwf, eval.evaluations(), false);
    }

    /**
     * Welfare of one schedule when every worker best-responds and the revenue is rebated equally: the
     * number the simulation reports for a step of rational workers under {@code schedule}.
     */
    public static double welfare(double[] skills, TaxSchedule schedule, LabourModel labour, SwfWeighting weighting) {
        double[] u = new double[skills.length];
        double[] z = new double[skills.length];
        outcome(skills, schedule, labour, z, u);
        return SocialWelfare.of(weighting, u, z, skills.length);
    }

    /**
     * Fills pre-tax incomes {@code z} and utilities {@code u} of every worker best-responding to
     * {@code schedule}, with the equal rebate of the resulting revenue; returns the rebate.
     */
    public static double outcome(double[] skills, TaxSchedule schedule, LabourModel labour, double[] z, double[] u) {
        RationalBestResponse br = new RationalBestResponse(schedule, labour);
        int n = skills.length;
        double[] hours = new double[n];
        double[] tax = new double[n];
        double revenue = 0;
        for (int i = 0; i < n; i++) {
            hours[i] = br.hours(skills[i]);
            z[i] = skills[i] * hours[i];
            tax[i] = schedule.taxUsd(z[i]);
            revenue += tax[i];
        }
        double rebate = revenue / n;
        for (int i = 0; i < n; i++) {
            u[i] = z[i] - tax[i] + rebate - labour.labourCost(hours[i]);
        }
        return rebate;
    }

    private static double[] toRates(int[] idx) {
        double[] r = new double[idx.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = idx[j] * 10.0;
        }
        return r;
    }

    /** Memoised welfare of grid schedules (rate index 0..10 per bracket). */
    private static final class Evaluator {
        private final double[] skills;
        private final TaxBrackets brackets;
        private final LabourModel labour;
        private final SwfWeighting weighting;
        private final Map<Long, Double> memo = new HashMap<>();
        private final double[] z;
        private final double[] u;

        Evaluator(double[] skills, TaxBrackets brackets, LabourModel labour, SwfWeighting weighting) {
            this.skills = skills;
            this.brackets = brackets;
            this.labour = labour;
            this.weighting = weighting;
            this.z = new double[skills.length];
            this.u = new double[skills.length];
        }

        double swf(int[] idx) {
            long key = 0;
            for (int g : idx) {
                key = key * GRID_POINTS + g;
            }
            Double cached = memo.get(key);
            if (cached != null) {
                return cached;
            }
            outcome(skills, TaxSchedule.of(brackets, toRates(idx)), labour, z, u);
            double s = SocialWelfare.of(weighting, u, z, skills.length);
            memo.put(key, s);
            return s;
        }

        int evaluations() {
            return memo.size();
        }
    }
}
