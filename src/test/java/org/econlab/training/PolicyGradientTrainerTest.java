package org.econlab.training;

import com.google.gson.JsonObject;
import org.econlab.agents.LinearSoftmaxPolicy;
import org.econlab.agents.PolicyEpisode;
import org.econlab.agents.PolicyFeatures;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20: the REINFORCE estimator on a bandit with a known optimum; deterministic, parallel = sequential, resumable. */
class PolicyGradientTrainerTest {

    /** A one-bracket scenario (the trainer's shape for a bandit: one decision, one bracket). */
    private static Scenario flat() {
        return TestScenarios.scenario(5, 50, "flat", "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}");
    }

    private static Scenario small() {
        return TestScenarios.scenario(8, 60, "three", "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}");
    }

    private static final double[] BANDIT_REWARD = {0.1, 0.4, 0.2, 1.0, 0.3}; // action 3 (+10) is best

    private static double[] phi(SplittableRandom rnd) {
        double[] phi = new double[PolicyFeatures.count(1)];
        phi[0] = 1;
        phi[1] = rnd.nextDouble(); // an irrelevant context feature
        return phi;
    }

    /** One-step episodes of the bandit: action drawn from the policy, reward = mean + noise. */
    private static List<PolicyGradientTrainer.EpisodeResult> pulls(LinearSoftmaxPolicy policy, SplittableRandom rnd, int n) {
        List<PolicyGradientTrainer.EpisodeResult> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            double[] phi = phi(rnd);
            int a = policy.sample(phi, rnd.nextDouble());
            PolicyEpisode.Decision d = new PolicyEpisode.Decision(new double[][] {phi}, new int[] {a},
                    new double[PolicyFeatures.baselineCount(1)]);
            double reward = BANDIT_REWARD[a] + 0.3 * (rnd.nextDouble() - 0.5);
            out.add(new PolicyGradientTrainer.EpisodeResult(List.of(d), new double[] {reward}, reward, reward));
        }
        return out;
    }

    /** The estimator's mean is the exact gradient of the expected reward: sum_a p_a (r_a - J) (e_a - p) phi. */
    @Test
    void theEstimatorPointsAlongTheExactGradientOfTheExpectedReward() {
        double[][] theta = new double[5][PolicyFeatures.count(1)];
        theta[0][0] = 0.5;
        theta[4][0] = -0.3;
        theta[2][0] = 0.2;
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(1, theta, new double[PolicyFeatures.baselineCount(1)]);
        double[] phi = new double[PolicyFeatures.count(1)];
        phi[0] = 1;
        double[] p = new double[5];
        policy.probabilities(phi, p);
        double j = 0;
        for (int a = 0; a < 5; a++) {
            j += p[a] * BANDIT_REWARD[a];
        }
        double[] exact = new double[5]; // gradient w.r.t. the bias weights theta[k][0]
        for (int k = 0; k < 5; k++) {
            exact[k] = p[k] * (BANDIT_REWARD[k] - j);
        }
        SplittableRandom rnd = new SplittableRandom(5);
        List<PolicyGradientTrainer.EpisodeResult> batch = new ArrayList<>();
        List<double[]> adv = new ArrayList<>();
        for (int e = 0; e < 200_000; e++) {
            int a = policy.sample(phi, rnd.nextDouble());
            batch.add(new PolicyGradientTrainer.EpisodeResult(List.of(new PolicyEpisode.Decision(new double[][] {phi},
                    new int[] {a}, new double[PolicyFeatures.baselineCount(1)])), new double[] {BANDIT_REWARD[a]}, 0, 0));
            adv.add(new double[] {BANDIT_REWARD[a]});
        }
        double[][] grad = new double[5][PolicyFeatures.count(1)];
        PolicyGradientTrainer.gradient(policy, batch, adv, 0, grad);
        double dot = 0;
        double ne = 0;
        double ng = 0;
        for (int k = 0; k < 5; k++) {
            dot += exact[k] * grad[k][0];
            ne += exact[k] * exact[k];
            ng += grad[k][0] * grad[k][0];
        }
        assertTrue(dot / Math.sqrt(ne * ng) > 0.995, "cosine " + dot / Math.sqrt(ne * ng));
    }

    @Test
    void onABanditItLearnsTheBestArm() {
        PolicyGradientTrainer trainer = new PolicyGradientTrainer(flat(),
                new PolicyGradientTrainer.Settings(1, new long[] {1}, 64, 0.1, 0.0, 1), 1);
        TrainingState state = trainer.initialState();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int update = 0; update < 150; update++) {
            state = trainer.update(state, pulls(state.policy(), rnd, 64));
        }
        double[] p = new double[5];
        for (int i = 0; i < 20; i++) {
            double[] phi = phi(rnd);
            state.policy().probabilities(phi, p);
            assertEquals(3, state.policy().greedy(phi));
            assertTrue(p[3] > 0.9, "p(best) " + p[3]);
        }
    }

    @Test
    void trainingIsDeterministicPerSeedAndParallelEqualsSequential() throws InterruptedException {
        Scenario s = small();
        PolicyGradientTrainer.Settings settings = new PolicyGradientTrainer.Settings(8, new long[] {100, 101, 102}, 4,
                0.05, 0.01, 100);
        TrainingState one = train(s, settings, 1);
        TrainingState two = train(s, settings, 2);
        TrainingState again = train(s, settings, 2);
        assertEquals(one.policy().toJson(), two.policy().toJson());
        assertEquals(one.policy().toJson(), again.policy().toJson());
        assertEquals(one.curve(), two.curve());
        assertNotEquals(LinearSoftmaxPolicy.uniform(3).toJson(), one.policy().toJson());
        PolicyGradientTrainer.Settings otherSeed = new PolicyGradientTrainer.Settings(8, new long[] {100, 101, 102}, 4,
                0.05, 0.01, 7);
        assertNotEquals(one.policy().toJson(), train(s, otherSeed, 2).policy().toJson());
    }

    @Test
    void aCheckpointResumesToExactlyTheUninterruptedPolicy(@TempDir Path dir) throws InterruptedException {
        Scenario s = small();
        PolicyGradientTrainer.Settings settings = new PolicyGradientTrainer.Settings(8, new long[] {5, 6}, 4, 0.05, 0.01, 5);
        PolicyGradientTrainer trainer = new PolicyGradientTrainer(s, settings, 2);
        TrainingState straight = trainer.train(trainer.initialState(), null);
        // stop after the first batch: a trainer for 4 episodes writes the same first batch
        Path checkpoint = dir.resolve("checkpoint.json");
        TrainingState half = trainer.update(trainer.initialState(), List.of(trainer.runEpisode(
                LinearSoftmaxPolicy.uniform(3), 0), trainer.runEpisode(LinearSoftmaxPolicy.uniform(3), 1),
                trainer.runEpisode(LinearSoftmaxPolicy.uniform(3), 2), trainer.runEpisode(LinearSoftmaxPolicy.uniform(3), 3)));
        half.save(checkpoint);
        TrainingState loaded = TrainingState.load(checkpoint, trainer.fingerprint(), 3);
        assertEquals(4, loaded.episodesDone());
        TrainingState resumed = trainer.train(loaded, null);
        assertEquals(straight.policy().toJson(), resumed.policy().toJson());
        assertArrayEquals(straight.adamV(), resumed.adamV(), 0.0);
        assertEquals(straight.curve(), resumed.curve());
        // a checkpoint of another training is not resumed
        PolicyGradientTrainer other = new PolicyGradientTrainer(s.withSteps(61), settings, 1);
        assertEquals(null, TrainingState.load(checkpoint, other.fingerprint(), 3));
    }

    @Test
    void trainIntoWritesThePolicyAndReusesItUnderTheSameFingerprint(@TempDir Path dir) throws Exception {
        Scenario s = small();
        PolicyGradientTrainer.Settings settings = new PolicyGradientTrainer.Settings(4, new long[] {9}, 2, 0.05, 0.01, 9);
        PolicyTraining.Outcome first = PolicyTraining.trainInto(s, settings, 1, dir, false, null);
        assertTrue(!first.reused() && java.nio.file.Files.size(dir.resolve("learning-curve.png")) > 1000);
        assertTrue(java.nio.file.Files.readString(dir.resolve("learning-curve.csv")).startsWith("batch,episodes,"));
        JsonObject training = first.policyJson().getAsJsonObject("training");
        assertEquals("[9]", training.get("seeds").toString());
        assertEquals(64, training.get("scenarioFingerprint").getAsString().length());
        PolicyTraining.Outcome second = PolicyTraining.trainInto(s, settings, 2, dir, false, null);
        assertTrue(second.reused());
        assertEquals(first.policyJson(), second.policyJson());
    }

    private static TrainingState train(Scenario s, PolicyGradientTrainer.Settings settings, int threads)
            throws InterruptedException {
        PolicyGradientTrainer t = new PolicyGradientTrainer(s, settings, threads);
        return t.train(t.initialState(), null);
    }
}
