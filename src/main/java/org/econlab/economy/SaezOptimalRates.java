package org.econlab.economy;

import java.util.Arrays;

/**
 * The Saez optimal marginal rates exactly as the reference implementation computes them
 * (paper-model §8.1, {@code saez_optimal_tax_rates}): a static, one-shot formula over the skill
 * population with inverse-income Pareto weights and a Scott-bandwidth Gaussian KDE.
 *
 * <p>For each bracket j: evaluate at the bracket midpoint (top bracket: {@code b_j + 0.1 (b_K - b_j)}),
 * take {@code F}, the KDE density {@code f}, the Pareto parameter {@code a = z f / (1 - F)} (10 when
 * {@code F = 1}; top bracket with incomes above z: {@code m / (m - b_j)}, m their mean), the average
 * normalised welfare weight above z {@code G}, and {@code tau = (1 - G) / (1 - G + a e_j)}, clipped to
 * [0, 1]. Incomes are {@code 100 * skill} (incomes at 100 hours, as coded).
 */
public final class SaezOptimalRates {

    /** Hours at which the reference evaluates incomes ({@code I = 100 v}). */
    public static final double EVALUATION_HOURS = 100.0;

    /** The elasticity the reference uses for {@code SAEZ} when none is given per bracket. */
    public static final double AI_ECONOMIST_FLAT_ELASTICITY = 3.0;

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private SaezOptimalRates() {
    }

    /**
     * @param skills       worker skills (any order; not modified)
     * @param brackets     the tax brackets
     * @param elasticities one value for all brackets, or one per bracket; positive
     * @return one rate per bracket in percent, rounded to two decimals as the reference reports them
     */
    public static double[] ratesPercent(double[] skills, TaxBrackets brackets, double... elasticities) {
        int k = brackets.count();
        if (elasticities.length != 1 && elasticities.length != k) {
            throw new IllegalArgumentException("needs one elasticity or " + k + " (one per bracket), got "
                    + elasticities.length);
        }
        int n = skills.length;
        if (n == 0) {
            throw new IllegalArgumentException("needs at least one skill");
        }
        double[] incomes = new double[n];
        for (int i = 0; i < n; i++) {
            incomes[i] = EVALUATION_HOURS * skills[i];
        }
        Arrays.sort(incomes);
        double inverseSum = 0;
        for (double income : incomes) {
            inverseSum += 1.0 / Math.max(income, 1e-10);
        }
        double bandwidth = scottBandwidth(incomes);

        double top = brackets.topCutoffUsd();
        double[] rates = new double[k];
        for (int j = 0; j < k; j++) {
            boolean isTop = j == k - 1;
            double lower = brackets.lowerUsd(j);
            double z = isTop ? lower + 0.1 * (top - lower) : (lower + brackets.upperUsd(j)) / 2;

            int atOrBelow = 0;
            int aboveCount = 0;
            double aboveSum = 0;
            double aboveWeight = 0;
            for (double income : incomes) {
                if (income <= z) {
                    atOrBelow++;
                }
                if (income >= z) {
                    aboveCount++;
                    aboveSum += income;
                    aboveWeight += (1.0 / Math.max(income, 1e-10)) / inverseSum;
                }
            }
            double cdf = (double) atOrBelow / n;
            double density = gaussianKde(incomes, bandwidth, z);
            double pareto = cdf < 1 ? z * density / (1 - cdf) : 10.0;
            if (isTop && aboveCount > 0) {
                double mean = aboveSum / aboveCount;
                pareto = mean / (mean - lower);
            }
            double g = aboveCount > 0 && cdf < 1 ? aboveWeight / (1 - cdf) : 0.0;
            double e = elasticities.length == 1 ? elasticities[0] : elasticities[j];
            double tau = (1 - g) / (1 - g + pareto * e);
            if (Double.isNaN(tau)) {
                tau = 0;
            }
            tau = Math.min(1, Math.max(0, tau));
            rates[j] = Math.round(100 * tau * 100) / 100.0;
        }
        return rates;
    }

    /**
     * Bracket elasticities for workers with their own exponents (heterogeneous elasticities, issue 20): for bracket j,
     * the income-weighted mean of the workers' own elasticities over the workers whose formula income
     * {@code z_i = 100 v_i} ({@link #EVALUATION_HOURS}, the incomes the formula itself uses) falls in it:
     * <pre>  e_j = sum_{i in j} z_i / (delta_i - 1)  /  sum_{i in j} z_i</pre>
     * A bracket nobody's income reaches takes the population's income-weighted mean ({@link #meanElasticity}).
     * With one delta for all, every {@code e_j = 1/(delta - 1)}, the model's elasticity.
     *
     * @param skills   worker skills v
     * @param deltas   each worker's delta, greater than 1, same length
     * @param brackets the tax brackets
     */
    public static double[] bracketElasticities(double[] skills, double[] deltas, TaxBrackets brackets) {
        if (deltas.length != skills.length) {
            throw new IllegalArgumentException("needs one delta per skill: " + deltas.length + " for " + skills.length);
        }
        int k = brackets.count();
        double[] weighted = new double[k];
        double[] income = new double[k];
        for (int i = 0; i < skills.length; i++) {
            double z = EVALUATION_HOURS * skills[i];
            if (z <= 0) {
                continue;
            }
            int j = brackets.bracketOf(z);
            weighted[j] += z / (deltas[i] - 1);
            income[j] += z;
        }
        double mean = meanElasticity(skills, deltas);
        double[] e = new double[k];
        for (int j = 0; j < k; j++) {
            e[j] = income[j] > 0 ? weighted[j] / income[j] : mean;
        }
        return e;
    }

    /**
     * One elasticity for the whole population: the income-weighted mean of {@code 1/(delta_i - 1)} with
     * {@code z_i = 100 v_i} ("Saez with the mean elasticity", which ignores that elasticities differ by bracket); the
     * plain mean when nobody has income.
     */
    public static double meanElasticity(double[] skills, double[] deltas) {
        double weighted = 0;
        double income = 0;
        double plain = 0;
        for (int i = 0; i < skills.length; i++) {
            double e = 1 / (deltas[i] - 1);
            double z = Math.max(0, EVALUATION_HOURS * skills[i]);
            weighted += z * e;
            income += z;
            plain += e;
        }
        return income > 0 ? weighted / income : plain / skills.length;
    }

    /** Scott's rule as SciPy applies it in one dimension: {@code sd(ddof=1) * n^(-1/5)}. */
    static double scottBandwidth(double[] values) {
        int n = values.length;
        if (n < 2) {
            return 1.0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd * Math.pow(n, -0.2);
    }

    static double gaussianKde(double[] values, double bandwidth, double at) {
        double s = 0;
        for (double v : values) {
            double u = (at - v) / bandwidth;
            s += Math.exp(-0.5 * u * u);
        }
        return s * INV_SQRT_2PI / (bandwidth * values.length);
    }
}
