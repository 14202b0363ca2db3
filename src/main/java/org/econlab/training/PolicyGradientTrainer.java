package org.econlab.training;

import com.google.gson.JsonObject;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.econlab.LabVersion;
import org.econlab.agents.LinearSoftmaxPolicy;
import org.econlab.agents.PolicyEpisode;
import org.econlab.agents.PolicyFeatures;
import org.econlab.agents.PolicyGradientPlanner;
import org.econlab.agents.RunContext;
import org.econlab.economy.StackelbergSearch;
import org.econlab.population.Population;
import org.econlab.random.RandomStreams;
import org.econlab.simulation.AgentSpec;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the {@code policy_gradient} planner's {@link LinearSoftmaxPolicy} with REINFORCE and a learned baseline
 * over episodes of the scenario's own workers (issue 20).
 *
 * <p><b>Episode.</b> One whole run of the scenario (its workers, horizon and welfare function) on the population of a
 * training seed (seeds used in turn), with the planner sampling its DELTAs; episode e's draws come from
 * {@code mix(samplingSeed + e)}. <b>Reward</b> of tax year y: its mean SWF divided by the welfare of the start
 * schedule under exact best responses on that population (a fixed scale per seed, so that seeds with larger welfare
 * do not dominate). <b>Return</b> {@code G_y = (1 - gamma) sum_{s >= y} gamma^(s-y) r_s} ({@code discount} gamma,
 * default 0.7: a decision is credited mostly with the welfare of the next few tax years, where its effect shows,
 * rather than with all later years' noise (on us-fed-100 under inverse_skill, 400 episodes: median 0.991 of the
 * Stackelberg welfare with 0.7, 0.980 with 0.8); gamma = 1 gives {@code sum_{s >= y} r_s / Y}, the run's mean welfare). <b>Baseline</b> {@code V(psi_y)}, linear in the year's global features, refitted after every batch by
 * ridge least squares on that batch's returns (used for the next batch, so the gradient stays unbiased).
 * <b>Update</b> per batch of episodes: the advantages {@code G_y - V(psi_y)} are centred and scaled over the batch;
 * the gradient {@code sum A_y (e_a - p) phi_j} over every decision and bracket, averaged per episode, plus
 * {@code entropyBonus} times the gradient of the policy's entropy, is followed with Adam.
 *
 * <p>Why REINFORCE with a baseline rather than PPO: the policy is linear with a few dozen weights and one batch is
 * cheap to re-simulate, so PPO's reuse of samples buys little, while the plain estimator is unbiased and simple to
 * check against a bandit with a known optimum (a test).
 *
 * <p>Deterministic: the same scenario, settings and starting state give bit-identical policies whatever the number
 * of threads (episodes of a batch run in parallel, their gradients are added in episode order). Resumable from the
 * {@link TrainingState} kept after every batch.
 */
public final class PolicyGradientTrainer {

    /**
     * How to train.
     *
     * @param episodes     episodes in all
     * @param seeds        training seeds (populations), used in turn
     * @param batch        episodes per update
     * @param learningRate Adam's step size
     * @param entropyBonus weight of the entropy gradient (keeps exploring early)
     * @param samplingSeed seed of the action draws
     * @param discount     gamma in (0, 1]: weight of a tax year s years ahead in a decision's return
     */
    public record Settings(int episodes, long[] seeds, int batch, double learningRate, double entropyBonus,
                           long samplingSeed, double discount) {
        public static final int DEFAULT_BATCH = 8;
        public static final double DEFAULT_LEARNING_RATE = 0.05;
        public static final double DEFAULT_ENTROPY = 0.01;
        public static final double DEFAULT_DISCOUNT = 0.7;

        /** Settings with the default discount. */
        public Settings(int episodes, long[] seeds, int batch, double learningRate, double entropyBonus,
                        long samplingSeed) {
            this(episodes, seeds, batch, learningRate, entropyBonus, samplingSeed, DEFAULT_DISCOUNT);
        }

        public Settings {
            if (episodes < 1 || batch < 1 || seeds.length == 0 || !(learningRate > 0) || !(entropyBonus >= 0)
                    || !(discount > 0 && discount <= 1)) {
                throw new IllegalArgumentException("episodes, batch, seeds and discount must be positive");
            }
            seeds = seeds.clone();
        }

        @Override
        public long[] seeds() {
            return seeds.clone();
        }

        /** These settings with the defaults for batch, learning rate, entropy bonus and sampling seed. */
        public static Settings of(int episodes, long[] seeds) {
            return new Settings(episodes, seeds, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, DEFAULT_ENTROPY, seeds[0]);
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("algorithm", "REINFORCE with a learned linear baseline, Adam");
            o.addProperty("episodes", episodes);
            com.google.gson.JsonArray s = new com.google.gson.JsonArray();
            for (long x : seeds) {
                s.add(x);
            }
            o.add("seeds", s);
            o.addProperty("batch", batch);
            o.addProperty("learningRate", learningRate);
            o.addProperty("entropyBonus", entropyBonus);
            o.addProperty("samplingSeed", samplingSeed);
            o.addProperty("discount", discount);
            return o;
        }
    }

