package org.econlab.replication;

import org.econlab.agents.WorkerKinds;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.WelfareFunction;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.util.ArrayList;
import java.util.List;

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
 */
public record ReplicationPlan(List<String> scenarios, List<WelfareFunction> welfare, int seeds, Integer steps) {

    public static final List<String> PAPER_SCENARIOS = List.of("rational-5", "us-fed-100", "bounded-100", "democratic-100");
    public static final List<WelfareFunction> DEFAULT_WELFARE = List.of(WelfareFunction.PAPER, WelfareFunction.INVERSE_SKILL);
    public static final int VOTING_SEED_OFFSET = 1000;

    public ReplicationPlan {
        scenarios = List.copyOf(scenarios);
        welfare = List.copyOf(welfare);
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
                        if (p.applies().test(sc)) {
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
