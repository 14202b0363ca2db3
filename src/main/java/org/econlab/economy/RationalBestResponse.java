package org.econlab.economy;

/**
 * The exact utility-maximising labour hours under a piecewise-linear schedule, with the rebate taken
 * as given (it does not depend on the worker's own choice, so it drops out).
 *
 * <p>The objective {@code f(l) = v l - T(v l) - c l^delta} is concave inside each bracket (a linear
 * net wage minus a convex cost), so on each bracket's slice of {@code [0, maxHours]} its maximum is the
 * interior optimum clipped to that slice. Comparing the slices' maxima covers every interior optimum,
 * every kink and both ends of the labour range, whether or not the schedule is progressive. Income above
 * the top cutoff is untaxed and forms one more slice with rate 0. Ties go to fewer hours.
 *
 * <p>Built once per schedule; {@link #hours} is allocation-free and thread-safe.
 */
public final class RationalBestResponse {

    private final LabourModel labour;
    private final double[] cutoffsUsd;       // b_0..b_K
    private final double[] netShare;         // 1 - t_j for j = 0..K (K = untaxed top slice)
    private final double[] taxAtCutoffUsd;   // T(b_j)
    private final double[] rateFraction;
    private final double inverseExponent;
    private final double costScale;          // c * delta

    public RationalBestResponse(TaxSchedule schedule, LabourModel labour) {
        this.labour = labour;
        int k = schedule.bracketCount();
        this.cutoffsUsd = schedule.brackets().cutoffsUsd();
        this.netShare = new double[k + 1];
        this.rateFraction = new double[k + 1];
        this.taxAtCutoffUsd = new double[k + 1];
        for (int j = 0; j <= k; j++) {
            rateFraction[j] = j < k ? schedule.ratePercent(j) / 100.0 : 0.0;
            netShare[j] = 1 - rateFraction[j];
            taxAtCutoffUsd[j] = schedule.taxAtCutoffUsd(j);
        }
        this.inverseExponent = 1.0 / (labour.disutilityExponent() - 1);
        this.costScale = labour.disutilityCoefficient() * labour.disutilityExponent();
    }

    /** Utility-maximising hours per week in {@code [0, maxHours]} for skill {@code v >= 0}. */
    public double hours(double skill) {
        double maxHours = labour.maxHoursPerWeek();
        if (skill <= 0) {
            return 0;
        }
        double c = labour.disutilityCoefficient();
        double delta = labour.disutilityExponent();
        double bestHours = 0;
        double bestValue = 0; // f(0) = 0
        int slices = netShare.length;
        for (int j = 0; j < slices; j++) {
            double lo = cutoffsUsd[j] / skill;
            if (lo >= maxHours) {
                break;
            }
            double hi = j + 1 < slices ? Math.min(cutoffsUsd[j + 1] / skill, maxHours) : maxHours;
            double l = netShare[j] <= 0 ? 0 : Math.pow(netShare[j] * skill / costScale, inverseExponent);
            if (l < lo) {
                l = lo;
            } else if (l > hi) {
                l = hi;
            }
            double z = skill * l;
            double tax = taxAtCutoffUsd[j] + rateFraction[j] * (z - cutoffsUsd[j]);
            double value = z - tax - c * Math.pow(l, delta);
            if (value > bestValue) {
                bestValue = value;
                bestHours = l;
            }
        }
        return bestHours;
    }
}
