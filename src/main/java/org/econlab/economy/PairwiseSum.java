package org.econlab.economy;

/**
 * NumPy's sum of a float64 array ({@code np.sum}, {@code np.add.reduce}), with its order of operations so that the
 * result agrees to the last bit: below 8 elements a plain loop; up to 128, eight interleaved partial sums
 * {@code r0..r7} over the elements {@code i mod 8}, combined as {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}, then the
 * leftover tail added in order; above 128, the two halves (the first rounded down to a multiple of 8) summed this way
 * and added (paper-model §2.1, RNG order item 5). Pure functions; thread-safe.
 */
public final class PairwiseSum {

    private PairwiseSum() {
    }

    /** {@code np.sum(a)}; 0 for an empty array. */
    public static double of(double[] a) {
        return of(a, 0, a.length);
    }

    /** {@code np.sum(a[from:to])}; 0 for an empty range. */
    public static double of(double[] a, int from, int to) {
        int n = to - from;
        return n <= 0 ? 0.0 : pairwise(a, from, n);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
