package org.econlab.economy;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * The income cutoffs of a piecewise-linear marginal tax, in dollars of pre-tax income per year.
 *
 * <p>Cutoffs are {@code b_0 = 0 < b_1 < ... < b_K}; bracket {@code j} covers incomes in
 * {@code (b_j, b_{j+1}]}. Income above the top cutoff {@code b_K} is untaxed, exactly as in the
 * reference implementation (paper-model §6, quirk 10), which is why the presets end at an
 * "arbitrary upper bound outside the distribution" of 10,000,000.
 *
 * <p>Immutable and thread-safe.
 */
public final class TaxBrackets {

    /** The reference implementation's top cutoff: income above it is untaxed. */
    public static final double PAPER_TOP_CUTOFF_USD = 10_000_000.0;

    private final double[] cutoffsUsd;

    private TaxBrackets(double[] cutoffsUsd) {
        this.cutoffsUsd = cutoffsUsd;
    }

    /**
     * @param cutoffsUsd {@code K+1} strictly increasing cutoffs starting at 0 (dollars per year)
     * @throws IllegalArgumentException naming the offending index when the cutoffs are not valid
     */
    public static TaxBrackets of(double... cutoffsUsd) {
        String problem = problemWith(cutoffsUsd);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new TaxBrackets(cutoffsUsd.clone());
    }

    /**
     * Explains what is wrong with a cutoff array, or returns {@code null} when it is valid.
     * Used by scenario validation so that messages name the failing index.
     */
    public static String problemWith(double[] cutoffsUsd) {
        if (cutoffsUsd == null || cutoffsUsd.length < 2) {
            return "needs at least two cutoffs (0 and a top cutoff)";
        }
        if (cutoffsUsd[0] != 0.0) {
            return "[0]: the first cutoff must be 0, was " + cutoffsUsd[0];
        }
        for (int i = 1; i < cutoffsUsd.length; i++) {
            if (!Double.isFinite(cutoffsUsd[i])) {
                return "[" + i + "]: " + cutoffsUsd[i] + " is not a finite number";
            }
            if (cutoffsUsd[i] <= cutoffsUsd[i - 1]) {
                return "[" + i + "]: " + fmt(cutoffsUsd[i]) + " must be greater than the cutoff before it ("
                        + fmt(cutoffsUsd[i - 1]) + ")";
            }
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Number of brackets K (one marginal rate each). */
    public int count() {
        return cutoffsUsd.length - 1;
    }

    /** Lower edge of bracket {@code j}, dollars per year. */
    public double lowerUsd(int j) {
        return cutoffsUsd[j];
    }

    /** Upper edge of bracket {@code j}, dollars per year. */
    public double upperUsd(int j) {
        return cutoffsUsd[j + 1];
    }

    /** The top cutoff {@code b_K}: income above it is untaxed. */
    public double topCutoffUsd() {
        return cutoffsUsd[cutoffsUsd.length - 1];
    }

    /** A copy of all K+1 cutoffs. */
    public double[] cutoffsUsd() {
        return cutoffsUsd.clone();
    }

    /**
     * Index of the bracket that holds pre-tax income {@code z}: the {@code j} with
     * {@code b_j < z <= b_{j+1}}; incomes of 0 or less count in bracket 0 and incomes above the top
     * cutoff in the top bracket (for histograms).
     */
    public int bracketOf(double incomeUsd) {
        int k = count();
        for (int j = 0; j < k - 1; j++) {
            if (incomeUsd <= cutoffsUsd[j + 1]) {
                return j;
            }
        }
        return k - 1;
    }

    /** A short label such as {@code $11,600-$47,150} or {@code $609,350+} for the top bracket. */
    public String label(int j) {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.US);
        if (j == count() - 1) {
            return "$" + f.format(cutoffsUsd[j]) + "+";
        }
        return "$" + f.format(cutoffsUsd[j]) + "-$" + f.format(cutoffsUsd[j + 1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaxBrackets other && Arrays.equals(cutoffsUsd, other.cutoffsUsd);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cutoffsUsd);
    }

    @Override
    public String toString() {
        return "TaxBrackets" + Arrays.toString(cutoffsUsd);
    }
}
