package org.econlab.economy;

import org.apache.commons.math3.special.Beta;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quantile of a Beta(nu, tau) distribution on the logit scale, fast enough to draw millions of skills in a
 * fraction of a second: {@code x(t) = logit(BetaInv(p))} as a function of {@code t = logit(p)}, tabulated once per
 * (nu, tau) on {@value #INTERVALS} equal intervals of {@code t} in [{@value #T_MIN}, {@value #T_MAX}] (p from about
 * 3e-17 to 1 - 3e-17, every uniform double a run can draw) and interpolated by cubic Hermite splines with the exact
 * slopes {@code dx/dt = p(1-p) / (b^nu (1-b)^tau / B(nu, tau))}. On this scale the quantile is smooth and becomes a
 * straight line in both tails, so the interpolation error stays below 1e-10 in {@code x} (measured against the
 * exact inverse by a test over the whole range); an income {@code mu e^(x/sigma)} is then within
 * {@code 1e-10 / |sigma|} relative of the exact one (5e-11 for the ACS fit).
 *
 * <p>Nodes are exact: safeguarded Newton iterations on {@code log I_b(nu, tau) = log p} (upper half:
 * {@code log I_(1-b)(tau, nu) = log(1-p)}, which keeps full precision where {@code b} is close to 1). Outside the
 * table, and for parameters whose tails underflow the table, the exact solve is used per call. Immutable and
 * thread-safe; tables are memoised per parameter pair (a pure function, no run state).
 */
final class BetaLogitQuantile {

    static final double T_MIN = -38;
    static final double T_MAX = 38;
    static final int INTERVALS = 8192;
    private static final double H = (T_MAX - T_MIN) / INTERVALS;
    private static final int MAX_CACHED = 32;
    private static final Map<Long, BetaLogitQuantile> CACHE = new ConcurrentHashMap<>();

    private final double nu;
    private final double tau;
    private final double logBeta;
    private final double[] x;  // x at node k
    private final double[] dx; // dx/dt at node k, times H
    private final boolean tabulated;

    private BetaLogitQuantile(double nu, double tau) {
        this.nu = nu;
        this.tau = tau;
        this.logBeta = Beta.logBeta(nu, tau);
        double[] xs = new double[INTERVALS + 1];
        double[] ds = new double[INTERVALS + 1];
        int mid = INTERVALS / 2; // t = 0 exactly
        boolean ok = true;
        double guess = Double.NaN;
        // March outwards from the middle; each node starts from a second-order extrapolation of the last ones, so
        // Newton needs one or two steps.
        for (int k = mid; k <= INTERVALS && ok; k++) {
            ok = node(k, guess, xs, ds);
            guess = xs[k] + ds[k] + (k > mid ? 0.5 * (ds[k] - ds[k - 1]) : 0);
        }
        guess = xs[mid] - ds[mid];
        for (int k = mid - 1; k >= 0 && ok; k--) {
            ok = node(k, guess, xs, ds);
            guess = xs[k] - ds[k] - 0.5 * (ds[k] - ds[k + 1]);
        }
        this.x = xs;
        this.dx = ds;
        this.tabulated = ok;
    }

    private boolean node(int k, double guess, double[] xs, double[] ds) {
        double t = T_MIN + k * H;
        double v = solve(t, guess);
        double d = slope(t, v) * H;
        xs[k] = v;
        ds[k] = d;
        return Double.isFinite(v) && Double.isFinite(d);
    }

    /** The quantile function of Beta(nu, tau) on the logit scale (shared tables per parameter pair). */
    static BetaLogitQuantile of(double nu, double tau) {
        long key = Double.doubleToLongBits(nu) * 31 + Double.doubleToLongBits(tau);
        BetaLogitQuantile q = CACHE.get(key);
        if (q != null && q.nu == nu && q.tau == tau) {
            return q;
        }
        q = new BetaLogitQuantile(nu, tau);
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        CACHE.put(key, q);
        return q;
    }

    /** Whether draws use the table (false for parameters whose tails underflow it: then every call is exact). */
    boolean tabulated() {
        return tabulated;
    }

