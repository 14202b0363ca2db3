package org.econlab.population;

/**
 * The workers' per-step state as columns indexed by agent: labour hours (per week), pre-tax income z,
 * tax paid and isoelastic utility u (dollars per year). Post-tax income is {@code z - tax + rebate}.
 *
 * <p>Owned by the simulation and written only on the runner thread (or by its parallel workers on
 * disjoint index ranges during a step). Listeners receive immutable snapshots instead.
 */
public final class WorkerState {

    private final double[] hours;
    private final double[] income;
    private final double[] tax;
    private final double[] utility;
    private double rebateUsd;

    public WorkerState(int n) {
        hours = new double[n];
        income = new double[n];
        tax = new double[n];
        utility = new double[n];
    }

    public int size() {
        return hours.length;
    }

    /** Labour hours per week chosen this step. */
    public double[] hours() {
        return hours;
    }

    /** Pre-tax income z = v l, dollars per year. */
    public double[] income() {
        return income;
    }

    /** Tax paid T(z), dollars per year. */
    public double[] tax() {
        return tax;
    }

    /** Isoelastic utility {@code z - T + rebate - c l^delta}; the SWF's u for every utility type. */
    public double[] utility() {
        return utility;
    }

    /** The equal lump-sum rebate of this step, dollars per year per worker. */
    public double rebateUsd() {
        return rebateUsd;
    }

    public void setRebateUsd(double rebateUsd) {
        this.rebateUsd = rebateUsd;
    }

    /** Post-tax income of agent i: {@code z - T(z) + rebate}. */
    public double postTaxIncome(int i) {
        return income[i] - tax[i] + rebateUsd;
    }
}
