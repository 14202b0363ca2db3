package org.econlab.economy;

/**
 * Social welfare functions of paper-model §7 over columns of utilities and pre-tax incomes.
 * Pure functions; the simulation uses the per-term forms to sum in fixed chunks so that parallel and
 * sequential runs add in the same order.
 */
public final class SocialWelfare {

    private SocialWelfare() {
    }

    /** Weight of one worker in the paper's SWF: {@code 1 / max(z, 1)}. */
    public static double inverseIncomeWeight(double incomeUsd) {
        return 1.0 / Math.max(incomeUsd, 1.0);
    }

    /** The paper's SWF {@code sum_i u_i / max(z_i, 1)} over indices {@code [0, n)}. */
    public static double inverseIncomeSum(double[] utility, double[] incomeUsd, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += utility[i] * inverseIncomeWeight(incomeUsd[i]);
        }
        return s;
    }

    /** SWF under a weighting, over indices {@code [0, n)}. */
    public static double of(SwfWeighting weighting, double[] utility, double[] incomeUsd, int n) {
        switch (weighting) {
            case INVERSE_INCOME:
                return inverseIncomeSum(utility, incomeUsd, n);
            case UTILITARIAN: {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += utility[i];
                }
                return s;
            }
            case INVERSE_INCOME_AVERAGE: {
                double weights = 0;
                for (int i = 0; i < n; i++) {
                    weights += inverseIncomeWeight(incomeUsd[i]);
                }
                return weights == 0 ? 0 : inverseIncomeSum(utility, incomeUsd, n) / weights;
            }
            default:
                throw new IllegalStateException(weighting.toString());
        }
    }
}
