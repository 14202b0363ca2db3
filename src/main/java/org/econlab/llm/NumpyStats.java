package org.econlab.llm;

import java.util.Arrays;
import java.util.List;

/**
 * The few NumPy computations whose results the reference prints into prompts, with NumPy's own order of floating
 * point operations, so the printed digits agree: {@code np.sum} (a pairwise sum, 8-way unrolled), {@code np.mean}, {@code np.median}, {@code np.std} (population), {@code np.histogram} over given
 * edges and over 10 equal bins. Pure functions; thread-safe.
 */
final class NumpyStats {

    private NumpyStats() {
    }

    /** {@code np.add.reduce} over a contiguous array: NumPy's pairwise sum; 0 for an empty array. */
    static double sum(double[] a, int from, int to) {
        return org.econlab.economy.PairwiseSum.of(a, from, to);
    }

    static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.mean} (NaN when empty, as NumPy with its warning). */
    static double mean(double[] a) {
        return a.length == 0 ? Double.NaN : sum(a) / a.length;
    }

    /** {@code np.average} of the last {@code h} values ({@code h == 0}: Python's {@code [-0:]}, i.e. all). */
    static double meanOfLast(List<Double> xs, int h) {
        int from = h == 0 ? 0 : Math.max(0, xs.size() - h);
        double[] a = new double[xs.size() - from];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(from + i);
        }
        return mean(a);
    }

    static double median(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n % 2 == 1) {
            return s[n / 2];
        }
        return (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** {@code np.std} with {@code ddof = 0}. */
    static double std(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double m = sum(a) / a.length;
        double[] x = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - m;
            x[i] = d * d;
        }
        return Math.sqrt(sum(x) / a.length);
    }

    /** {@code np.histogram(a, bins=edges)}: {@code [e_j, e_j+1)}, the last bin closed; values outside are dropped. */
    static int[] histogram(double[] a, double[] edges) {
        int[] counts = new int[edges.length - 1];
        for (double x : a) {
            if (!(x >= edges[0]) || x > edges[edges.length - 1]) {
                continue;
            }
            int j = Arrays.binarySearch(edges, x);
            int bin;
            if (j >= 0) {
                while (j + 1 < edges.length && edges[j + 1] == x) {
                    j++;
                }
                bin = Math.min(j, counts.length - 1);
            } else {
                bin = -j - 2;
            }
            counts[bin]++;
        }
        return counts;
    }

    /** The 11 edges of {@code np.histogram(a, bins=10)}: {@code np.linspace(min, max, 11)}, widened by 0.5 if equal. */
    static double[] equalEdges(double[] a, int bins) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            first = Math.min(first, x);
            last = Math.max(last, x);
        }
        if (a.length == 0) {
            first = 0;
            last = 1;
        } else if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] e = new double[bins + 1];
        double delta = last - first;
        double step = delta / bins;
        for (int i = 0; i <= bins; i++) {
            e[i] = step == 0 ? i / (double) bins * delta + first : i * step + first;
        }
        e[bins] = last;
        return e;
    }

    /** Counts of {@code np.histogram(a, bins=edges.length - 1)} for the equal-width {@code edges} of {@link #equalEdges}. */
    static int[] equalHistogram(double[] a, double[] edges) {
        int bins = edges.length - 1;
        int[] counts = new int[bins];
        double first = edges[0];
        double denom = edges[bins] - first;
        for (double x : a) {
            int i = (int) (((x - first) / denom) * bins);
            if (i == bins) {
                i--;
            }
            i = Math.max(0, Math.min(bins - 1, i));
            if (x < edges[i]) {
                i--;
            } else if (i != bins - 1 && x >= edges[i + 1]) {
                i++;
            }
            counts[Math.max(0, Math.min(bins - 1, i))]++;
        }
        return counts;
    }
}
