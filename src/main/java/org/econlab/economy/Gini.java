package org.econlab.economy;

import java.util.Arrays;

/**
 * Gini coefficient of non-negative incomes: {@code G = 2 sum_i i x_(i) / (n sum x) - (n+1)/n} with
 * {@code x_(i)} sorted ascending and {@code i} from 1 (paper-model §7, later upstream code).
 * 0 for perfect equality, approaching 1 when one worker earns everything; 0 when all incomes are 0.
 */
public final class Gini {

    private Gini() {
    }

    /** Gini of {@code values[0..n)}; does not modify the array. */
    public static double of(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return ofSorted(sorted, n);
    }

    /**
     * Gini when the order of {@code values} along {@code order} is known or likely to be ascending (for
     * example rational workers indexed by skill earn more with more skill). Checks the order in one pass
     * and falls back to sorting a copy when it does not hold, so the answer is always exact.
     */
    public static double of(double[] values, int[] order) {
        int n = order.length;
        double prev = Double.NEGATIVE_INFINITY;
        double total = 0;
        double weighted = 0;
        for (int r = 0; r < n; r++) {
            double x = values[order[r]];
            if (x < prev) {
                return of(values, n);
            }
            prev = x;
            total += x;
            weighted += (r + 1) * x;
        }
        return fromSums(weighted, total, n);
    }

    /** Gini of an ascending array. */
    public static double ofSorted(double[] ascending, int n) {
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += ascending[i];
            weighted += (i + 1) * ascending[i];
        }
        return fromSums(weighted, total, n);
    }

    private static double fromSums(double weighted, double total, int n) {
        if (n == 0 || total <= 0) {
            return 0;
        }
        return 2 * weighted / (n * total) - (n + 1.0) / n;
    }
}
