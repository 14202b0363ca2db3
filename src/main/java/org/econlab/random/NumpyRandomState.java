package org.econlab.random;

/**
 * NumPy's legacy global generator, {@code np.random.seed(seed)} followed by {@code np.random.*} calls, bit for bit:
 * MT19937 seeded by {@code init_genrand}, {@code random_sample} as {@code genrand_res53}, {@code uniform(low, high)} as
 * {@code low + (high - low) * random_sample()}, and {@code randint(low, high)} (high exclusive) by NumPy's masked
 * rejection on 32-bit outputs. A size-n call draws exactly what n single calls draw, in order.
 *
 * <p>This is the reference implementation's randomness (paper-model §2.1, "RNG order of the reference"). Mutable and
 * not thread-safe.
 */
public final class NumpyRandomState {

    /** Largest seed NumPy's legacy seeding accepts (2^32 - 1). */
    public static final long MAX_SEED = 0xffffffffL;

    private final Mt19937 mt;

    /**
     * {@code np.random.seed(seed)}.
     *
     * @throws IllegalArgumentException when {@code seed} is outside 0..2^32 - 1, as NumPy refuses it
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("NumPy's legacy seed must be between 0 and 2**32 - 1, was " + seed);
        }
        this.mt = Mt19937.seeded(seed);
    }

    /** {@code np.random.random_sample()}: a double in [0, 1). */
    public double randomSample() {
        return mt.nextDouble();
    }

    /** {@code np.random.uniform(low, high)}. */
    public double uniform(double low, double high) {
        return low + (high - low) * mt.nextDouble();
    }

    /** {@code np.random.uniform(low, high, size=n)}. */
    public double[] uniform(double low, double high, int n) {
        double[] out = new double[n];
        double range = high - low;
        for (int i = 0; i < n; i++) {
            out[i] = low + range * mt.nextDouble();
        }
        return out;
    }

    /**
     * {@code np.random.randint(low, high)}: an integer in [low, high), for a range of at most 2^32 values (NumPy's
     * 32-bit path: the smallest all-ones mask covering {@code high - low - 1}, redrawing until the masked output fits).
     */
    public long randint(long low, long high) {
        if (high <= low) {
            throw new IllegalArgumentException("randint needs low < high, got [" + low + ", " + high + ")");
        }
        long rng = high - low - 1;
        if (rng > 0xffffffffL) {
            throw new IllegalArgumentException("randint ranges above 2^32 values are not supported");
        }
        if (rng == 0) {
            return low;
        }
        if (rng == 0xffffffffL) {
            return low + mt.nextUnsigned();
        }
        long mask = rng;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = mt.nextUnsigned() & mask;
        } while (v > rng);
        return low + v;
    }
}
