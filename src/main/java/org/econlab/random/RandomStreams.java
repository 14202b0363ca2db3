package org.econlab.random;

import java.util.SplittableRandom;

/**
 * Counter-based randomness: every draw is a pure function of (run seed, purpose, agent, step, draw), so
 * results never depend on which thread handles which agent or in what order (design note 5).
 *
 * <p>Mixing uses the SplitMix64 finaliser, which passes BigCrush as a counter-based generator when fed
 * distinct counters. Stateless and thread-safe.
 */
public final class RandomStreams {

    /** What a draw is for; each purpose gets an independent stream family. */
    public enum Purpose {
        SKILL, PERSONA, UTILITY_TYPE, FIXED_HOURS, WORKER_POLICY, PLANNER_POLICY, VOTING, SATISFACTION, LLM, CLASSROOM,
        /** Each worker's own labour-cost exponent (issue 20); appended so that no other stream moves. */
        DELTA
    }

    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private RandomStreams() {
    }

    /** SplitMix64's output function. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A 64-bit key for (seed, purpose, agent, step, draw). */
    public static long key(long seed, Purpose purpose, long agent, long step, long draw) {
        long h = mix64(seed + 0x9e3779b97f4a7c15L);
        h = mix64(h ^ (purpose.ordinal() + 1L) * 0xd1b54a32d192ed03L);
        h = mix64(h ^ (agent + 1L) * 0x9e3779b97f4a7c15L);
        h = mix64(h ^ (step + 1L) * 0xc2b2ae3d27d4eb4fL);
        return mix64(h ^ (draw + 1L) * 0x165667b19e3779f9L);
    }

    /** A uniform double in [0, 1) for (seed, purpose, agent, step, draw). */
    public static double uniform(long seed, Purpose purpose, long agent, long step, long draw) {
        return (key(seed, purpose, agent, step, draw) >>> 11) * DOUBLE_UNIT;
    }

    /** A uniform double in the open interval (0, 1), for inverse-transform sampling. */
    public static double openUniform(long seed, Purpose purpose, long agent, long step, long draw) {
        double u = uniform(seed, purpose, agent, step, draw);
        return u == 0 ? DOUBLE_UNIT / 2 : u;
    }

    /**
     * {@code k} of the agents {@code 0..n-1} without replacement, ascending: a partial Fisher-Yates shuffle whose
     * j-th swap uses the draw (seed, purpose, j, step 0, {@code draw}), so the choice depends on nothing but these.
     */
    public static int[] sampleAgents(long seed, Purpose purpose, long draw, int k, int n) {
        int[] perm = new int[n];
        java.util.Arrays.setAll(perm, i -> i);
        for (int j = 0; j < k; j++) {
            int pick = j + (int) (uniform(seed, purpose, j, 0, draw) * (n - j));
            int t = perm[j];
            perm[j] = perm[pick];
            perm[pick] = t;
        }
        int[] a = java.util.Arrays.copyOf(perm, k);
        java.util.Arrays.sort(a);
        return a;
    }

    /** A sequential generator for one (seed, purpose, agent, step), for algorithms that need many draws. */
    public static SplittableRandom stream(long seed, Purpose purpose, long agent, long step) {
        return new SplittableRandom(key(seed, purpose, agent, step, 0));
    }
}
