package org.econlab.agents;

import org.econlab.economy.RebateTreatment;
import org.econlab.economy.UtilityType;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

import java.util.List;

/**
 * Bounded-rational workers that learn their hours in context, from exactly what the paper's LLM worker
 * sees (paper-model §3.4): their own hours and the resulting utility each step, and the switch between
 * "explore" and "choose the best" (last step of each tax year and the last 10% of the run). They do not
 * know c, delta, their skill's role, or the tax formula.
 *
 * <p><b>Rule (a noisy hill-climb over remembered returns).</b> Hours are chosen on the prompt's grid
 * {0, 10, ..., 100} (11 bins). Each worker remembers, per bin, a recency-weighted mean of the reward it got
 * there: {@code Q += alpha (reward - Q)} with {@code alpha = max(1/visits, learningRate)}, so old
 * evidence fades like the LLM's 50-step window. When exploring it plays, with probability
 * {@code explore}, a uniformly random bin; otherwise its best remembered bin moved by -1, 0 or +1 bin
 * with equal chance (the finite-difference idea behind the paper's directional hint). When told to choose
 * the best, it plays its best remembered bin. Its very first step is a uniformly random bin.
 *
 * <p><b>Memory and the rates in force</b> ({@code memory}). Every line of an LLM worker's history shows the
 * rates it was earned under ({@code TAX: = [...]}). With {@code memory: "rates"} (default) a worker treats the
 * returns it remembers as evidence about the rates they were earned under only: when the schedule changes it
 * forgets them, plays its last best bin again first, and explores from there. With {@code memory: "all"} it keeps
 * every remembered return across schedules, as a pure bandit would; then after a tax increase every remembered
 * return of a bin not played since looks too good, and the worker wanders through them until each is refreshed
 * (for two to three tax years with the paper's constants), which makes any rise in rates look worse for a while
 * than it is.
 *
 * <p><b>Reward</b> (paper-model §3.2, quirk 9): egotistical: own utility u; altruistic: the previous
 * step's SWF; adversarial: minus it. Persona workers ({@link #PERSONA_KIND}) learn from
 * {@code u_adj = r u} with r from the {@link SatisfactionRule}; the planner's SWF still uses u. How the rebate
 * enters the reward is a {@link RebateTreatment}: {@code own_share} (default) subtracts the part of the step's
 * rebate that the worker's own hours do not move (the others' taxes / N), which keeps the exact incentive of the
 * worker's own tax coming back and removes the noise of other workers' exploration; {@code price_taking}
 * subtracts the whole rebate (the competitive approximation); {@code realised} keeps the whole realised
 * utility, as an LLM worker reads it.
 *
 * <p>Per-agent state is in primitive columns; randomness is drawn per (agent, step), so chunked parallel
 * calls give the same numbers as one sequential pass.
 */
public final class LearningWorkers implements WorkerPolicy {

    public static final String KIND = "learning";
    public static final String PERSONA_KIND = "persona";
    public static final int BINS = 11;

    public static final double DEFAULT_LEARNING_RATE = 0.3;
    public static final double DEFAULT_EXPLORE = 0.1;

    private final String kind;
    private final long seed;
    private final double learningRate;
    private final double explore;
    private final RebateTreatment rebate;
    private final boolean forgetOnNewRates;
    private final int[] anchor;         // per agent: the bin to play first under new rates, or -1
    private org.econlab.economy.TaxSchedule ratesInForce;
    private final SatisfactionRule satisfactionRule;
    private final double[] q;
    private final int[] visits;
    private final int[] bin;
    private final double[] satisfaction;
    private final byte[] types;

    /**
     * @param setup            the run
     * @param learningRate     floor of the per-bin step size, in (0, 1]
     * @param explore          chance of a uniformly random bin on an exploring step, in [0, 1]
     * @param rebate           how the rebate enters the reward
     * @param forgetOnNewRates forget remembered returns when the schedule changes ({@code memory: "rates"})
     * @param satisfactionRule the persona rule, or null for plain learning workers
     */
    public LearningWorkers(AgentSetup setup, double learningRate, double explore, RebateTreatment rebate,
                           boolean forgetOnNewRates, SatisfactionRule satisfactionRule) {
        this.kind = satisfactionRule == null ? KIND : PERSONA_KIND;
        this.seed = setup.seed();
        this.learningRate = learningRate;
        this.explore = explore;
        this.rebate = rebate;
        this.forgetOnNewRates = forgetOnNewRates;
        this.satisfactionRule = satisfactionRule;
        int n = setup.population().size();
        this.q = new double[n * BINS];
        this.visits = new int[n * BINS];
        this.bin = new int[n];
        this.anchor = new int[n];
        java.util.Arrays.fill(anchor, -1);
        this.satisfaction = new double[n];
        java.util.Arrays.fill(satisfaction, SatisfactionRule.SATISFIED);
        this.types = setup.population().utilityTypeOrdinals();
    }

