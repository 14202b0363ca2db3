package org.econlab.agents;

import org.econlab.economy.RateDeltas;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

import java.util.Arrays;
import java.util.List;

/**
 * A built-in in-context-RL planner with the LLM planner's action space and observations (paper-model §5):
 * it starts from the scenario's start rates (50% in every bracket by default) and, at each tax-year start,
 * applies a DELTA per bracket in {-20, -10, 0, 10, 20} with the planner rule (truncate at 0 and 100). It
 * sees each step's SWF and the workers' incomes (the LLM planner's income histogram).
 *
 * <p><b>Algorithm: a pattern search whose comparisons cancel drift.</b> Workers keep learning while the planner
 * searches, so welfare drifts from year to year even under fixed rates (by several percent in the first tax
 * years, and again after every change of rates while workers re-adapt). Comparing a schedule with a score
 * remembered from long ago rewards whatever was played later. So each probe is judged in an A-B-B-A block of
 * tax years: incumbent, probe, probe, incumbent. The probe wins if its two years' scores add up to more than the
 * two incumbent years around them by one standard deviation of that difference's noise ({@value #MARGIN_SD} SD,
 * the noise estimated from how the two incumbent years of past blocks differ). The block cancels any linear drift
 * and averages two years on each side. A winning probe becomes the incumbent and the next probe goes further the
 * same way; a losing probe is tried once the other way (the paper's reflection: "increasing the rate decreased SWF:
 * too high") and then another random direction not yet rejected from this incumbent, its block's last incumbent
 * year serving as the next block's first. From {@code commitShare} of the run (default {@value #DEFAULT_COMMIT})
 * it plays the incumbent, so that workers, who explore until the final tenth, learn what it does to them.
 *
 * <p>Score of a year = median SWF over its steps after the first {@code settle} fraction (workers re-adapt after a
 * change). The median, not the mean, because one worker exploring 0 hours makes the paper's SWF spike by a whole
 * rebate ({@code u/max(z,1)} with z = 0, paper-model §7).
 *
 * <p>Directions: with probability {@value #COMMON_MODE_SHARE} every bracket together (all rates up or down by the
 * same points, stopping at 0 and 100: the cheapest way to find the overall level of taxation), otherwise one
 * bracket, chosen with probability proportional to the number of workers whose income reaches it (its tax base,
 * read off the income distribution). Steps are 10 or 20 points, so every move between incumbent and probe is one
 * legal DELTA.
 *
 * <p>Random draws come from {@link RandomStreams} (purpose PLANNER_POLICY, step = decision step).
 */
public final class IcrlPlanner implements PlannerPolicy {

    public static final String KIND = "icrl";
    public static final double DEFAULT_SETTLE = 0.4;
    /**
     * Share of the run after which the planner stops probing and plays its best schedule: one tenth before the
     * final tenth, so that workers, who still explore until then, learn what that schedule does to them.
     */
    public static final double DEFAULT_COMMIT = 0.8;
    /** Share of probes that move every bracket together. */
    public static final double COMMON_MODE_SHARE = 0.5;
    /** A probe must beat its incumbent by this many standard deviations of the block statistic under no effect. */
    public static final double MARGIN_SD = 1.0;
    /** Weight of the newest block in the running estimate of the year-to-year noise. */
    private static final double NOISE_MEMORY = 0.2;

    /** Which year of the incumbent-probe-probe-incumbent block was just played. */
    private enum Phase { INCUMBENT_FIRST, PROBE_FIRST, PROBE_SECOND, INCUMBENT_LAST, SETTLED }

    private final long seed;
    private final double settle;
    private final double commitShare;
    private double[] yearSwf = new double[32];
    private int yearCount;
    private final int[] reach; // per bracket: workers whose income reached its lower cutoff, last year
    private TaxSchedule current;
    private TaxSchedule incumbent;
    private TaxSchedule probe;
    private double[] direction;   // the probe's move from the incumbent, points per bracket
    private boolean extend;       // the last probe won: go on in its direction
    private boolean reverse;      // the last probe lost and was not itself a reversal: try the opposite way
    private final java.util.Set<TaxSchedule> rejected = new java.util.HashSet<>(); // lost probes of this incumbent
    private Phase phase;
    private double incumbentFirst;
    private double probeFirst;
    private double probeSecond;
    private double incumbentScore = Double.NaN;
    private int schedulesTried;
    private double noiseVariance; // of one year's score under fixed rates, estimated from the incumbent years
    private int noiseSamples;

    public IcrlPlanner(AgentSetup setup, double settle) {
        this(setup, settle, DEFAULT_COMMIT);
    }

