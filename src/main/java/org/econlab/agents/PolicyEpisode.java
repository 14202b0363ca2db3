package org.econlab.agents;

import java.util.ArrayList;
import java.util.List;

/**
 * One training episode of the {@code policy_gradient} planner: attached to a run's {@link RunContext} by the trainer,
 * it makes the planner sample its actions (with draws from {@code samplingSeed}) from {@code policy} instead of
 * playing the most likely ones, and records what REINFORCE needs: per tax-year decision, each bracket's features and
 * action and the year's baseline features; per tax year, the SWF of its steps.
 *
 * <p>Written on the runner thread of its run only; read by the trainer after the run.
 */
public final class PolicyEpisode {

    /** One decision: features {@code phi[j]} and action index {@code action[j]} per bracket; baseline features. */
    public record Decision(double[][] phi, int[] action, double[] psi) {
    }

    private final LinearSoftmaxPolicy policy;
    private final long samplingSeed;
    private final List<Decision> decisions = new ArrayList<>();
    private double[] swfSum = new double[16];
    private int[] swfCount = new int[16];

    /**
     * @param policy       the policy to sample from
     * @param samplingSeed seed of the action draws (RandomStreams purpose PLANNER_POLICY)
     */
    public PolicyEpisode(LinearSoftmaxPolicy policy, long samplingSeed) {
        this.policy = policy;
        this.samplingSeed = samplingSeed;
    }

    public LinearSoftmaxPolicy policy() {
        return policy;
    }

    public long samplingSeed() {
        return samplingSeed;
    }

    void record(Decision d) {
        decisions.add(d);
    }

    void addSwf(int year, double swf) {
        int decision = year;
        if (decision >= swfSum.length) {
            swfSum = java.util.Arrays.copyOf(swfSum, 2 * decision + 1);
            swfCount = java.util.Arrays.copyOf(swfCount, 2 * decision + 1);
        }
        swfSum[decision] += swf;
        swfCount[decision]++;
    }

    /** The decisions in order. */
    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    /**
     * Mean SWF of each tax year from the first decision on: one per decision, then the years after the planner
     * committed (at least as many values as decisions).
     */
    public double[] meanSwfPerDecision() {
        int years = decisions.size();
        while (years < swfCount.length && swfCount[years] > 0) {
            years++;
        }
        double[] m = new double[years];
        for (int y = 0; y < m.length; y++) {
            m[y] = y < swfCount.length && swfCount[y] > 0 ? swfSum[y] / swfCount[y] : 0;
        }
        return m;
    }
}
