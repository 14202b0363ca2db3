package org.econlab.economy;

import org.apache.commons.math3.random.MersenneTwister;

/**
 * The uniforms NumPy's legacy {@code np.random.seed(s); np.random.uniform(size=n)} draws: MT19937 seeded
 * by init_genrand, each double built from two 32-bit outputs as {@code (a>>5 * 2^26 + b>>6) / 2^53}.
 * Lets tests feed the reference implementation's exact seed-42 draws into our GB2 quantile.
 */
final class NumpyLegacyUniforms {

    private NumpyLegacyUniforms() {
    }

    static double[] draw(int seed, int n) {
        MersenneTwister mt = new MersenneTwister(seed);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            long a = (mt.nextInt() & 0xffffffffL) >>> 5;
            long b = (mt.nextInt() & 0xffffffffL) >>> 6;
            p[i] = (a * 67108864.0 + b) / 9007199254740992.0;
        }
        return p;
    }

    /** The reference's seed-42 skills: {@code GB2 quantile(p) / 40}. */
    static double[] seed42Skills(int n) {
        double[] p = draw(42, n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gb2IncomePrior.US_INCOME_2023.skillAt(p[i]);
        }
        return v;
    }
}
