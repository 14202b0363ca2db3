package org.econlab.lesson;

import org.econlab.economy.RationalBestResponse;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.simulation.Simulation;

/**
 * How far workers' chosen hours are from their exact best responses (own share of the rebate, the Nash best
 * response of the game the simulation plays) under the rates in force: for a class, the students' choices against the
 * model's. Read on the thread that steps the simulation, between steps.
 */
public final class BestResponses {

    /** Hours within this distance of the best response count as "near". */
    public static final double NEAR_HOURS = 10;

    /**
     * The comparison for some workers.
     *
     * @param agents   the workers compared
     * @param chosen   their hours in the last step
     * @param best     their best responses to the rates of that step
     * @param meanGap  mean of |chosen - best|, hours per week
     * @param nearShare share of them within {@link #NEAR_HOURS} of their best response, 0..1
     */
    public record Comparison(int[] agents, double[] chosen, double[] best, double meanGap, double nearShare) {
        public Comparison {
            agents = agents.clone();
            chosen = chosen.clone();
            best = best.clone();
        }

        @Override
        public int[] agents() {
            return agents.clone();
        }

        @Override
        public double[] chosen() {
            return chosen.clone();
        }

        @Override
        public double[] best() {
            return best.clone();
        }
    }

    private BestResponses() {
    }

    /** Every worker of {@code sim}, after its last step. */
    public static Comparison of(Simulation sim) {
        int[] all = new int[sim.population().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return of(sim, all);
    }

    /**
     * The workers {@code agents} of {@code sim} (e.g. the seats a class holds), after its last step, against the
     * rates of that step.
     */
    public static Comparison of(Simulation sim, int[] agents) {
        if (sim.lastSnapshot() == null) {
            throw new IllegalStateException("no step played yet");
        }
        Population pop = sim.population();
        TaxSchedule tax = TaxSchedule.of(sim.scenario().brackets(), sim.lastSnapshot().ratesPercent());
        RationalBestResponse br = new RationalBestResponse(tax, sim.scenario().labour(), RebateTreatment.OWN_SHARE,
                pop.size());
        double[] hours = sim.state().hours();
        double[] chosen = new double[agents.length];
        double[] best = new double[agents.length];
        double sum = 0;
        int near = 0;
        for (int k = 0; k < agents.length; k++) {
            chosen[k] = hours[agents[k]];
            best[k] = br.hours(pop.skill(agents[k]));
            double d = Math.abs(chosen[k] - best[k]);
            sum += d;
            near += d <= NEAR_HOURS ? 1 : 0;
        }
        int n = Math.max(1, agents.length);
        return new Comparison(agents, chosen, best, sum / n, (double) near / n);
    }
}
