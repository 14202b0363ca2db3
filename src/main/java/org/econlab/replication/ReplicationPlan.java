package org.econlab.replication;

import org.econlab.agents.WorkerKinds;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.WelfareFunction;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import com.google.gson.JsonObject;
import org.econlab.simulation.AgentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which runs a replication makes: the paper's four experiments under each welfare function, every planner of
 * {@link PlannerVariant#all()} that applies, on {@code seeds} seeds. Planners of one (scenario, welfare, seed)
 * run on the same population, so their differences are paired. The voting scenario draws its own populations
 * (seeds offset by {@value #VOTING_SEED_OFFSET}) so that it is not the bounded scenario again.
 *
 * @param scenarios sample names under {@code sample-scenarios/}
 * @param welfare   welfare functions to run each scenario under
 * @param seeds     seeds per (scenario, welfare, planner), at least 1
 * @param steps     steps per run, or null for the scenario's own
 * @param policies  the trained {@code policy_gradient} policy object per {@link #policyKey} (scenario name and
 *                  welfare function); a (scenario, welfare) without one runs no {@code policy_gradient}
 */
public record ReplicationPlan(List<String> scenarios, List<WelfareFunction> welfare, int seeds, Integer steps,
                              Map<String, JsonObject> policies) {

    public static final List<String> PAPER_SCENARIOS = List.of("rational-5", "us-fed-100", "bounded-100", "democratic-100");
    /** The paper's four experiments and the heterogeneous-elasticity one (issue 20). */
    public static final List<String> DEFAULT_SCENARIOS = List.of("rational-5", "us-fed-100", "bounded-100",
            "democratic-100", "hetero-us-fed-100");
    /**
     * First training seed of the {@code policy_gradient} planner: far above every evaluation seed a plan can use
     * (scenario seeds, the voting offset and at most 1,000 seeds), so training and evaluation populations are disjoint.
     */
    public static final long TRAINING_SEED_BASE = 1_000_000;
    public static final List<WelfareFunction> DEFAULT_WELFARE = List.of(WelfareFunction.PAPER, WelfareFunction.INVERSE_SKILL);
    public static final int VOTING_SEED_OFFSET = 1000;

    /** A plan without trained planners. */
    public ReplicationPlan(List<String> scenarios, List<WelfareFunction> welfare, int seeds, Integer steps) {
        this(scenarios, welfare, seeds, steps, Map.of());
    }

    /** The key of a trained policy: scenario name and welfare function. */
    public static String policyKey(String scenario, WelfareFunction welfare) {
        return scenario + "|" + welfare.id();
    }

    /** This plan with trained policies. */
    public ReplicationPlan withPolicies(Map<String, JsonObject> trained) {
        return new ReplicationPlan(scenarios, welfare, seeds, steps, trained);
    }

    /**
     * The (scenario, welfare) bases a {@code policy_gradient} planner is trained on, in plan order: the evaluation
     * scenario with its welfare function and steps (its seed is replaced by the training seeds).
     */
    public Map<String, Scenario> trainingScenarios() {
        Map<String, Scenario> out = new java.util.LinkedHashMap<>();
        for (String name : scenarios) {
            Scenario base = ScenarioCodec.readResource("/sample-scenarios/" + name + ".json");
            if (steps != null) {
                base = base.withSteps(steps);
            }
            for (WelfareFunction w : welfare) {
                out.put(policyKey(name, w), base.withSwf(w));
            }
        }
        return out;
    }

    public ReplicationPlan {
        scenarios = List.copyOf(scenarios);
        welfare = List.copyOf(welfare);
        policies = Map.copyOf(policies);
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1");
        }
    }

    /**
     * One run to make.
     *
     * @param name     sample name
     * @param scenario the scenario with its welfare function, seed, steps and planner set
     * @param planner  the planner variant
     */
    public record Run(String name, Scenario scenario, PlannerVariant planner) {
    }

    /** A (scenario, welfare, seed) cell: its base scenario, whose population every planner shares. */
    public record Cell(String name, Scenario scenario, List<Run> runs) {
    }

    /** Every cell in (scenario, welfare, seed) order, each with its runs in planner order. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String name : scenarios) {
            Scenario base = ScenarioCodec.readResource("/sample-scenarios/" + name + ".json");
            if (steps != null) {
                base = base.withSteps(steps);
            }
            long firstSeed = base.seed() + (base.planner().kind().equals("democratic") ? VOTING_SEED_OFFSET : 0);
            for (WelfareFunction w : welfare) {
                for (int s = 0; s < seeds; s++) {
                    Scenario sc = base.withSwf(w).withSeed(firstSeed + s);
                    List<Run> runs = new ArrayList<>();
                    for (PlannerVariant p : PlannerVariant.all()) {
                        if (!p.applies().test(sc)) {
                            continue;
                        }
                        if (p.label().equals(PlannerVariant.POLICY_GRADIENT)) {
                            JsonObject policy = policies.get(policyKey(name, w));
                            if (policy == null) {
                                continue;
                            }
                            JsonObject planner = p.planner();
                            planner.add("policy", policy.deepCopy());
                            runs.add(new Run(name, sc.withPlanner(new AgentSpec(PlannerVariant.POLICY_GRADIENT, planner)), p));
                        } else {
                            runs.add(new Run(name, sc.withPlanner(p.spec()), p));
                        }
                    }
                    cells.add(new Cell(name, sc, runs));
                }
            }
        }
        return cells;
    }

    /** How the Stackelberg reference assumes workers treat the rebate: the workers' default, own share. */
    public static RebateTreatment referenceRebate() {
        return WorkerKinds.DEFAULT_REBATE;
    }
}
