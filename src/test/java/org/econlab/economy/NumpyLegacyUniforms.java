package org.econlab.economy;

import org.econlab.random.NumpyRandomState;

/**
 * The uniforms NumPy's legacy {@code np.random.seed(s); np.random.uniform(size=n)} draws: MT19937 seeded
 * by init_genrand, each double built from two 32-bit outputs as {@code (a>>5 * 2^26 + b>>6) / 2^53}.
 * Lets tests feed the reference implementation's exact seed-42 draws into our GB2 quantile.
 */
final class NumpyLegacyUniforms {

    private NumpyLegacyUniforms() {
    }

    static double[] draw(int seed, int n) {
        return new NumpyRandomState(seed).uniform(0, 1, n);
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
