package org.econlab.ui.run;

import org.econlab.simulation.StepSnapshot;

/**
 * One step as the window shows it: the engine's snapshot plus two figures the window computes from the
 * workers' columns on the runner thread (never per agent on the FX thread).
 *
 * @param snapshot           the step's snapshot
 * @param idleWorkers        workers with pre-tax income below $1 (they work zero hours); -1 when unknown
 *                           (a run shown from its record)
 * @param idleWelfareShare   under the paper's SWF, the share of the step's SWF contributed by idle workers
 *                           ({@code sum_idle u_i / SWF}, each idle worker weighted 1 / max(z, 1) = 1); NaN for other
 *                           welfare functions or when unknown
 */
public record LiveStep(StepSnapshot snapshot, int idleWorkers, double idleWelfareShare) {

    /** A step read back from a run record: the window's own figures are unknown. */
    public static LiveStep recorded(StepSnapshot s) {
        return new LiveStep(s, -1, Double.NaN);
    }

    /** Whether idle workers contribute more than half of this step's SWF (paper's SWF only). */
    public boolean idleDominated() {
        return idleWelfareShare > 0.5;
    }
}
