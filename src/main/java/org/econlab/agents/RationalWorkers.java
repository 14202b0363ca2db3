package org.econlab.agents;

import org.econlab.economy.RationalBestResponse;
import org.econlab.economy.RebateTreatment;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

/**
 * Workers who know the tax schedule and their utility and play the exact best response
 * ({@link RationalBestResponse}) every step: the paper's follower in a Stackelberg equilibrium. How they count
 * the rebate of their own tax is the scenario's choice ({@link RebateTreatment}, default own share). Workers with
 * their own deltas (heterogeneous elasticities) best-respond with their own.
 */
public final class RationalWorkers implements WorkerPolicy {

    public static final String KIND = "rational";

    private final RebateTreatment rebate;
    private final int workers;
    private RationalBestResponse bestResponse;
    private StepContext builtFor;

    /**
     * @param rebate  {@link RebateTreatment#PRICE_TAKING} or {@link RebateTreatment#OWN_SHARE}
     * @param workers N, the number of workers sharing the rebate
     */
    public RationalWorkers(RebateTreatment rebate, int workers) {
        if (rebate == RebateTreatment.REALISED) {
            throw new IllegalArgumentException("rational workers use price_taking or own_share");
        }
        this.rebate = rebate;
        this.workers = workers;
    }

    public RebateTreatment rebate() {
        return rebate;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void beginStep(StepContext ctx) {
        if (builtFor == null || !ctx.schedule().equals(builtFor.schedule()) || !ctx.labour().equals(builtFor.labour())) {
            bestResponse = new RationalBestResponse(ctx.schedule(), ctx.labour(), rebate, workers);
            builtFor = ctx;
        }
    }

    @Override
    public void chooseHours(StepContext ctx, Population population, WorkerState state, int from, int to) {
        double[] skills = population.skills();
        double[] hours = state.hours();
        RationalBestResponse br = bestResponse;
        double[] deltas = population.deltas();
        if (deltas != null) {
            for (int i = from; i < to; i++) {
                hours[i] = br.hours(skills[i], deltas[i]);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            hours[i] = br.hours(skills[i]);
        }
    }
}