    @Override
    public String kind() {
        return kind;
    }

    /** Under new rates (memory "rates"): every worker keeps only which bin was its best, to play it first. */
    @Override
    public void beginStep(StepContext ctx) {
        org.econlab.economy.TaxSchedule now = ctx.schedule();
        if (forgetOnNewRates && ratesInForce != null && !now.equals(ratesInForce)) {
            for (int i = 0; i < anchor.length; i++) {
                int best = bestBin(i);
                if (best >= 0) {
                    anchor[i] = best;
                }
                java.util.Arrays.fill(visits, i * BINS, (i + 1) * BINS, 0);
                java.util.Arrays.fill(q, i * BINS, (i + 1) * BINS, 0);
            }
        }
        ratesInForce = now;
    }

    @Override
    public void chooseHours(StepContext ctx, Population population, WorkerState state, int from, int to) {
        double[] hours = state.hours();
        double binHours = ctx.labour().maxHoursPerWeek() / (BINS - 1);
        boolean exploit = ctx.lastStepOfTaxYear() || ctx.inFinalTenth();
        int k = ctx.step();
        for (int i = from; i < to; i++) {
            int best = bestBin(i);
            int b;
            if (best < 0 && anchor[i] >= 0) {
                b = anchor[i]; // first step under new rates: measure the old best again
            } else if (best < 0) {
                b = (int) (RandomStreams.uniform(seed, Purpose.WORKER_POLICY, i, k, 0) * BINS);
            } else if (exploit) {
                b = best;
            } else if (RandomStreams.uniform(seed, Purpose.WORKER_POLICY, i, k, 0) < explore) {
                b = (int) (RandomStreams.uniform(seed, Purpose.WORKER_POLICY, i, k, 1) * BINS);
            } else {
                int move = (int) (RandomStreams.uniform(seed, Purpose.WORKER_POLICY, i, k, 2) * 3) - 1;
                b = Math.max(0, Math.min(BINS - 1, best + move));
            }
            bin[i] = b;
            hours[i] = b * binHours;
        }
    }

    /** The bin with the highest remembered reward among visited bins (ties: fewer hours), or -1. */
    public int bestBin(int agent) {
        int base = agent * BINS;
        int best = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < BINS; b++) {
            if (visits[base + b] > 0 && q[base + b] > bestQ) {
                bestQ = q[base + b];
                best = b;
            }
        }
        return best;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf, int from, int to) {
        double[] utility = state.utility();
        double[] income = state.income();
        double[] tax = state.tax();
        double rebateUsd = state.rebateUsd();
        double ownShare = 1.0 / population.size();
        for (int i = from; i < to; i++) {
            // The part of the rebate this worker's hours do not move (removed from its reward to cut noise).
            double common = switch (rebate) {
                case PRICE_TAKING -> rebateUsd;
                case OWN_SHARE -> rebateUsd - tax[i] * ownShare;
                case REALISED -> 0;
            };
            double reward;
            if (satisfactionRule != null) {
                double r = satisfactionRule.satisfaction(i, income[i], tax[i], rebateUsd);
                satisfaction[i] = r;
                reward = r * utility[i] - common;
            } else if (types[i] == UtilityType.ALTRUISTIC.ordinal()) {
                reward = ctx.previousSwf();
            } else if (types[i] == UtilityType.ADVERSARIAL.ordinal()) {
                reward = -ctx.previousSwf();
            } else {
                reward = utility[i] - common;
            }
            int idx = i * BINS + bin[i];
            int n = ++visits[idx];
            double alpha = Math.max(1.0 / n, learningRate);
            q[idx] += alpha * (reward - q[idx]);
        }
    }

    /** Agent {@code i}'s last satisfaction r (1.0 for non-persona workers). */
    public double satisfaction(int i) {
        return satisfaction[i];
    }

    /** Persona workers show each agent's last satisfaction r in the window's agent table. */
    @Override
    public AgentDetails agentDetails() {
        if (satisfactionRule == null) {
            return AgentDetails.NONE;
        }
        return new AgentDetails() {
            @Override
            public List<String> names() {
                return List.of("satisfaction");
            }

            @Override
            public double value(int column, int agent) {
                return satisfaction[agent];
            }
        };
    }

    @Override
    public StepMetrics metrics() {
        if (satisfactionRule == null) {
            return StepMetrics.NONE;
        }
        return new StepMetrics() {
            @Override
            public List<String> names() {
                return List.of("mean_satisfaction");
            }

            @Override
            public double value(int index) {
                double s = 0;
                for (double r : satisfaction) {
                    s += r;
                }
                return s / satisfaction.length;
            }
        };
    }
}
