package org.econlab.agents;

import org.econlab.economy.LabourModel;
import org.econlab.economy.TaxSchedule;

/**
 * What every decision maker may know about the step being played. Immutable.
 *
 * @param seed              the run seed (draws go through {@link org.econlab.random.RandomStreams})
 * @param step              step index k, from 0
 * @param totalSteps        steps in the run
 * @param taxYearSteps      T, steps per tax year
 * @param schedule          the marginal rates in force this step
 * @param labour            utility constants and the labour range
 * @param previousSwf       SWF of the previous step (0 at step 0): the altruistic workers' utility
 * @param previousRebateUsd rebate of the previous step (0 at step 0)
 */
public record StepContext(long seed, int step, int totalSteps, int taxYearSteps, TaxSchedule schedule,
                          LabourModel labour, double previousSwf, double previousRebateUsd) {

    /** The tax year this step belongs to, from 0. */
    public int taxYear() {
        return step / taxYearSteps;
    }

    /** True on the last step of a tax year, when the paper's agents are told to choose "the best". */
    public boolean lastStepOfTaxYear() {
        return (step + 1) % taxYearSteps == 0;
    }

    /** True in the last 10% of the run ({@code k > 0.9 * steps}), when the paper's agents exploit. */
    public boolean inFinalTenth() {
        return step > 0.9 * totalSteps;
    }
}