    /** {@code logit(BetaInv(p))} for {@code t = logit(p)}, from the table. */
    double at(double t) {
        if (!tabulated || !(t >= T_MIN && t < T_MAX)) {
            return exact(t);
        }
        double u = (t - T_MIN) / H;
        int k = (int) u;
        double s = u - k;
        double s2 = s * s;
        double s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = s3 - 2 * s2 + s;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = s3 - s2;
        return h00 * x[k] + h10 * dx[k] + h01 * x[k + 1] + h11 * dx[k + 1];
    }

    /** {@code logit(BetaInv(p))} for {@code t = logit(p)}, solved to machine precision. */
    double exact(double t) {
        return solve(t, Double.NaN);
    }

    /**
     * {@code t = logit(p) = log(p / (1 - p))}, accurate at both ends: {@code 1 - p} is exact for {@code p >= 0.5}
     * and within one rounding below, so {@code t} is within about 2e-16 of the exact value (one logarithm, no
     * {@code log1p}, which is not a JIT intrinsic).
     */
    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** {@code log(1 + e^z)} without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** log of the Beta density's kernel at b = sigmoid(x), divided by B(nu, tau): log(b^nu (1-b)^tau / B). */
    private double logKernel(double xv) {
        return -nu * softplus(-xv) - tau * softplus(xv) - logBeta;
    }

    /** dx/dt at (t, x): p(1-p) / (b^nu (1-b)^tau / B). */
    private double slope(double t, double xv) {
        double logP = -softplus(-t);
        double logQ = -softplus(t);
        return Math.exp(logP + logQ - logKernel(xv));
    }

    /**
     * Solves {@code log I_b(nu,tau) = log p} for x (lower half) or {@code log I_(1-b)(tau,nu) = log(1-p)} (upper
     * half) by Newton steps kept inside a bracket (bisection when a step would leave it).
     */
    private double solve(double t, double guess) {
        boolean lower = t < 0;
        double target = lower ? -softplus(-t) : -softplus(t);
        double lo = -1500;
        double hi = 1500;
        double xv = Double.isFinite(guess) ? guess : initial(t, lower);
        for (int i = 0; i < 200; i++) {
            double logTail = lower ? logCdf(xv) : logSurvival(xv);
            if (Double.isNaN(logTail)) {
                return Double.NaN;
            }
            // underflowed: far below the target (lower half: x too small; upper half: x too large)
            double f = logTail == Double.NEGATIVE_INFINITY ? -1e300 : logTail - target;
            boolean xTooSmall = lower ? f < 0 : f > 0;
            if (xTooSmall) {
                lo = Math.max(lo, xv);
            } else {
                hi = Math.min(hi, xv);
            }
            // d log(tail)/dx: kernel/I for the lower tail, -kernel/(1-I) for the upper
            double derivative = Math.exp(logKernel(xv) - logTail) * (lower ? 1 : -1);
            double next = xv - f / derivative;
            if (!(next > lo && next < hi) || !Double.isFinite(next)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - xv) <= 4e-16 * (1 + Math.abs(xv)) || hi - lo <= 4e-16 * (1 + Math.abs(xv))) {
                return next;
            }
            xv = next;
        }
        return xv;
    }

    private double initial(double t, boolean lower) {
        // Tails: I_b ~ b^nu / (nu B) and 1 - I_b ~ (1-b)^tau / (tau B); the middle starts at the median-ish 0.
        if (t < -4) {
            return (t + Math.log(nu) + logBeta) / nu;
        }
        if (t > 4) {
            return (t - Math.log(tau) - logBeta) / tau;
        }
        return 0;
    }

    /** log I_b(nu, tau) at b = sigmoid(x). */
    private double logCdf(double xv) {
        double b = 1 / (1 + Math.exp(-xv));
        return Math.log(Beta.regularizedBeta(b, nu, tau));
    }

    /** log (1 - I_b(nu, tau)) = log I_(1-b)(tau, nu) at b = sigmoid(x). */
    private double logSurvival(double xv) {
        double c = 1 / (1 + Math.exp(xv));
        return Math.log(Beta.regularizedBeta(c, tau, nu));
    }
}
