package org.econlab.ui.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.agents.PlannerKinds;
import org.econlab.agents.WorkerKinds;
import org.econlab.economy.SaezOptimalRates;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The reference lines a run is drawn against, computed on the thread that builds the run: Saez rates and the
 * Stackelberg optimum on the rate chart, and the reference planners' SWF on the run's own population.
 */
public final class RunReferences {

    private RunReferences() {
    }

    /**
     * Reference rate lines drawn on the marginal-rate chart, computed off the FX thread when a run is
     * built: Saez (dashed) and, for rational workers, the Stackelberg grid optimum (dotted). A function may
     * return null when its line does not apply.
     */
    public static final Map<String, Function<Simulation, double[]>> REFERENCES = new LinkedHashMap<>();

    /** Above this many workers the Stackelberg search (every grid schedule x every worker) is skipped. */
    public static final int STACKELBERG_MAX_AGENTS = 20_000;

    static {
        REFERENCES.put("Saez", sim -> SaezOptimalRates.ratesPercent(sim.population().skills(),
                sim.scenario().brackets(), saezElasticity(sim)));
        // each worker best-responds with its own delta when the population has them (heterogeneous elasticities)
        REFERENCES.put("Stackelberg", sim -> "rational".equals(sim.workerKind())
                && sim.population().size() <= STACKELBERG_MAX_AGENTS
                ? org.econlab.economy.StackelbergSearch.optimum(new org.econlab.economy.StackelbergSearch.Problem(
                        sim.population().skills(), sim.scenario().brackets(), sim.scenario().labour(),
                        sim.scenario().swf(), WorkerKinds.rebateOf(sim.scenario().worker().json()),
                        sim.population().deltas())).ratesPercent()
                : null);
    }


    /**
     * Worker kinds whose one-step outcome under another planner is cheap and side-effect free, so the
     * reference planners' SWF can be computed on the run's own population (never for LLM workers).
     */
    public static final java.util.Set<String> STATELESS_WORKERS = java.util.Set.of("rational", "fixed");

    /**
     * SWF of one step under each reference planner (Saez, U.S. federal when the brackets allow it, free
     * market) on the run's own population, for built-in stateless workers only. Runs on the builder
     * thread, next to the run.
     */
    public static Map<String, Double> referenceWelfare(Simulation sim) {
        Scenario s = sim.scenario();
        Map<String, Double> out = new LinkedHashMap<>();
        if (!STATELESS_WORKERS.contains(s.worker().kind())) {
            return out;
        }
        Map<String, org.econlab.simulation.AgentSpec> planners = new LinkedHashMap<>();
        JsonObject saez = new JsonObject();
        saez.addProperty("kind", PlannerKinds.SAEZ);
        com.google.gson.JsonArray e = new com.google.gson.JsonArray();
        for (double v : saezElasticity(sim)) {
            e.add(v);
        }
        saez.add("elasticity", e);
        planners.put("Saez", new org.econlab.simulation.AgentSpec(PlannerKinds.SAEZ, saez));
        if (s.brackets().equals(org.econlab.economy.BracketPreset.US_FED_2024.brackets())) {
            planners.put("U.S. federal", org.econlab.simulation.AgentSpec.of(PlannerKinds.US_FED));
        }
        planners.put("Free market", org.econlab.simulation.AgentSpec.of(PlannerKinds.FREE_MARKET));
        for (Map.Entry<String, org.econlab.simulation.AgentSpec> p : planners.entrySet()) {
            try {
                Scenario alt = s.withPlanner(p.getValue()).withSteps(1);
                out.put(p.getKey(), new Simulation(alt, sim.population(), false).step().swf());
            } catch (RuntimeException ex) {
                // a reference line is an aid; skip the one that cannot be computed
            }
        }
        return out;
    }


    /**
     * Saez elasticity for the reference line: the saez planner's own numbers, else the model's own labour
     * elasticity 1/(delta-1) (also for {@code "estimated"}, which needs a run to estimate).
     */
    public static double[] saezElasticity(Scenario s) {
        JsonObject p = s.planner().json();
        JsonElement e = p.get("elasticity");
        if (PlannerKinds.SAEZ.equals(s.planner().kind()) && e != null
                && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            if (e.isJsonArray()) {
                double[] out = new double[e.getAsJsonArray().size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = e.getAsJsonArray().get(i).getAsDouble();
                }
                return out;
            }
            return new double[] {e.getAsDouble()};
        }
        return new double[] {s.labour().frischElasticity()};
    }

    /**
     * Saez elasticity for the reference lines of a run: the saez planner's own numbers when it gives them; else, when
     * the workers have their own deltas, the core's bracket elasticities ({@link SaezOptimalRates#bracketElasticities},
     * the income-weighted mean of {@code 1/(delta_i - 1)} per bracket) or, for a saez planner with elasticity
     * {@code "mean"}, the one population mean ({@link SaezOptimalRates#meanElasticity}); else
     * {@link #saezElasticity(Scenario)}.
     */
    public static double[] saezElasticity(Simulation sim) {
        Scenario s = sim.scenario();
        double[] deltas = sim.population().deltas();
        JsonElement e = s.planner().json().get("elasticity");
        boolean saez = PlannerKinds.SAEZ.equals(s.planner().kind());
        if (deltas == null || saez && e != null && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            return saezElasticity(s);
        }
        double[] skills = sim.population().skills();
        if (saez && e != null && PlannerKinds.ELASTICITY_MEAN.equals(e.getAsString())) {
            return new double[] {SaezOptimalRates.meanElasticity(skills, deltas)};
        }
        return SaezOptimalRates.bracketElasticities(skills, deltas, s.brackets());
    }

    /** The reference rate lines (name to percent per bracket) that apply to {@code sim}; a line that fails is left out. */
    public static Map<String, double[]> rates(Simulation sim) {
        Map<String, double[]> refs = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Simulation, double[]>> e : REFERENCES.entrySet()) {
            try {
                double[] r = e.getValue().apply(sim);
                if (r != null) {
                    refs.put(e.getKey(), r);
                }
            } catch (RuntimeException ignored) {
                // A reference line is an aid; a run goes on without it.
            }
        }
        return refs;
    }
}