    /** Told after every batch, on the calling thread. */
    @FunctionalInterface
    public interface Progress {
        void batchDone(int episodesDone, int episodes, TrainingState.CurvePoint point);
    }

    private static final double ADAM_BETA1 = 0.9;
    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;
    private static final double RIDGE = 1e-3;

    private final Scenario scenario;
    private final Settings settings;
    private final int threads;
    private final int brackets;
    private final Map<Long, Population> populations = new ConcurrentHashMap<>();
    private final Map<Long, Double> scales = new ConcurrentHashMap<>();

    /**
     * @param scenario the scenario whose workers, horizon and welfare the planner is trained on (its planner and
     *                 seed are replaced)
     * @param threads  episodes run at once
     */
    public PolicyGradientTrainer(Scenario scenario, Settings settings, int threads) {
        this.scenario = scenario;
        this.settings = settings;
        this.threads = Math.max(1, threads);
        this.brackets = scenario.brackets().count();
    }

    /**
     * SHA-256 of what determines the trained policy: the lab version and build, the scenario without its seed and
     * planner, and the settings. A checkpoint or a cached policy is reused only under the same fingerprint.
     */
    public String fingerprint() {
        Scenario s = scenario.withSeed(0).withPlanner(new AgentSpec(PolicyGradientPlanner.KIND, new JsonObject()));
        JsonObject sj = ScenarioCodec.toJson(s);
        sj.remove("name");
        sj.remove("description");
        String text = LabVersion.get() + "/" + LabVersion.build() + "\n" + sj + "\n" + settings.toJson();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings as a JSON object (written into policy files). */
    public JsonObject settingsJson() {
        return settings.toJson();
    }

    /** The state before any training: the uniform policy. */
    public TrainingState initialState() {
        int f = PolicyFeatures.count(brackets);
        return new TrainingState(fingerprint(), 0, LinearSoftmaxPolicy.uniform(brackets),
                new double[LinearSoftmaxPolicy.ACTIONS * f], new double[LinearSoftmaxPolicy.ACTIONS * f], 0, List.of());
    }

    /**
     * Trains from {@code start} until every episode is played, calling {@code progress} (and thus letting the caller
     * keep a checkpoint) after every batch.
     */
    public TrainingState train(TrainingState start, Progress progress) throws InterruptedException {
        return train(start, progress, null);
    }

    /** As {@link #train(TrainingState, Progress)}, keeping the state in {@code checkpoint} (if not null) after every batch. */
    public TrainingState train(TrainingState start, Progress progress, java.nio.file.Path checkpoint)
            throws InterruptedException {
        if (!start.fingerprint().equals(fingerprint())) {
            throw new IllegalArgumentException("the starting state belongs to another training");
        }
        TrainingState state = start;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "policy-gradient-episode");
            t.setDaemon(true);
            return t;
        });
        try {
            while (state.episodesDone() < settings.episodes()) {
                int first = state.episodesDone();
                int b = Math.min(settings.batch(), settings.episodes() - first);
                List<Future<EpisodeResult>> futures = new ArrayList<>();
                LinearSoftmaxPolicy policy = state.policy();
                for (int e = first; e < first + b; e++) {
                    int episode = e;
                    futures.add(pool.submit(() -> runEpisode(policy, episode)));
                }
                List<EpisodeResult> results = new ArrayList<>();
                for (Future<EpisodeResult> f : futures) {
                    results.add(get(f));
                }
                state = update(state, results);
                if (checkpoint != null) {
                    state.save(checkpoint);
                }
                if (progress != null) {
                    progress.batchDone(state.episodesDone(), settings.episodes(), state.curve().get(state.curve().size() - 1));
                }
            }
            return state;
        } finally {
            pool.shutdownNow();
        }
    }

    private static EpisodeResult get(Future<EpisodeResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What one episode produced. */
    record EpisodeResult(List<PolicyEpisode.Decision> decisions, double[] rewards, double meanSwf, double exploitSwf) {
    }

    /** Plays episode {@code e} with {@code policy} sampling its actions. */
    EpisodeResult runEpisode(LinearSoftmaxPolicy policy, int e) {
        long[] seeds = settings.seeds();
        long seed = seeds[e % seeds.length];
        Population population = populations.computeIfAbsent(seed, s -> Simulation.populationOf(scenario.withSeed(s)));
        double scale = scales.computeIfAbsent(seed, s -> rewardScale(population));
        PolicyEpisode episode = new PolicyEpisode(policy, RandomStreams.mix64(settings.samplingSeed() + e));
        JsonObject planner = new JsonObject();
        planner.addProperty("kind", PolicyGradientPlanner.KIND);
        planner.add("policy", policy.toJson());
        Scenario sc = scenario.withSeed(seed).withPlanner(new AgentSpec(PolicyGradientPlanner.KIND, planner));
        Simulation sim = new Simulation(sc, population, false, RunContext.create().with(PolicyEpisode.class, episode));
        int n = sc.steps();
        double all = 0;
        double exploit = 0;
        int exploitCount = 0;
        while (!sim.isFinished()) {
            StepSnapshot s = sim.step();
            all += s.swf();
            if (s.step() > 0.9 * n) {
                exploit += s.swf();
                exploitCount++;
            }
        }
        double[] perYear = episode.meanSwfPerDecision();
        double[] rewards = new double[perYear.length];
        for (int y = 0; y < rewards.length; y++) {
            rewards[y] = perYear[y] / scale;
        }
        return new EpisodeResult(episode.decisions(), rewards, all / n, exploitCount == 0 ? all / n : exploit / exploitCount);
    }

    /** |welfare of the start schedule under exact best responses| on this population (1 if it is 0). */
    private double rewardScale(Population population) {
        double w = StackelbergSearch.welfare(new StackelbergSearch.Problem(population.skills(), scenario.brackets(),
                scenario.labour(), scenario.swf(), org.econlab.agents.WorkerKinds.DEFAULT_REBATE, population.deltas()),
                scenario.startSchedule());
        return Math.abs(w) > 0 && Double.isFinite(w) ? Math.abs(w) : 1;
    }

    /** One REINFORCE step from a batch of episodes, in episode order. */
    TrainingState update(TrainingState state, List<EpisodeResult> batch) {
        LinearSoftmaxPolicy policy = state.policy();
        int f = PolicyFeatures.count(brackets);
        int g = PolicyFeatures.baselineCount(brackets);
        // returns and advantages
        List<double[]> returns = new ArrayList<>();
        List<double[]> advantages = new ArrayList<>();
        for (EpisodeResult r : batch) {
            int years = r.rewards().length; // decisions, then the committed years
            double[] all = new double[years];
            double acc = 0;
            double gamma = settings.discount();
            double norm = gamma < 1 ? 1 - gamma : 1.0 / Math.max(1, years);
            for (int y = years - 1; y >= 0; y--) {
                acc = r.rewards()[y] * norm + gamma * acc;
                all[y] = acc;
            }
            int decided = r.decisions().size();
            double[] ret = java.util.Arrays.copyOf(all, decided);
            double[] adv = new double[decided];
            for (int y = 0; y < decided; y++) {
                adv[y] = ret[y] - policy.value(r.decisions().get(y).psi());
            }
            returns.add(ret);
            advantages.add(adv);
        }
        double[][] grad = new double[LinearSoftmaxPolicy.ACTIONS][f];
        double entropy = gradient(policy, batch, advantages, settings.entropyBonus(), grad);
        int decisions = 0;
        for (EpisodeResult r : batch) {
            decisions += r.decisions().size() * brackets;
        }
        // Adam ascent
        double[][] theta = policy.theta();
        double[] m = state.adamM();
        double[] v = state.adamV();
        int t = state.adamSteps() + 1;
        double c1 = 1 - Math.pow(ADAM_BETA1, t);
        double c2 = 1 - Math.pow(ADAM_BETA2, t);
        for (int k = 0; k < LinearSoftmaxPolicy.ACTIONS; k++) {
            for (int i = 0; i < f; i++) {
                int idx = k * f + i;
                m[idx] = ADAM_BETA1 * m[idx] + (1 - ADAM_BETA1) * grad[k][i];
                v[idx] = ADAM_BETA2 * v[idx] + (1 - ADAM_BETA2) * grad[k][i] * grad[k][i];
                theta[k][i] += settings.learningRate() * (m[idx] / c1) / (Math.sqrt(v[idx] / c2) + ADAM_EPSILON);
            }
        }
        double[] baseline = fitBaseline(batch, returns, g, policy.baseline());
        List<TrainingState.CurvePoint> curve = new ArrayList<>(state.curve());
        double meanSwf = 0;
        double exploit = 0;
        double meanReturn = 0;
        for (int e = 0; e < batch.size(); e++) {
            meanSwf += batch.get(e).meanSwf() / batch.size();
            exploit += batch.get(e).exploitSwf() / batch.size();
            meanReturn += (returns.get(e).length == 0 ? 0 : returns.get(e)[0]) / batch.size();
        }
        int done = state.episodesDone() + batch.size();
        curve.add(new TrainingState.CurvePoint(curve.size() + 1, done, meanReturn, meanSwf, exploit,
                decisions == 0 ? 0 : entropy / decisions));
        return new TrainingState(state.fingerprint(), done, policy.with(theta, baseline), m, v, t, curve);
    }

    /**
     * The REINFORCE gradient of the batch into {@code grad} (added): advantages centred and scaled over the batch,
     * {@code sum_e sum_y sum_j A_ey (e_{a_j} - p(.|phi_j)) phi_j / B}, plus {@code entropyBonus} times the entropy's
     * gradient; returns the summed entropy of the decisions' action distributions.
     */
    static double gradient(LinearSoftmaxPolicy policy, List<EpisodeResult> batch, List<double[]> advantages,
                           double entropyBonus, double[][] grad) {
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (double[] adv : advantages) {
            for (double a : adv) {
                sum += a;
                sumSq += a * a;
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double sd = count == 0 ? 1 : Math.sqrt(Math.max(0, sumSq / count - mean * mean));
        double[] p = new double[LinearSoftmaxPolicy.ACTIONS];
        double entropy = 0;
        for (int e = 0; e < batch.size(); e++) {
            EpisodeResult r = batch.get(e);
            double[] adv = advantages.get(e);
            for (int y = 0; y < adv.length; y++) {
                double a = (adv[y] - mean) / (sd + 1e-8);
                PolicyEpisode.Decision d = r.decisions().get(y);
                for (int j = 0; j < d.action().length; j++) {
                    double[] phi = d.phi()[j];
                    policy.probabilities(phi, p);
                    double h = 0;
                    for (double q : p) {
                        h -= q > 0 ? q * Math.log(q) : 0;
                    }
                    entropy += h;
                    for (int k = 0; k < LinearSoftmaxPolicy.ACTIONS; k++) {
                        double score = (k == d.action()[j] ? 1 : 0) - p[k];
                        double dh = p[k] > 0 ? -p[k] * (Math.log(p[k]) + h) : 0;
                        double coef = (a * score + entropyBonus * dh) / batch.size();
                        for (int i = 0; i < phi.length; i++) {
                            grad[k][i] += coef * phi[i];
                        }
                    }
                }
            }
        }
        return entropy;
    }

    /** Ridge least squares of the batch's returns on the years' global features; the old weights if singular. */
    private static double[] fitBaseline(List<EpisodeResult> batch, List<double[]> returns, int g, double[] old) {
        double[][] a = new double[g][g];
        double[] b = new double[g];
        for (int e = 0; e < batch.size(); e++) {
            List<PolicyEpisode.Decision> ds = batch.get(e).decisions();
            for (int y = 0; y < ds.size(); y++) {
                double[] psi = ds.get(y).psi();
                for (int i = 0; i < g; i++) {
                    b[i] += psi[i] * returns.get(e)[y];
                    for (int k = 0; k < g; k++) {
                        a[i][k] += psi[i] * psi[k];
                    }
                }
            }
        }
        for (int i = 0; i < g; i++) {
            a[i][i] += RIDGE;
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.SingularMatrixException e) {
            return old;
        }
    }
}
