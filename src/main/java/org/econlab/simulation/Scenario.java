package org.econlab.simulation;

import org.econlab.agents.PlannerKinds;
import org.econlab.agents.WorkerKinds;
import org.econlab.config.JsonFields;
import org.econlab.economy.LabourModel;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.config.InvalidInputException;
import org.econlab.population.PopulationSpec;
import org.econlab.random.NumpyRandomState;
import org.econlab.random.RandomSource;

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
 * @param random        where the randomness comes from: the lab's streams, or the reference's NumPy generator
 *                      (then the seed must be in 0..2^32 - 1)
 */
public record Scenario(String name, String description, long seed, int steps, int taxYearSteps, int warmupSteps,
                       PopulationSpec population, TaxSchedule startSchedule, LabourModel labour, WelfareFunction swf,
                       AgentSpec worker, AgentSpec planner, RandomSource random) {

    /**
     * @throws InvalidInputException naming {@code seed} when the reference's generator cannot take it
     */
    public Scenario {
        java.util.Objects.requireNonNull(random, "random");
        if (random == RandomSource.NUMPY && (seed < 0 || seed > NumpyRandomState.MAX_SEED)) {
            throw new InvalidInputException("seed", seed + " is outside 0..4294967295, the seeds NumPy's"
                    + " np.random.seed accepts (random: numpy reproduces the reference's generator)");
        }
    }

    /** A scenario on the lab's own random streams. */
    public Scenario(String name, String description, long seed, int steps, int taxYearSteps, int warmupSteps,
                    PopulationSpec population, TaxSchedule startSchedule, LabourModel labour, WelfareFunction swf,
                    AgentSpec worker, AgentSpec planner) {
        this(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule, labour, swf, worker,
                planner, RandomSource.LAB);
    }

    /**
     * Whether sums are done as the reference does them (NumPy's pairwise sum for the tax revenue, the welfare as
     * Python's sequential sum of {@code u / max(z, 1)}): under {@code random: numpy}, and whenever an LLM agent
     * prints the paper's prompt text (the lab's own order otherwise, which the existing records keep).
     */
    public boolean referenceArithmetic() {
        return random == RandomSource.NUMPY || paperText(worker) || paperText(planner);
    }

    private static boolean paperText(AgentSpec agent) {
        com.google.gson.JsonObject o = agent.json();
        com.google.gson.JsonElement electorate = o.get("electorate");
        if (electorate != null && electorate.isJsonPrimitive()) {
            return "llm".equals(electorate.getAsString());
        }
        if (electorate != null && electorate.isJsonObject() && paperText(electorate.getAsJsonObject())) {
            return true;
        }
        return paperText(o);
    }

    private static boolean paperText(com.google.gson.JsonObject o) {
        if (!o.has("kind") || !o.get("kind").isJsonPrimitive() || !"llm".equals(o.get("kind").getAsString())) {
            return false;
        }
        return !o.has("promptText") || "paper".equalsIgnoreCase(o.get("promptText").getAsString());
    }

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
                labour, swf, worker, planner, random);
    }

    public Scenario withSteps(int newSteps) {
        return new Scenario(name, description, seed, newSteps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, worker, planner, random);
    }

    public Scenario withAgents(int agents) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population.withAgents(agents),
                startSchedule, labour, swf, worker, planner, random);
    }

    public Scenario withPlanner(AgentSpec newPlanner) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, worker, newPlanner, random);
    }

    public Scenario withWorker(AgentSpec newWorker) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, newWorker, planner, random);
    }

    public Scenario withSwf(WelfareFunction newSwf) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, newSwf, worker, planner, random);
    }

    public Scenario withRandom(RandomSource newRandom) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, startSchedule,
                labour, swf, worker, planner, newRandom);
    }

    public Scenario withStartSchedule(TaxSchedule schedule) {
        return new Scenario(name, description, seed, steps, taxYearSteps, warmupSteps, population, schedule,
                labour, swf, worker, planner, random);
    }
}
