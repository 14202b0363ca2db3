package org.econlab.simulation;

import org.econlab.agents.PlannerKinds;
import org.econlab.agents.WorkerKinds;
import org.econlab.config.JsonFields;
import org.econlab.economy.LabourModel;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.PopulationSpec;

/**
 * A complete, validated experiment: population, brackets and starting rates, utility constants, the
 * worker and planner kinds, horizon and seed. Immutable; read and written by {@link ScenarioCodec}.
 *
 * @param name          short title
 * @param description   what the scenario shows (free text)
 * @param seed          run seed; the same scenario and seed give the same numbers
 * @param steps         number of steps (the paper's "years")
 * @param taxYearSteps  T, steps between planner decisions (paper default 25)
 * @param warmupSteps   no planner decision before this step (paper default 0)
 * @param population    who the workers are
 * @param startSchedule brackets with the marginal rates in force before the planner first acts
 * @param labour        utility constants c, delta and the labour range
 * @param swf           the welfare the planner maximises and the runs report
 * @param worker        the worker kind and its parameters
 * @param planner       the planner kind and its parameters
 */
public record Scenario(String name, String description, long seed, int steps, int taxYearSteps, int warmupSteps,
                       PopulationSpec population, TaxSchedule startSchedule, LabourModel labour, WelfareFunction swf,
                       AgentSpec worker, AgentSpec planner) {

    /** The version of the scenario file format this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public TaxBrackets brackets() {
        return startSchedule.brackets();
    }

    /** The worker factory (parameters were validated when the scenario was read). */
    public WorkerKinds.Factory workerFactory() {
        return WorkerKinds.parse(new JsonFields(worker.json(), "worker"), labour);
    }

    /** The planner factory (parameters were validated when the scenario was read). */
    public PlannerKinds.Factory plannerFactory() {
        return PlannerKinds.parse(new JsonFields(planner.json(), "planner"), brackets());
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, worker, planner);
    }

    public Scenario withSteps(int newSteps) {
        return new Scenario(name, description, seed, newSteps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, worker, planner);
    }

    public Scenario withAgents(int agents) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population.withAgents(agents),
                startSchedule, labour, swf, worker, planner);
    }

    public Scenario withPlanner(AgentSpec newPlanner) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, worker, newPlanner);
    }

    public Scenario withWorker(AgentSpec newWorker) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, newWorker, planner);
    }

    public Scenario withSwf(WelfareFunction newSwf) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, newSwf, worker, planner);
    }

    public Scenario withStartSchedule(TaxSchedule schedule) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, schedule,
                labour, swf, worker, planner);
    }
}
