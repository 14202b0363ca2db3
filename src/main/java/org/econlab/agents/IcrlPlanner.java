package org.econlab.agents;

import org.econlab.economy.RateDeltas;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built-in in-context-RL planner with the LLM planner's action space and observations (paper-model §5):
 * it starts from the scenario's start rates (50% in every bracket by default) and, at each tax-year start,
 * applies a DELTA per bracket in {-20, -10, 0, 10, 20} with the planner rule (truncate at 0 and 100). It
 * sees each step's SWF and the income distribution over brackets, and remembers its own history of
 * schedules and their SWF.
 *
 * <p><b>Algorithm: coordinate-wise pattern search with memory.</b>
 * <ol>
 *   <li>Score of a tax year = median SWF over its steps after the first {@code settle} fraction (workers
 *       re-adapt after a change). The median, not the mean, because one worker exploring 0 hours makes
 *       the paper's SWF spike by the whole rebate ({@code u/max(z,1)} with z = 0, paper-model §7): a
 *       mean would reward exploration noise. Each schedule keeps the mean of its yearly scores.</li>
 *   <li>The incumbent is the schedule with the best mean score. A new incumbent that was scored only once
 *       is revisited once before it is trusted (guards against a lucky noisy year).</li>
 *   <li>Explore: if the last probe (bracket j, direction d) produced the incumbent, probe further along
 *       d; otherwise probe a random bracket among those someone earns into (visible in the income
 *       histogram) with a random direction and size 10 or 20 points. The probe is the incumbent with that
 *       bracket moved; rates move toward it by at most 20 points per bracket per year.</li>
 *   <li>Exploit: from the last 10% of the run ({@link StepContext#inFinalTenth}) it moves to the
 *       incumbent and stays ("choose the best").</li>
 * </ol>
 * Random draws come from {@link RandomStreams} (purpose PLANNER_POLICY, step = decision step).
 */
public final class IcrlPlanner implements PlannerPolicy {

    public static final String KIND = "icrl";
    public static final double DEFAULT_SETTLE = 0.4;

    private final long seed;
    private final double settle;
    private final Map<String, double[]> scores = new LinkedHashMap<>(); // key -> {sum, count}
    private final Map<String, TaxSchedule> schedules = new LinkedHashMap<>();
    private TaxSchedule current;
    private double[] yearSwf = new double[32];
    private int yearCount;
    private double yearMaxIncome;
    private int probeBracket = -1;
    private int probeDirection;
    private double probeSize;
    private TaxSchedule probe;
    private TaxSchedule incumbent;
    private double incumbentScore = Double.NaN;

    public IcrlPlanner(AgentSetup setup, double settle) {
        this.seed = setup.seed();
        this.settle = settle;
        this.current = setup.startSchedule();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        int inYear = ctx.step() % ctx.taxYearSteps();
        if (inYear >= settle * ctx.taxYearSteps() || ctx.taxYearSteps() == 1) {
            if (yearCount == yearSwf.length) {
                yearSwf = Arrays.copyOf(yearSwf, 2 * yearCount);
            }
            yearSwf[yearCount++] = swf;
        }
        double[] z = state.income();
        for (int i = 0; i < state.size(); i++) {
            yearMaxIncome = Math.max(yearMaxIncome, z[i]);
        }
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        if (ctx.step() == 0) {
            current = ctx.schedule();
            return current;
        }
        current = ctx.schedule();
        if (yearCount > 0) {
            String key = Arrays.toString(current.ratesPercent());
            double[] s = scores.computeIfAbsent(key, k -> new double[2]);
            s[0] += median(yearSwf, yearCount);
            s[1]++;
            schedules.putIfAbsent(key, current);
        }
        double maxIncome = yearMaxIncome;
        yearCount = 0;
        yearMaxIncome = 0;
        TaxSchedule previousIncumbent = incumbent;
        pickIncumbent();
        if (incumbent == null) {
            return current;
        }
        TaxSchedule target;
        double[] inc = scores.get(Arrays.toString(incumbent.ratesPercent()));
        if (ctx.inFinalTenth()) {
            target = incumbent;
        } else if (inc[1] < 2 && !incumbent.equals(current)) {
            target = incumbent; // revisit a once-lucky incumbent before trusting it
        } else {
            boolean probeWon = probe != null && incumbent.equals(probe) && !incumbent.equals(previousIncumbent);
            if (!probeWon || !extend()) {
                newProbe(ctx, maxIncome);
            }
            target = probe;
        }
        double[] deltas = new double[current.bracketCount()];
        for (int j = 0; j < deltas.length; j++) {
            deltas[j] = Math.max(-RateDeltas.MAX_STEP, Math.min(RateDeltas.MAX_STEP,
                    target.ratePercent(j) - current.ratePercent(j)));
        }
        current = RateDeltas.applyPlannerRule(current, deltas);
        return current;
    }

    static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private void pickIncumbent() {
        double best = Double.NEGATIVE_INFINITY;
        String bestKey = null;
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            double mean = e.getValue()[0] / e.getValue()[1];
            if (mean > best) {
                best = mean;
                bestKey = e.getKey();
            }
        }
        if (bestKey != null) {
            incumbent = schedules.get(bestKey);
            incumbentScore = best;
        }
    }

    /** Continues the winning probe one more step in the same direction; false if it would leave 0..100. */
    private boolean extend() {
        double next = incumbent.ratePercent(probeBracket) + probeDirection * probeSize;
        if (next < 0 || next > 100) {
            return false;
        }
        double[] r = incumbent.ratesPercent();
        r[probeBracket] = next;
        probe = incumbent.withRates(r);
        return true;
    }

    private void newProbe(StepContext ctx, double maxIncome) {
        int k = incumbent.bracketCount();
        int active = 0;
        for (int j = 0; j < k; j++) {
            if (incumbent.brackets().lowerUsd(j) < maxIncome) {
                active++;
            }
        }
        if (active == 0) {
            active = k;
        }
        int step = ctx.step();
        for (int attempt = 0; attempt < 16; attempt++) {
            int pick = (int) (RandomStreams.uniform(seed, Purpose.PLANNER_POLICY, 0, step, 3 * attempt) * active);
            int dir = RandomStreams.uniform(seed, Purpose.PLANNER_POLICY, 0, step, 3 * attempt + 1) < 0.5 ? -1 : 1;
            double size = RandomStreams.uniform(seed, Purpose.PLANNER_POLICY, 0, step, 3 * attempt + 2) < 0.5 ? 10 : 20;
            double[] r = incumbent.ratesPercent();
            double next = r[pick] + dir * size;
            if (next < 0 || next > 100) {
                next = r[pick] - dir * size;
                dir = -dir;
            }
            if (next < 0 || next > 100) {
                continue;
            }
            r[pick] = next;
            probeBracket = pick;
            probeDirection = dir;
            probeSize = size;
            probe = incumbent.withRates(r);
            return;
        }
        probe = incumbent;
    }

    /** The best schedule so far by mean tax-year score, or null before the first year is scored. */
    public TaxSchedule incumbent() {
        return incumbent;
    }

    @Override
    public StepMetrics metrics() {
        return new StepMetrics() {
            @Override
            public List<String> names() {
                return List.of("planner_best_score", "planner_schedules_tried");
            }

            @Override
            public double value(int index) {
                return index == 0 ? (Double.isNaN(incumbentScore) ? 0 : incumbentScore) : scores.size();
            }
        };
    }
}
