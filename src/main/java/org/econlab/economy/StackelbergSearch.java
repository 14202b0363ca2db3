package org.econlab.economy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The reference optimum for rational followers: the marginal schedule on the paper's 10-point rate grid
 * {0, 10, ..., 100} that maximises social welfare when every worker plays its exact best response
 * ({@link RationalBestResponse}, with the given {@link RebateTreatment}) and all revenue is rebated equally.
 * This is the leader's problem of the two-level Stackelberg game of paper-model §1.
 *
 * <p>Welfare is computed exactly as the simulation computes it for a step: {@code z = v l*},
 * {@code u = z - T(z) + R/N - c l*^delta}, then the scenario's {@link WelfareFunction}, added in agent order; with
 * heterogeneous elasticities each worker responds and pays its labour cost with its own delta.
 *
 * <p>Search: exhaustive over all 11^K schedules when K &lt;= {@value #EXHAUSTIVE_MAX_BRACKETS}
 * (1,331 for the {@code three} preset); otherwise coordinate ascent (each sweep tries all 11 rates of
 * one bracket with the others held) from several starts (all 0, all 50, all 100 and
 * {@link #RANDOM_RESTARTS} seeded random grids), with every evaluated schedule memoised.
 * {@link #exhaustive} evaluates every schedule for any K (19.5 million for 7 brackets) to measure that search's
 * optimality gap. Pure and thread-safe.
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
    public record Result(double[] ratesPercent, double swf, long evaluations, boolean exhaustive) {
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

    /**
     * One leader's problem: who the followers are, how they respond, and what the leader maximises.
     *
     * @param skills   the workers' skills v (not copied; do not change them while searching)
     * @param brackets the bracket cutoffs whose rates are chosen
     * @param labour   utility constants and labour range
     * @param welfare  the welfare function maximised
     * @param rebate   how followers count the rebate of their own tax
     * @param deltas   each worker's own labour-cost exponent (not copied), or null when all have {@code labour}'s
     */
    public record Problem(double[] skills, TaxBrackets brackets, LabourModel labour, WelfareFunction welfare,
                          RebateTreatment rebate, double[] deltas) {

        /** Followers who all have the model's delta (the paper). */
        public Problem(double[] skills, TaxBrackets brackets, LabourModel labour, WelfareFunction welfare,
                       RebateTreatment rebate) {
            this(skills, brackets, labour, welfare, rebate, null);
        }

        public Problem {
            if (deltas != null && deltas.length != skills.length) {
                throw new IllegalArgumentException("needs one delta per skill: " + deltas.length + " for "
                        + skills.length);
            }
        }
    }

    private StackelbergSearch() {
    }

    /**
     * The grid schedule maximising welfare under best responses (the charts' reference line): exhaustive up to
     * {@value #EXHAUSTIVE_MAX_BRACKETS} brackets, coordinate ascent with {@value #RANDOM_RESTARTS} random restarts
     * above.
     */
    public static Result optimum(Problem problem) {
        return optimum(problem, RANDOM_RESTARTS);
    }

    /** As {@link #optimum(Problem)}, with {@code randomRestarts} seeded random starts for coordinate ascent. */
    public static Result optimum(Problem problem, int randomRestarts) {
        int k = problem.brackets().count();
        if (k <= EXHAUSTIVE_MAX_BRACKETS) {
            return exhaustive(problem, false);
        }
        return coordinateAscent(problem, randomRestarts);
    }

    /**
     * Evaluates every one of the 11^K grid schedules: the proven grid optimum for any K (on {@code parallel}
     * threads, with results identical to a sequential pass: ties go to the schedule first in lexicographic
     * order).
     */
    public static Result exhaustive(Problem problem, boolean parallel) {
        int k = problem.brackets().count();
        long total = 1;
        for (int j = 0; j < k; j++) {
            total *= GRID_POINTS;
        }
        // Split on the first bracket's rate: 11 independent slices, each scanned in order.
        int slices = k == 0 ? 1 : GRID_POINTS;
        long perSlice = total / slices;
        IntStream range = IntStream.range(0, slices);
        Result[] best = new Result[slices];
        (parallel ? range.parallel() : range).forEach(slice -> {
            Evaluator eval = new Evaluator(problem, false);
            int[] idx = new int[k];
            int[] bestIdx = null;
            double bestSwf = Double.NEGATIVE_INFINITY;
            for (long n = slice * perSlice; n < (slice + 1) * perSlice; n++) {
                long m = n;
                for (int j = k - 1; j >= 0; j--) {
                    idx[j] = (int) (m % GRID_POINTS);
                    m /= GRID_POINTS;
                }
                double s = eval.swf(idx);
                if (s > bestSwf) {
                    bestSwf = s;
                    bestIdx = idx.clone();
                }
            }
            best[slice] = new Result(toRates(bestIdx), bestSwf, perSlice, true);
        });
        Result winner = best[0];
        for (Result r : best) {
            if (r.swf() > winner.swf()) {
                winner = r;
            }
        }
        return new Result(winner.ratesPercent(), winner.swf(), total, true);
    }

    private static Result coordinateAscent(Problem problem, int randomRestarts) {
        int k = problem.brackets().count();
        Evaluator eval = new Evaluator(problem, true);
        int[][] starts = new int[3 + randomRestarts][k];
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
    public static double welfare(Problem problem, TaxSchedule schedule) {
        int n = problem.skills().length;
        double[] u = new double[n];
        double[] z = new double[n];
        outcome(problem, schedule, new double[n], z, u);
        return problem.welfare().of(u, z, problem.skills(), n);
    }

    /**
     * Fills hours, pre-tax incomes {@code z} and utilities {@code u} of every worker best-responding to
     * {@code schedule}, with the equal rebate of the resulting revenue; returns the rebate.
     */
    public static double outcome(Problem problem, TaxSchedule schedule, double[] hours, double[] z, double[] u) {
        double[] skills = problem.skills();
        LabourModel labour = problem.labour();
        int n = skills.length;
        RationalBestResponse br = new RationalBestResponse(schedule, labour, problem.rebate(), n);
        double revenue = 0;
        double[] deltas = problem.deltas();
        for (int i = 0; i < n; i++) {
            hours[i] = deltas == null ? br.hours(skills[i]) : br.hours(skills[i], deltas[i]);
            z[i] = skills[i] * hours[i];
            u[i] = schedule.taxUsd(z[i]); // the tax, until the rebate is known
            revenue += u[i];
        }
        double rebate = revenue / n;
        for (int i = 0; i < n; i++) {
            u[i] = z[i] - u[i] + rebate
                    - (deltas == null ? labour.labourCost(hours[i]) : labour.labourCost(hours[i], deltas[i]));
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

    /** Welfare of grid schedules (rate index 0..10 per bracket), optionally memoised; one thread. */
    private static final class Evaluator {
        private final Problem problem;
        private final Map<Long, Double> memo;
        private final double[] hours;
        private final double[] z;
        private final double[] u;
        private final double[] rates;
        private long evaluations;

        Evaluator(Problem problem, boolean memoise) {
            this.problem = problem;
            this.memo = memoise ? new HashMap<>() : null;
            int n = problem.skills().length;
            this.hours = new double[n];
            this.z = new double[n];
            this.u = new double[n];
            this.rates = new double[problem.brackets().count()];
        }

        double swf(int[] idx) {
            long key = 0;
            for (int g : idx) {
                key = key * GRID_POINTS + g;
            }
            if (memo != null) {
                Double cached = memo.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            for (int j = 0; j < idx.length; j++) {
                rates[j] = idx[j] * 10.0;
            }
            outcome(problem, TaxSchedule.of(problem.brackets(), rates), hours, z, u);
            double s = problem.welfare().of(u, z, problem.skills(), z.length);
            evaluations++;
            if (memo != null) {
                memo.put(key, s);
            }
            return s;
        }

        long evaluations() {
            return evaluations;
        }
    }
}
