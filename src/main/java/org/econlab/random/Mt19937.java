package org.econlab.random;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998), 32-bit outputs, with both of its reference
 * seedings: {@code init_genrand} (one 32-bit seed; NumPy's legacy {@code np.random.seed(s)}) and
 * {@code init_by_array} (a key of 32-bit words; Python's {@code random.seed(s)}). Written here rather than taken
 * from commons-math because NumPy accepts seeds up to 2^32 - 1, which commons-math's {@code setSeed(int)} sign-extends.
 *
 * <p>Mutable and not thread-safe: one generator per sequential consumer.
 */
public final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    private Mt19937() {
    }

    /** {@code init_genrand(seed)}: the low 32 bits of {@code seed}. */
    public static Mt19937 seeded(long seed) {
        Mt19937 g = new Mt19937();
        g.initGenrand(seed & 0xffffffffL);
        return g;
    }

    /** {@code init_by_array(key)}: each element is one unsigned 32-bit word. */
    public static Mt19937 seededByArray(int[] key) {
        Mt19937 g = new Mt19937();
        g.initGenrand(19650218L);
        int i = 1;
        int j = 0;
        int k = Math.max(N, key.length);
        for (; k > 0; k--) {
            long prev = g.mt[i - 1] & 0xffffffffL;
            long v = ((g.mt[i] & 0xffffffffL) ^ ((prev ^ (prev >>> 30)) * 1664525L)) + (key[j] & 0xffffffffL) + j;
            g.mt[i] = (int) v;
            i++;
            j++;
            if (i >= N) {
                g.mt[0] = g.mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (k = N - 1; k > 0; k--) {
            long prev = g.mt[i - 1] & 0xffffffffL;
            long v = ((g.mt[i] & 0xffffffffL) ^ ((prev ^ (prev >>> 30)) * 1566083941L)) - i;
            g.mt[i] = (int) v;
            i++;
            if (i >= N) {
                g.mt[0] = g.mt[N - 1];
                i = 1;
            }
        }
        g.mt[0] = 0x80000000;
        return g;
    }

    private void initGenrand(long s) {
        mt[0] = (int) s;
        for (mti = 1; mti < N; mti++) {
            long prev = mt[mti - 1] & 0xffffffffL;
            mt[mti] = (int) (1812433253L * (prev ^ (prev >>> 30)) + mti);
        }
    }

    /** The next 32-bit output, as an int (use {@code & 0xffffffffL} for its unsigned value). */
    public int nextInt() {
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** The next output as an unsigned value in [0, 2^32). */
    public long nextUnsigned() {
        return nextInt() & 0xffffffffL;
    }

    /** A double in [0, 1) with 53 random bits, {@code genrand_res53}: {@code (a>>5 * 2^26 + b>>6) / 2^53}. */
    public double nextDouble() {
        long a = nextUnsigned() >>> 5;
        long b = nextUnsigned() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
