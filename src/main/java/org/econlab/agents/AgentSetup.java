package org.econlab.agents;

import org.econlab.economy.LabourModel;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;

/**
 * What a worker or planner policy is built from at the start of a run. Immutable.
 *
 * @param population    the workers' traits
 * @param startSchedule the marginal rates before the planner first acts
 * @param labour        utility constants and labour range
 * @param swfWeighting  the welfare the planner maximises
 * @param seed          the run seed
 * @param totalSteps    steps in the run
 * @param taxYearSteps  T, steps per tax year
 * @param context       the run's context: run-scoped services (LLM options, gateways, meter...), never static
 */
public record AgentSetup(Population population, TaxSchedule startSchedule, LabourModel labour,
                         WelfareFunction welfare, long seed, int totalSteps, int taxYearSteps, RunContext context) {

    public AgentSetup {
        java.util.Objects.requireNonNull(context, "context");
    }

    /** A setup with a fresh, empty run context (tests and tools that build one policy on its own). */
    public AgentSetup(Population population, TaxSchedule startSchedule, LabourModel labour,
                      WelfareFunction welfare, long seed, int totalSteps, int taxYearSteps) {
        this(population, startSchedule, labour, welfare, seed, totalSteps, taxYearSteps, RunContext.create());
    }
}
