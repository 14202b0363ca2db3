package org.econlab.lesson;

import org.econlab.population.Population;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import java.util.Arrays;

/**
 * Sums up one run of a {@link Measure.Kind#RUN} measurement while it plays: means over the final tenth of the steps
 * (when learning agents exploit what they learnt), the final rates, and how far the workers' hours are from their
 * exact best responses at the end. Fed by the stepping thread, one step at a time.
 */
final class RunTally {

    private final int steps;
    private final int windowFrom;
    private final double maxHours;
    private final double[] swfSeries;
    private final double[] rateSeries;
    private final double[] hoursSeries;
    private double swf;
    private double hours;
    private double revenue;
    private double rebate;
    private double gini;
    private double idle;
    private double corner;
    private int counted;
    private StepSnapshot last;
    private double gap;
    private double near;
    private double lowHours;

    RunTally(int steps, double maxHours) {
        this.steps = steps;
        this.windowFrom = steps - Math.max(1, steps / 10);
        this.maxHours = maxHours;
        this.swfSeries = new double[steps];
        this.rateSeries = new double[steps];
        this.hoursSeries = new double[steps];
    }

    /** After each step of {@code sim}. */
    void step(StepSnapshot s, Simulation sim) {
        last = s;
        int k = s.step();
        swfSeries[k] = s.swf();
        rateSeries[k] = Arrays.stream(s.ratesPercent()).average().orElse(0);
        hoursSeries[k] = s.meanHours();
        if (k >= windowFrom) {
            swf += s.swf();
            hours += s.meanHours();
            revenue += s.totalTaxUsd();
            rebate += s.rebateUsd();
            gini += s.gini();
            double[] h = sim.state().hours();
            int idleNow = 0;
            int cornerNow = 0;
            for (double x : h) {
                idleNow += x < 1 ? 1 : 0;
                cornerNow += x >= maxHours - 1 ? 1 : 0;
            }
            idle += idleNow;
            corner += (double) cornerNow / h.length;
            counted++;
        }
        if (k == steps - 1) {
            bestResponseGap(sim);
        }
    }

    private void bestResponseGap(Simulation sim) {
        BestResponses.Comparison c = BestResponses.of(sim);
        gap = c.meanGap();
        near = c.nearShare();
        Population pop = sim.population();
        double[] h = sim.state().hours();
        int[] order = pop.skillOrder();
        int tenth = Math.max(1, order.length / 10);
        double low = 0;
        for (int i = 0; i < tenth; i++) {
            low += h[order[i]];
        }
        lowHours = low / tenth;
    }

    boolean complete() {
        return last != null && last.step() == steps - 1 && counted > 0;
    }

    /** Records this run's quantities under {@code name} for seed number {@code seedIndex}. */
    void record(Quantities q, String name, int seedIndex) {
        if (!complete()) {
            throw new IllegalStateException("run " + name + " ended after " + (last == null ? 0 : last.step() + 1)
                    + " of " + steps + " steps");
        }
        put(q, name, "swf", seedIndex, swf / counted);
        put(q, name, "finalSwf", seedIndex, last.swf());
        put(q, name, "hours", seedIndex, hours / counted);
        put(q, name, "revenue", seedIndex, revenue / counted);
        put(q, name, "rebate", seedIndex, rebate / counted);
        put(q, name, "gini", seedIndex, gini / counted);
        put(q, name, "idle", seedIndex, idle / counted);
        put(q, name, "corner", seedIndex, corner / counted);
        put(q, name, "gap", seedIndex, gap);
        put(q, name, "near", seedIndex, near);
        put(q, name, "lowHours", seedIndex, lowHours);
        double[] rates = last.ratesPercent();
        put(q, name, "meanRate", seedIndex, Arrays.stream(rates).average().orElse(0));
        for (int j = 0; j < rates.length; j++) {
            put(q, name, "rate" + (j + 1), seedIndex, rates[j]);
        }
    }

    private static void put(Quantities q, String name, String quantity, int seedIndex, double v) {
        q.put(Quantities.key(name, quantity, Double.NaN), seedIndex, v);
    }

    double[] swfSeries() {
        return swfSeries.clone();
    }

    double[] rateSeries() {
        return rateSeries.clone();
    }

    double[] hoursSeries() {
        return hoursSeries.clone();
    }
}
