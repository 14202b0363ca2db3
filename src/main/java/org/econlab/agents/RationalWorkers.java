package org.econlab.agents;

import org.econlab.economy.RationalBestResponse;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

/**
 * Workers who know the tax schedule and their utility and play the exact best response
 * ({@link RationalBestResponse}) every step: the paper's follower in a Stackelberg equilibrium.
 */
public final class RationalWorkers implements WorkerPolicy {

    public static final String KIND = "rational";

    private RationalBestResponse bestResponse;
    private StepContext builtFor;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void beginStep(StepContext ctx) {
        if (builtFor == null || !ctx.schedule().equals(builtFor.schedule()) || !ctx.labour().equals(builtFor.labour())) {
            bestResponse = new RationalBestResponse(ctx.schedule(), ctx.labour());
            builtFor = ctx;
        }
    }

    @Override
    public void chooseHours(StepContext ctx, Population population, WorkerState state, int from, int to) {
        double[] skills = population.skills();
        double[] hours = state.hours();
        RationalBestResponse br = bestResponse;
        for (int i = from; i < to; i++) {
            hours[i] = br.hours(skills[i]);
        }
    }
}
