package org.econlab.economy;

/**
 * The worker's quasi-linear utility {@code u = z~ - c * l^delta} and the range of labour hours
 * (paper-model §3.2). Hours are hours of labour per week; {@code z~} is post-tax income in dollars
 * per year. The paper's constants are {@link #PAPER}: c = 0.0005, delta = 3.5, hours in [0, 100].
 *
 * @param disutilityCoefficient c, positive
 * @param disutilityExponent    delta, greater than 1 (so the cost of labour is convex)
 * @param maxHoursPerWeek       upper end of the labour range, positive
 */
public record LabourModel(double disutilityCoefficient, double disutilityExponent, double maxHoursPerWeek) {

    /** The reference implementation's constants. */
    public static final LabourModel PAPER = new LabourModel(0.0005, 3.5, 100);

    public LabourModel {
        if (!(disutilityCoefficient > 0) || !Double.isFinite(disutilityCoefficient)) {
            throw new IllegalArgumentException("c must be a positive number, was " + disutilityCoefficient);
        }
        if (!(disutilityExponent > 1) || !Double.isFinite(disutilityExponent)) {
            throw new IllegalArgumentException("delta must be greater than 1, was " + disutilityExponent);
        }
        if (!(maxHoursPerWeek > 0) || !Double.isFinite(maxHoursPerWeek)) {
            throw new IllegalArgumentException("maxHours must be positive, was " + maxHoursPerWeek);
        }
    }

    /** The disutility of labour {@code c * l^delta}, in the same units as income. */
    public double labourCost(double hoursPerWeek) {
        return disutilityCoefficient * Math.pow(hoursPerWeek, disutilityExponent);
    }

    /**
     * The disutility {@code c * l^delta_i} of a worker with its own exponent {@code delta_i} (heterogeneous
     * elasticities, issue 20); c and the labour range are the scenario's.
     */
    public double labourCost(double hoursPerWeek, double ownExponent) {
        return disutilityCoefficient * Math.pow(hoursPerWeek, ownExponent);
    }

    /** Isoelastic ("egotistical") utility {@code z~ - c * l^delta}. */
    public double utility(double postTaxIncomeUsd, double hoursPerWeek) {
        return postTaxIncomeUsd - labourCost(hoursPerWeek);
    }

    /**
     * Interior optimum of {@code (1-t) v l - c l^delta}: {@code ((1-t) v / (c delta))^(1/(delta-1))},
     * not clipped to the labour range.
     *
     * @param marginalRateFraction t in [0, 1]
     * @param skill                v, dollars per hour-of-weekly-labour per year
     */
    public double interiorHours(double marginalRateFraction, double skill) {
        double netWage = (1 - marginalRateFraction) * skill;
        if (netWage <= 0) {
            return 0;
        }
        return Math.pow(netWage / (disutilityCoefficient * disutilityExponent), 1.0 / (disutilityExponent - 1));
    }

    /** Frisch elasticity of labour supply, {@code 1/(delta-1)}: 0.4 for the paper's delta. */
    public double frischElasticity() {
        return 1.0 / (disutilityExponent - 1);
    }
}
