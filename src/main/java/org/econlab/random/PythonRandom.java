package org.econlab.random;

import java.util.List;

/**
 * Python's {@code random} module after {@code random.seed(seed)} with an integer seed, bit for bit: MT19937 seeded by
 * {@code init_by_array} with the seed's 32-bit words, {@code random()} as {@code genrand_res53},
 * {@code uniform(a, b) = a + (b - a) * random()}, and {@code randint}, {@code choice} and {@code shuffle} through
 * {@code _randbelow} (rejection on {@code getrandbits(n.bit_length())}). The reference implementation draws personas,
 * the utility-type shuffle and election ties with it (paper-model §4.1, §4.3, §9).
 *
 * <p>Mutable and not thread-safe.
 */
public final class PythonRandom {

    private final Mt19937 mt;

    /** {@code random.seed(seed)}; Python seeds with {@code abs(seed)}. */
    public PythonRandom(long seed) {
        long s = seed == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(seed);
        int[] key;
        long high = s >>> 32;
        if (high == 0) {
            key = new int[] {(int) s};
        } else {
            key = new int[] {(int) s, (int) high};
        }
        this.mt = Mt19937.seededByArray(key);
    }

    /** {@code random.random()}: a double in [0, 1). */
    public double random() {
        return mt.nextDouble();
    }

    /** {@code random.uniform(a, b)}. */
    public double uniform(double a, double b) {
        return a + (b - a) * mt.nextDouble();
    }

    /** {@code random.getrandbits(k)} for 1 <= k <= 32. */
    long getrandbits(int k) {
        return mt.nextUnsigned() >>> (32 - k);
    }

    /** {@code random._randbelow(n)}: an integer in [0, n), 1 <= n < 2^32 (one 32-bit word per try). */
    public long randbelow(long n) {
        if (n < 1 || n >= 0x100000000L) {
            throw new IllegalArgumentException("randbelow needs 1 <= n < 2^32, was " + n);
        }
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return r;
    }

    /** {@code random.randint(a, b)}: an integer in [a, b], both ends included. */
    public long randint(long a, long b) {
        return a + randbelow(b - a + 1);
    }

    /** {@code random.choice(seq)}. */
    public <T> T choice(List<T> seq) {
        return seq.get((int) randbelow(seq.size()));
    }

    /** {@code random.shuffle(x)} in place. */
    public <T> void shuffle(List<T> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = (int) randbelow(i + 1);
            T t = x.get(i);
            x.set(i, x.get(j));
            x.set(j, t);
        }
    }
}
