package org.econlab.economy;

/**
 * How a DELTA (percentage points per bracket) becomes new marginal rates (paper-model §5.2, §9 step 5,
 * quirk 12). Both rules first clip each delta to [-20, 20] and round it to the nearest 10 (half to even,
 * as {@code np.round}); they differ at the bounds 0..100:
 * <ul>
 *   <li>{@link #applyPlannerRule}: the planner's rule, <em>truncate</em>: a delta that would leave the range
 *       is cut to reach the bound exactly;</li>
 *   <li>{@link #applyLeaderRule}: the elected leader's rule, <em>reflect</em>: the delta's sign is flipped;
 *       if it is still out of range the delta becomes 0 (the reference retries and then falls back to 0).</li>
 * </ul>
 * Pure functions; rates and deltas are percent.
 */
public final class RateDeltas {

    /** The DELTA grid of the paper's prompts. */
    public static final double[] GRID = {-20, -10, 0, 10, 20};
    public static final double MAX_STEP = 20;

    private RateDeltas() {
    }

    /** Clips to [-20, 20] and rounds to the nearest 10, half to even. */
    public static double normalise(double delta) {
        if (!Double.isFinite(delta)) {
            return 0;
        }
        double d = Math.max(-MAX_STEP, Math.min(MAX_STEP, delta));
        return Math.rint(d / 10.0) * 10.0;
    }

    /** Normalised copy of {@code deltas}. */
    public static double[] normalise(double[] deltas) {
        double[] out = new double[deltas.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = normalise(deltas[j]);
        }
        return out;
    }

    /** The planner's rule: new rates after {@code deltas}, truncated at 0 and 100. */
    public static TaxSchedule applyPlannerRule(TaxSchedule current, double[] deltas) {
        double[] r = current.ratesPercent();
        check(r, deltas);
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.max(0, Math.min(100, r[j] + normalise(deltas[j])));
        }
        return current.withRates(r);
    }

    /** The leader's rule: new rates after {@code deltas}, reflecting a delta that would leave 0..100. */
    public static TaxSchedule applyLeaderRule(TaxSchedule current, double[] deltas) {
        return current.withRates(leaderRates(current.ratesPercent(), deltas));
    }

    /** The leader's rule on plain rates (percent); returns new rates. */
    public static double[] leaderRates(double[] ratesPercent, double[] deltas) {
        double[] r = ratesPercent.clone();
        check(r, deltas);
        for (int j = 0; j < r.length; j++) {
            double d = normalise(deltas[j]);
            double next = r[j] + d;
            if (next < 0 || next > 100) {
                next = r[j] - d;
                if (next < 0 || next > 100) {
                    next = r[j];
                }
            }
            r[j] = next;
        }
        return r;
    }

    private static void check(double[] rates, double[] deltas) {
        if (deltas.length != rates.length) {
            throw new IllegalArgumentException("needs " + rates.length + " deltas (one per bracket), got " + deltas.length);
        }
    }
}