    /**
     * @param settle      share of each tax year left out of its score while workers re-adapt, in [0, 0.95]
     * @param commitShare share of the run after which no probe is started, in (0, 1]
     */
    public IcrlPlanner(AgentSetup setup, double settle, double commitShare) {
        this.seed = setup.seed();
        this.settle = settle;
        this.commitShare = commitShare;
        this.current = setup.startSchedule();
        this.reach = new int[current.bracketCount()];
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
        if (ctx.lastStepOfTaxYear()) {
            double[] z = state.income();
            Arrays.fill(reach, 0);
            for (int i = 0; i < state.size(); i++) {
                for (int j = 0; j < reach.length && z[i] > current.brackets().lowerUsd(j); j++) {
                    reach[j]++;
                }
            }
        }
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        current = ctx.schedule();
        if (ctx.step() == 0) {
            return current;
        }
        double score = yearCount == 0 ? 0 : median(yearSwf, yearCount);
        yearCount = 0;
        TaxSchedule expected = phase == Phase.PROBE_FIRST || phase == Phase.PROBE_SECOND ? probe : incumbent;
        if (phase == null || !current.equals(expected)) {
            // the first decision, or rates moved by hand: measure from here
            incumbent = current;
            schedulesTried++;
            phase = Phase.INCUMBENT_FIRST;
            extend = false;
        }
        switch (phase) {
            case INCUMBENT_FIRST -> incumbentFirst = score;
            case PROBE_FIRST -> probeFirst = score;
            case PROBE_SECOND -> probeSecond = score;
            case INCUMBENT_LAST -> {
                // The two incumbent years of a block differ only by noise and drift: their spread sets the bar.
                double d = score - incumbentFirst;
                noiseVariance = noiseSamples == 0 ? d * d / 2 : (1 - NOISE_MEMORY) * noiseVariance + NOISE_MEMORY * d * d / 2;
                noiseSamples++;
                double margin = MARGIN_SD * 2 * Math.sqrt(noiseVariance);
                extend = probeFirst + probeSecond - (incumbentFirst + score) > margin;
                if (extend) {
                    incumbent = probe;
                    incumbentScore = 0.5 * (probeFirst + probeSecond);
                    rejected.clear();
                    reverse = false;
                } else {
                    rejected.add(probe);
                    reverse = !reverse;
                    incumbentFirst = score; // this incumbent year opens the next block
                    incumbentScore = score;
                }
            }
            case SETTLED -> incumbentScore = score;
        }
        TaxSchedule target;
        if (ctx.step() >= commitShare * ctx.totalSteps() || ctx.inFinalTenth()) {
            target = incumbent;
            phase = Phase.SETTLED; // no probe is started any more
            probe = null;
        } else if (phase == Phase.PROBE_FIRST) {
            target = probe;
            phase = Phase.PROBE_SECOND;
        } else if (phase == Phase.PROBE_SECOND) {
            target = incumbent;
            phase = Phase.INCUMBENT_LAST;
        } else if (phase == Phase.INCUMBENT_LAST && extend) {
            target = incumbent; // measure the new incumbent: the first year of the next block
            phase = Phase.INCUMBENT_FIRST;
        } else {
            probe = nextProbe(ctx.step());
            target = probe == null ? incumbent : probe;
            phase = probe == null ? Phase.INCUMBENT_FIRST : Phase.PROBE_FIRST;
        }
        double[] deltas = new double[current.bracketCount()];
        for (int j = 0; j < deltas.length; j++) {
            deltas[j] = Math.max(-RateDeltas.MAX_STEP, Math.min(RateDeltas.MAX_STEP,
                    target.ratePercent(j) - current.ratePercent(j)));
        }
        current = RateDeltas.applyPlannerRule(current, deltas);
        return current;
    }

    /**
     * The winning direction again; after a loss, the opposite direction (the paper's reflection: "increasing the
     * rate decreased SWF, so it is too high"); else a random direction not yet rejected from this incumbent. Null
     * if no move is legal.
     */
    private TaxSchedule nextProbe(int step) {
        TaxSchedule p = null;
        if (extend) {
            p = shifted(incumbent, direction);
        } else if (reverse) {
            for (int j = 0; j < direction.length; j++) {
                direction[j] = -direction[j];
            }
            p = shifted(incumbent, direction);
            if (p == null || rejected.contains(p)) {
                p = null;
                reverse = false;
            }
        }
        extend = false;
        for (int attempt = 0; p == null && attempt < 32; attempt++) {
            direction = randomDirection(step, attempt);
            p = shifted(incumbent, direction);
            if (p != null && rejected.contains(p) && attempt < 31) {
                p = null;
            }
        }
        if (p != null) {
            schedulesTried++;
        }
        return p;
    }

    static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    /**
     * The schedule moved by {@code move} points per bracket with each rate stopped at 0 and 100, or null if that
     * leaves it unchanged.
     */
    private static TaxSchedule shifted(TaxSchedule s, double[] move) {
        double[] r = s.ratesPercent();
        boolean changed = false;
        for (int j = 0; j < r.length; j++) {
            double next = Math.max(0, Math.min(100, r[j] + move[j]));
            changed |= next != r[j];
            r[j] = next;
        }
        return changed ? s.withRates(r) : null;
    }

    /** A random move: all brackets together, or one bracket weighted by its tax base; 10 or 20 points, up or down. */
    private double[] randomDirection(int step, int attempt) {
        int k = incumbent.bracketCount();
        double sign = uniform(step, 4 * attempt + 1) < 0.5 ? -1 : 1;
        double[] move = new double[k];
        if (uniform(step, 4 * attempt + 2) < COMMON_MODE_SHARE) {
            Arrays.fill(move, sign * 10);
        } else {
            double size = uniform(step, 4 * attempt) < 0.5 ? 10 : 20;
            move[pickBracket(uniform(step, 4 * attempt + 3))] = sign * size;
        }
        return move;
    }

    /** A bracket drawn with probability proportional to its tax base (uniform before any income is seen). */
    private int pickBracket(double u) {
        int total = 0;
        for (int r : reach) {
            total += r;
        }
        int k = reach.length;
        if (total == 0) {
            return Math.min(k - 1, (int) (u * k));
        }
        double x = u * total;
        for (int j = 0; j < k; j++) {
            x -= reach[j];
            if (x < 0) {
                return j;
            }
        }
        return k - 1;
    }

    private double uniform(int step, int draw) {
        return RandomStreams.uniform(seed, Purpose.PLANNER_POLICY, 0, step, draw);
    }

    /** The best schedule so far (the last probe that won its block), or null before the first decision. */
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
                return index == 0 ? (Double.isNaN(incumbentScore) ? 0 : incumbentScore) : schedulesTried;
            }
        };
    }
}
