package org.econlab.economy;

import java.util.Arrays;

/**
 * A piecewise-linear marginal income tax: brackets plus one marginal rate per bracket, in percent
 * (0..100). Implements paper-model §6 exactly, including that income above the top cutoff is untaxed.
 *
 * <p>Immutable and thread-safe; cumulative tax at each cutoff is precomputed so that {@link #taxUsd}
 * costs one bracket search and one multiply-add.
 */
public final class TaxSchedule {

    private final TaxBrackets brackets;
    private final double[] ratesPercent;
    /** Tax owed at income exactly b_j, for j = 0..K. */
    private final double[] taxAtCutoffUsd;
    private final double[] cutoffsUsd;

    private TaxSchedule(TaxBrackets brackets, double[] ratesPercent) {
        this.brackets = brackets;
        this.ratesPercent = ratesPercent;
        this.cutoffsUsd = brackets.cutoffsUsd();
        this.taxAtCutoffUsd = new double[cutoffsUsd.length];
        for (int j = 0; j < ratesPercent.length; j++) {
            taxAtCutoffUsd[j + 1] = taxAtCutoffUsd[j] + ratesPercent[j] / 100.0 * (cutoffsUsd[j + 1] - cutoffsUsd[j]);
        }
    }

    /**
     * @param ratesPercent one marginal rate per bracket, each in [0, 100]
     * @throws IllegalArgumentException when the count does not match or a rate is out of range
     */
    public static TaxSchedule of(TaxBrackets brackets, double... ratesPercent) {
        String problem = problemWith(brackets, ratesPercent);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new TaxSchedule(brackets, ratesPercent.clone());
    }

    /** Every bracket at the same rate (percent). */
    public static TaxSchedule uniform(TaxBrackets brackets, double ratePercent) {
        double[] r = new double[brackets.count()];
        Arrays.fill(r, ratePercent);
        return of(brackets, r);
    }

    /** Explains what is wrong with these rates for these brackets, or {@code null} if nothing is. */
    public static String problemWith(TaxBrackets brackets, double[] ratesPercent) {
        if (ratesPercent == null || ratesPercent.length != brackets.count()) {
            return "needs " + brackets.count() + " rates (one per bracket), got "
                    + (ratesPercent == null ? 0 : ratesPercent.length);
        }
        for (int j = 0; j < ratesPercent.length; j++) {
            double r = ratesPercent[j];
            if (!(r >= 0 && r <= 100)) {
                return "[" + j + "]: " + r + " is outside 0..100";
            }
        }
        return null;
    }

    public TaxBrackets brackets() {
        return brackets;
    }

    public int bracketCount() {
        return ratesPercent.length;
    }

    /** Marginal rate of bracket {@code j}, percent. */
    public double ratePercent(int j) {
        return ratesPercent[j];
    }

    /** A copy of the rates, percent. */
    public double[] ratesPercent() {
        return ratesPercent.clone();
    }

    /** The same brackets with other rates (percent). */
    public TaxSchedule withRates(double... newRatesPercent) {
        return of(brackets, newRatesPercent);
    }

    /**
     * Tax owed on pre-tax income {@code z} (dollars per year): paper-model §6. Zero for {@code z <= 0};
     * income above the top cutoff adds no tax.
     */
    public double taxUsd(double incomeUsd) {
        if (incomeUsd <= 0) {
            return 0;
        }
        int k = ratesPercent.length;
        if (incomeUsd >= cutoffsUsd[k]) {
            return taxAtCutoffUsd[k];
        }
        int j = 0;
        while (incomeUsd > cutoffsUsd[j + 1]) {
            j++;
        }
        return taxAtCutoffUsd[j] + ratesPercent[j] / 100.0 * (incomeUsd - cutoffsUsd[j]);
    }

    /** Tax owed at income exactly equal to cutoff {@code b_j} (dollars per year). */
    public double taxAtCutoffUsd(int j) {
        return taxAtCutoffUsd[j];
    }

    /**
     * Marginal rate that applies to the next dollar above income {@code z}, percent: 0 above the top
     * cutoff.
     */
    public double marginalRatePercentAt(double incomeUsd) {
        if (incomeUsd >= cutoffsUsd[cutoffsUsd.length - 1]) {
            return 0;
        }
        return ratesPercent[brackets.bracketOf(Math.max(incomeUsd, 0) + 1e-9)];
    }

    /** Average tax rate T(z)/z in percent (0 for z <= 0). */
    public double averageRatePercentAt(double incomeUsd) {
        return incomeUsd <= 0 ? 0 : 100.0 * taxUsd(incomeUsd) / incomeUsd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaxSchedule other && brackets.equals(other.brackets)
                && Arrays.equals(ratesPercent, other.ratesPercent);
    }

    @Override
    public int hashCode() {
        return 31 * brackets.hashCode() + Arrays.hashCode(ratesPercent);
    }

    @Override
    public String toString() {
        return "TaxSchedule" + Arrays.toString(ratesPercent) + " on " + brackets;
    }
}
