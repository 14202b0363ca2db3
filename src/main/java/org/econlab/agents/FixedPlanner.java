package org.econlab.agents;

import org.econlab.economy.TaxSchedule;

/**
 * A planner that always sets the same rates: the U.S. federal schedule, the Saez rates, the free market
 * (0%), a uniform rate or rates given in the scenario (paper-model §8).
 */
public final class FixedPlanner implements PlannerPolicy {

    private final String kind;
    private final TaxSchedule schedule;

    public FixedPlanner(String kind, TaxSchedule schedule) {
        this.kind = kind;
        this.schedule = schedule;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        return schedule;
    }

    /** The rates this planner sets. */
    public TaxSchedule schedule() {
        return schedule;
    }
}
