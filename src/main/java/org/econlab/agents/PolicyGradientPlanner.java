package org.econlab.agents;

import org.econlab.economy.RateDeltas;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

/**
 * A planner trained, not prompted (issue 20): at each tax-year start it applies one DELTA per bracket from the LLM
 * planner's action space {-20, -10, 0, +10, +20} (planner rule: truncated at 0 and 100) chosen by a
 * {@link LinearSoftmaxPolicy} from the observations of {@link PolicyFeatures} (rates, last year's hours and income
 * distribution, the welfare trend). An evaluation run plays the policy's expected DELTA rounded to the grid
 * ({@link Play#MEAN}, default), its most likely DELTA or a draw with the run seed; in a training episode ({@link PolicyEpisode} in the run's context) it samples with the
 * episode's seed and records its decisions and each year's SWF. From {@code commit} of the run on (default 0.8, as
 * icrl) it keeps the rates it has, so that workers, who explore until the final tenth, learn what that schedule does
 * to them; those years still count in the returns of the decisions before them. Trained by
 * {@code org.econlab.training.PolicyGradientTrainer} (REINFORCE with a learned baseline).
 *
 * <p>Runner thread only.
 */
public final class PolicyGradientPlanner implements PlannerPolicy {

    public static final String KIND = "policy_gradient";
    /** Share of the run after which the rates are kept (as icrl's commit). */
    public static final double DEFAULT_COMMIT = 0.8;

    /** How an evaluation run acts on the policy's probabilities. */
    public enum Play {
        /**
         * The expected DELTA {@code sum_a p_a DELTA_a}, rounded to the grid (default): the deterministic summary of
         * the stochastic policy that training optimised; it settles where the policy's pushes up and down balance.
         */
        MEAN,
        /** The most likely DELTA (can cycle, e.g. -20 at 90% and +20 at 70%, where the trained policy only leans). */
        MODE,
        /** A DELTA drawn from the policy with the run seed (what training does, with other draws). */
        SAMPLE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LinearSoftmaxPolicy policy;
    private final Play play;
    private final double commit;
    private final long seed;
    private final PolicyEpisode episode;
    private final int brackets;
    private final int totalYears;
    private final double[] lastMove;
    private final double[] reachShare;
    private double hoursShare;
    private int decision = -1;
    private int year = -1;      // tax-year decisions taken or skipped (committed)
    private double yearSwfSum;
    private int yearSwfCount;
    private double lastYearSwf = Double.NaN;
    private double yearBeforeSwf = Double.NaN;

    /**
     * @param policy the trained policy (ignored in a training episode, which brings its own)
     * @param play   how an evaluation run turns the policy into one DELTA per bracket
     * @param commit share of the run from which the rates are kept, in (0, 1]
     */
    public PolicyGradientPlanner(AgentSetup setup, LinearSoftmaxPolicy policy, Play play, double commit) {
        this.commit = commit;
        this.play = play;
        this.episode = setup.context().find(PolicyEpisode.class).orElse(null);
        this.policy = episode != null ? episode.policy() : policy;
        this.seed = setup.seed();
        this.brackets = setup.startSchedule().bracketCount();
        if (this.policy.brackets() != brackets) {
            throw new IllegalArgumentException("the policy has " + this.policy.brackets() + " brackets, the scenario "
                    + brackets);
        }
        this.totalYears = Math.max(1, (setup.totalSteps() + setup.taxYearSteps() - 1) / setup.taxYearSteps());
        this.lastMove = new double[brackets];
        this.reachShare = new double[brackets];
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        if (yearSwfCount > 0) {
            yearBeforeSwf = lastYearSwf;
            lastYearSwf = yearSwfSum / yearSwfCount;
        }
        yearSwfSum = 0;
        yearSwfCount = 0;
        year++;
        if (ctx.step() >= commit * ctx.totalSteps()) {
            return ctx.schedule(); // committed: the years from here count in earlier decisions' returns
        }
        decision++;
        double trend = Double.isNaN(yearBeforeSwf) || yearBeforeSwf == 0 ? 0
                : Math.tanh(5 * (lastYearSwf - yearBeforeSwf) / Math.abs(yearBeforeSwf));
        double progress = Math.min(1, (double) ctx.taxYear() / totalYears);
        PolicyFeatures.Observation o = new PolicyFeatures.Observation(ctx.schedule().ratesPercent(), progress,
                hoursShare, reachShare.clone(), trend, lastMove.clone());
        double[][] phi = new double[brackets][PolicyFeatures.count(brackets)];
        int[] action = new int[brackets];
        double[] deltas = new double[brackets];
        for (int j = 0; j < brackets; j++) {
            PolicyFeatures.bracket(o, j, phi[j]);
            if (episode != null) {
                action[j] = policy.sample(phi[j], RandomStreams.uniform(episode.samplingSeed(), Purpose.PLANNER_POLICY,
                        j, ctx.step(), 0));
            } else if (play == Play.MODE) {
                action[j] = policy.greedy(phi[j]);
            } else if (play == Play.SAMPLE) {
                action[j] = policy.sample(phi[j], RandomStreams.uniform(seed, Purpose.PLANNER_POLICY, j, ctx.step(), 0));
            } else {
                deltas[j] = RateDeltas.normalise(policy.expectedDelta(phi[j]));
                continue;
            }
            deltas[j] = LinearSoftmaxPolicy.DELTAS[action[j]];
        }
        if (episode != null) {
            double[] psi = new double[PolicyFeatures.baselineCount(brackets)];
            PolicyFeatures.global(o, psi);
            episode.record(new PolicyEpisode.Decision(phi, action, psi));
        }
        System.arraycopy(deltas, 0, lastMove, 0, brackets);
        return RateDeltas.applyPlannerRule(ctx.schedule(), deltas);
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        yearSwfSum += swf;
        yearSwfCount++;
        if (episode != null) {
            episode.addSwf(Math.max(0, year), swf);
        }
        if (ctx.lastStepOfTaxYear()) {
            double[] hours = state.hours();
            double[] z = state.income();
            int n = state.size();
            double h = 0;
            int[] reach = new int[brackets];
            for (int i = 0; i < n; i++) {
                h += hours[i];
                for (int j = 0; j < brackets && z[i] > ctx.schedule().brackets().lowerUsd(j); j++) {
                    reach[j]++;
                }
            }
            hoursShare = h / n / ctx.labour().maxHoursPerWeek();
            for (int j = 0; j < brackets; j++) {
                reachShare[j] = (double) reach[j] / n;
            }
        }
    }
}
