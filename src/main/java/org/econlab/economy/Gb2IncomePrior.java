package org.econlab.economy;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Generalised beta of the second kind, GAMLSS parameterisation, fitted to U.S. income (paper-model
 * §2.1): the prior of "income at 40 hours of labour per week". Skill = income / 40.
 *
 * <p>Quantile: {@code Y = mu * (B/(1-B))^(1/sigma)} with {@code B = BetaInv(p; nu, tau)}, i.e.
 * {@code Y = mu e^(x/sigma)} with {@code x = logit(B)}. CDF: {@code I_v(nu, tau)} with
 * {@code v = (x/mu)^sigma / (1 + (x/mu)^sigma)}. Immutable and thread-safe.
 *
 * <p>Three ways to the quantile. {@link #incomeAt} (and {@link #skillAt}) is the reference computation, commons-math's
 * Beta inverse, unchanged so that every small population, golden test and published result keeps its exact digits.
 * {@link #exactIncomeAt} solves the quantile to machine precision, tails included. {@link #sampler()}, which draws
 * large populations, interpolates a table of the exact quantile ({@link BetaLogitQuantile}): tens of nanoseconds per
 * draw instead of microseconds, within a documented tolerance of {@code 1e-10 / |sigma|} relative of the exact
 * quantile (5e-11 for the ACS fit: 0.00002 dollars at $400,000; measured worst 1.2e-12), checked by a test.
 *
 * @param mu    scale, dollars per year
 * @param sigma shape (positive here; the reference flips p for negative sigma)
 * @param nu    first beta shape
 * @param tau   second beta shape
 */
public record Gb2IncomePrior(double mu, double sigma, double nu, double tau) implements SkillPrior {

    /** The ACS 2023 fit of the reference implementation. */
    public static final Gb2IncomePrior US_INCOME_2023 =
            new Gb2IncomePrior(72402.78177917618, 2.0721070746154746, 0.48651871959386955, 1.1410398548220329);

    /** Hours per week at which the prior's income is earned: skill = income / 40. */
    public static final double REFERENCE_HOURS_PER_WEEK = 40.0;

    public Gb2IncomePrior {
        if (!(mu > 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be positive, was " + mu);
        }
        if (sigma == 0 || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be non-zero, was " + sigma);
        }
        if (!(nu > 0) || !Double.isFinite(nu)) {
            throw new IllegalArgumentException("nu must be positive, was " + nu);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be positive, was " + tau);
        }
    }

    /**
     * Income (dollars per year at 40 h/week) at cumulative probability {@code p} in (0, 1): the reference computation
     * (commons-math's Beta inverse, absolute accuracy 1e-14 in the Beta variable).
     */
    public double incomeAt(double p) {
        double q = sigma < 0 ? 1 - p : p;
        double b = new BetaDistribution(null, nu, tau, 1e-14).inverseCumulativeProbability(q);
        if (b >= 1) {
            return Double.MAX_VALUE;
        }
        return mu * Math.pow(b / (1 - b), 1 / sigma);
    }

    /**
     * Incomes as the reference implementation computes them from its uniforms ({@code qGB2}): SciPy's F quantile
     * {@code w = f.ppf(p, 2 nu, 2 tau)}, then {@code mu ((nu / tau) w)^(1 / sigma)}, with {@code 1 - p} for negative
     * sigma; within 1e-12 relative of SciPy's (see {@link FQuantile}). The returned function is thread-safe.
     */
    public java.util.function.DoubleUnaryOperator referenceIncome() {
        FQuantile f = new FQuantile(2 * nu, 2 * tau);
        double ratio = nu / tau;
        double power = 1 / sigma;
        return p -> {
            double w = f.at(sigma < 0 ? 1 - p : p);
            double y = mu * Math.pow(ratio * w, power);
            return y > Double.MAX_VALUE ? Double.MAX_VALUE : y;
        };
    }

    /** Income at {@code p}, solved to machine precision on the logit scale (accurate in both tails). */
    public double exactIncomeAt(double p) {
        return income(BetaLogitQuantile.of(nu, tau).exact(t(p)));
    }

    /** logit of the Beta quantile's probability: {@code logit(p)}, or {@code logit(1-p)} for negative sigma. */
    private double t(double p) {
        double t = BetaLogitQuantile.logit(p);
        return sigma < 0 ? -t : t;
    }

    private double income(double x) {
        double y = mu * Math.exp(x / sigma);
        return y > Double.MAX_VALUE ? Double.MAX_VALUE : y;
    }

    /** P(income <= x). */
    public double cdf(double incomeUsd) {
        if (incomeUsd <= 0) {
            return 0;
        }
        double r = Math.pow(incomeUsd / mu, sigma);
        double v = r / (1 + r);
        double f = Beta.regularizedBeta(v, nu, tau);
        return sigma < 0 ? 1 - f : f;
    }

    @Override
    public double skillAt(double p) {
        return incomeAt(p) / REFERENCE_HOURS_PER_WEEK;
    }

    /** Skills from the tabulated exact quantile (see the class note for its tolerance). */
    @Override
    public java.util.function.DoubleUnaryOperator sampler() {
        BetaLogitQuantile q = BetaLogitQuantile.of(nu, tau);
        return p -> income(q.at(t(p))) / REFERENCE_HOURS_PER_WEEK;
    }

    @Override
    public String id() {
        return "gb2";
    }
}
