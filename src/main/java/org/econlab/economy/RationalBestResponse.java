package org.econlab.economy;

/**
 * The exact utility-maximising labour hours under a piecewise-linear schedule.
 *
 * <p>The worker maximises {@code f(l) = v l - k T(v l) - c l^delta}, where {@code k} is the fraction of its own
 * tax it counts as lost ({@link RebateTreatment#ownTaxCostFraction}): 1 for a price-taker, who takes the rebate
 * as given; {@code 1 - 1/N} for a worker that counts the {@code 1/N} of its own tax the equal rebate returns.
 * The rest of the rebate (the others' taxes) does not depend on its hours and drops out. {@code k T} is again a
 * piecewise-linear schedule, with every rate scaled by k, so the search below is exact in both cases.
 *
 * <p>The objective is concave inside each bracket (a linear
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
    private final double[] taxAtCutoffUsd;   // T(b_j)
    private final double[] rateFraction;     // t_j for j = 0..K (K = untaxed top slice)
    private final double inverseExponent;    // 1/(delta-1)
    private final double costScale;          // c * delta
    // Powers precomputed so that hours() needs two pow calls per worker instead of two per slice:
    // interior hours l_j = a_j v^(1/(delta-1)) and l_j^delta = a_j^delta v^(delta/(delta-1));
    // at a cutoff, (b/v)^delta = b^delta / v^delta.
    private final double[] interiorFactor;   // a_j = ((1-t_j)/(c delta))^(1/(delta-1))
    private final double[] interiorFactorPow; // a_j^delta
    private final double[] cutoffPow;        // b_j^delta
    private final double maxHoursPow;        // L^delta
    private final boolean powersFinite;

    /** A price-taking worker's best response ({@code k = 1}). */
    public RationalBestResponse(TaxSchedule schedule, LabourModel labour) {
        this(schedule, labour, 1.0);
    }

    /** The best response of a worker with this rebate treatment among {@code workers} workers. */
    public RationalBestResponse(TaxSchedule schedule, LabourModel labour, RebateTreatment rebate, int workers) {
        this(schedule, labour, rebate.ownTaxCostFraction(workers));
    }

    /**
     * @param ownTaxCostFraction k in (0, 1]: the share of each dollar of its own tax the worker counts as lost
     */
    public RationalBestResponse(TaxSchedule schedule, LabourModel labour, double ownTaxCostFraction) {
        if (!(ownTaxCostFraction >= 0 && ownTaxCostFraction <= 1)) {
            throw new IllegalArgumentException("own-tax cost fraction must be in 0..1, was " + ownTaxCostFraction);
        }
        this.labour = labour;
        int k = schedule.bracketCount();
        double delta = labour.disutilityExponent();
        this.cutoffsUsd = schedule.brackets().cutoffsUsd();
        this.rateFraction = new double[k + 1];
        this.taxAtCutoffUsd = new double[k + 1];
        this.interiorFactor = new double[k + 1];
        this.interiorFactorPow = new double[k + 1];
        this.cutoffPow = new double[k + 1];
        this.inverseExponent = 1.0 / (delta - 1);
        this.costScale = labour.disutilityCoefficient() * delta;
        boolean finite = true;
        for (int j = 0; j <= k; j++) {
            rateFraction[j] = j < k ? ownTaxCostFraction * schedule.ratePercent(j) / 100.0 : 0.0;
            taxAtCutoffUsd[j] = ownTaxCostFraction * schedule.taxAtCutoffUsd(j);
            double net = 1 - rateFraction[j];
            interiorFactor[j] = net <= 0 ? 0 : Math.pow(net / costScale, inverseExponent);
            interiorFactorPow[j] = Math.pow(interiorFactor[j], delta);
            cutoffPow[j] = Math.pow(cutoffsUsd[j], delta);
            finite &= Double.isFinite(interiorFactor[j]) && Double.isFinite(interiorFactorPow[j])
                    && Double.isFinite(cutoffPow[j]);
        }
        this.maxHoursPow = Math.pow(labour.maxHoursPerWeek(), delta);
        this.powersFinite = finite && Double.isFinite(maxHoursPow);
    }

    /**
     * Utility-maximising hours of a worker with its own exponent {@code delta} (heterogeneous elasticities): the same
     * slice-by-slice search with {@code c l^delta}; equal to {@link #hours(double)} when {@code delta} is the model's.
     * Allocation-free and thread-safe.
     */
    public double hours(double skill, double delta) {
        if (delta == labour.disutilityExponent()) {
            return hours(skill);
        }
        if (skill <= 0) {
            return 0;
        }
        double maxHours = labour.maxHoursPerWeek();
        double c = labour.disutilityCoefficient();
        double inverse = 1.0 / (delta - 1);
        double scale = c * delta;
        double bestHours = 0;
        double bestValue = 0; // f(0) = 0
        int slices = rateFraction.length;
        for (int j = 0; j < slices; j++) {
            double lo = cutoffsUsd[j] / skill;
            if (lo >= maxHours) {
                break;
            }
            double cutoffHi = j + 1 >= slices ? Double.POSITIVE_INFINITY : cutoffsUsd[j + 1] / skill;
            double hi = Math.min(cutoffHi, maxHours);
            double net = (1 - rateFraction[j]) * skill;
            double l = net <= 0 ? 0 : Math.pow(net / scale, inverse);
            l = Math.max(lo, Math.min(hi, l));
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

    /** Utility-maximising hours per week in {@code [0, maxHours]} for skill {@code v >= 0}. */
    public double hours(double skill) {
        if (skill <= 0) {
            return 0;
        }
        double maxHours = labour.maxHoursPerWeek();
        double c = labour.disutilityCoefficient();
        double delta = labour.disutilityExponent();
        double skillRoot = Math.pow(skill, inverseExponent);            // v^(1/(delta-1))
        double skillPow = Math.pow(skill, delta);                       // v^delta
        boolean fast = powersFinite && skillPow > 0 && Double.isFinite(skillPow);
        double interiorCostScale = skill * skillRoot;                   // v^(delta/(delta-1))
        double bestHours = 0;
        double bestValue = 0; // f(0) = 0
        int slices = rateFraction.length;
        for (int j = 0; j < slices; j++) {
            double lo = cutoffsUsd[j] / skill;
            if (lo >= maxHours) {
                break;
            }
            boolean topSlice = j + 1 >= slices;
            double cutoffHi = topSlice ? Double.POSITIVE_INFINITY : cutoffsUsd[j + 1] / skill;
            double hi = Math.min(cutoffHi, maxHours);
            double l = interiorFactor[j] * skillRoot;
            double cost;
            if (l <= lo) {
                l = lo;
                cost = fast ? cutoffPow[j] / skillPow : Math.pow(l, delta);
            } else if (l >= hi) {
                l = hi;
                cost = !fast ? Math.pow(l, delta) : hi == maxHours ? maxHoursPow : cutoffPow[j + 1] / skillPow;
            } else {
                cost = fast ? interiorFactorPow[j] * interiorCostScale : Math.pow(l, delta);
            }
            double z = skill * l;
            double tax = taxAtCutoffUsd[j] + rateFraction[j] * (z - cutoffsUsd[j]);
            double value = z - tax - c * cost;
            if (value > bestValue) {
                bestValue = value;
                bestHours = l;
            }
        }
        return bestHours;
    }
}
