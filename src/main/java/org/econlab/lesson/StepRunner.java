package org.econlab.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.econlab.economy.RationalBestResponse;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.simulation.MemoryEstimate;
import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.SideBySide;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs one lesson step headless: every measurement on every seed of the step (the runs of one seed share one
 * population, so differences are paired), then fills the explanation and checks the claims. A step's two
 * side-by-side runs play in lockstep through {@link SideBySide}, and an {@link Observer} sees each pair of steps as
 * it is played (the window draws them live).
 *
 * <p>Threads: runs on the calling thread (the window must call it off its UI thread); the observer is called on it.
 */
public final class StepRunner {

    /** Hears of a step's progress, on the running thread. */
    public interface Observer {
        /** A side-by-side pair of steps of the measurements labelled {@code left} and {@code right} on {@code seed}. */
        default void paired(String left, String right, long seed, SideBySide.Pair pair) {
        }

        /** The measurement labelled {@code measure} is done on a seed; {@code done} of {@code total}. */
        default void progress(String measure, long seed, int done, int total) {
        }

        /**
         * Asked before every simulated step: true abandons the step's computation ({@link #run} then throws a
         * {@link java.util.concurrent.CancellationException}), e.g. when the teacher moved on to another step.
         */
        default boolean cancelled() {
            return false;
        }
    }

    /** An observer that ignores everything. */
    public static final Observer QUIET = new Observer() {
    };

    private StepRunner() {
    }

    /**
     * Runs {@code step} of a lesson.
     *
     * @param current the economy before the step (the previous step's {@link StepResult#scenario()}, or the window's);
     *                may be null when the step names its own scenario
     * @throws IllegalArgumentException when a placeholder or claim names a quantity the step did not compute
     */
    public static StepResult run(LessonStep step, Scenario current, Observer observer) {
        Scenario scenario = step.scenarioFrom(current);
        List<Long> seeds = step.seeds();
        Quantities q = new Quantities(seeds);
        Map<String, RunTally> firstSeedRuns = new LinkedHashMap<>();
        Map<String, double[][]> flatSeries = new LinkedHashMap<>();
        int total = seeds.size() * step.measures().size();
        int done = 0;
        for (int si = 0; si < seeds.size(); si++) {
            long seed = seeds.get(si);
            Map<Object, Population> populations = new HashMap<>();
            for (Measure m : step.measures()) {
                Scenario ms = m.changes().applyTo(scenario).withSeed(seed);
                MemoryEstimate.check(ms);
                if (!step.sideBySide().isEmpty() && step.sideBySide().get(1).equals(m.name())) {
                    continue; // played with its partner
                }
                switch (m.kind()) {
                    case RUN -> {
                        if (!step.sideBySide().isEmpty() && step.sideBySide().get(0).equals(m.name())) {
                            Measure partner = step.measure(step.sideBySide().get(1));
                            Scenario ps = partner.changes().applyTo(scenario).withSeed(seed);
                            RunTally[] two = sideBySide(m.label(), ms, partner.label(), ps, seed, observer);
                            two[0].record(q, m.name(), si);
                            two[1].record(q, partner.name(), si);
                            if (si == 0) {
                                firstSeedRuns.put(m.name(), two[0]);
                                firstSeedRuns.put(partner.name(), two[1]);
                            }
                            done++;
                        } else {
                            Population pop = populations.computeIfAbsent(ms.population(),
                                    spec -> Population.generate(ms.population(), seed));
                            RunTally t = run(ms, pop, observer);
                            t.record(q, m.name(), si);
                            if (si == 0) {
                                firstSeedRuns.put(m.name(), t);
                            }
                        }
                    }
                    case FLAT_RATES -> flatRates(m, ms, populations.computeIfAbsent(ms.population(),
                            spec -> Population.generate(ms.population(), seed)), q, si, flatSeries);
                    case WORKER -> worker(m, ms, populations.computeIfAbsent(ms.population(),
                            spec -> Population.generate(ms.population(), seed)), q, si, flatSeries);
                    default -> throw new IllegalStateException(m.kind().toString());
                }
                done++;
                observer.progress(m.label(), seed, Math.min(done, total), total);
            }
        }
        for (Measure m : step.measures()) {
            if (m.kind() == Measure.Kind.RUN) {
                q.putText(m.name() + ".rates", meanRates(q, m.name(), scenario.brackets().count()));
            }
        }
        String explanation = Placeholders.fill(step.explanation(), q);
        List<ClaimResult> claims = step.claims().stream().map(c -> c.check(q)).toList();
        List<LessonChart> charts = StepCharts.of(step, scenario, firstSeedRuns, flatSeries, seeds);
        return new StepResult(step, scenario, q, explanation, claims, charts);
    }

    private static RunTally run(Scenario s, Population pop, Observer observer) {
        Simulation sim = new Simulation(s, pop, false);
        RunTally t = new RunTally(s.steps(), s.labour().maxHoursPerWeek());
        int seen = -1;
        while (!sim.isFinished()) {
            if (observer.cancelled()) {
                sim.end(RunOutcome.STOPPED, null);
                throw new CancellationException("the step's computation was abandoned");
            }
            StepSnapshot snap = sim.step();
            if (snap != null && snap.step() > seen) { // a stopped run returns its last complete step again
                seen = snap.step();
                t.step(snap, sim);
            }
        }
        return t;
    }

    private static RunTally[] sideBySide(String leftName, Scenario left, String rightName, Scenario right, long seed,
                                         Observer observer) {
        SideBySide both = new SideBySide(left, right, false);
        RunTally a = new RunTally(left.steps(), left.labour().maxHoursPerWeek());
        RunTally b = new RunTally(right.steps(), right.labour().maxHoursPerWeek());
        both.addListener((pair, economies) -> {
            a.step(pair.left(), economies.left());
            b.step(pair.right(), economies.right());
            observer.paired(leftName, rightName, seed, pair);
        });
        while (!both.isFinished()) {
            if (observer.cancelled()) {
                both.left().end(RunOutcome.STOPPED, null);
                both.right().end(RunOutcome.STOPPED, null);
                throw new CancellationException("the step's computation was abandoned");
            }
            both.step();
        }
        return new RunTally[] {a, b};
    }

    /** One flat rate in every bracket, workers at their exact best responses (one step of rational workers). */
    private static void flatRates(Measure m, Scenario s, Population pop, Quantities q, int si,
                                  Map<String, double[][]> series) {
        double[] rates = m.rates();
        double[] revenue = new double[rates.length];
        double[] swf = new double[rates.length];
        JsonObject worker = new JsonObject();
        worker.addProperty("kind", "rational");
        for (int i = 0; i < rates.length; i++) {
            JsonObject planner = new JsonObject();
            planner.addProperty("kind", "fixed");
            JsonArray r = new JsonArray();
            for (int j = 0; j < s.brackets().count(); j++) {
                r.add(new JsonPrimitive(rates[i]));
            }
            planner.add("rates", r);
            Scenario one = ScenarioChanges.of(changes(worker, planner)).applyTo(s).withSteps(1);
            Simulation sim = new Simulation(one, pop, false);
            StepSnapshot snap = sim.step();
            double[] h = sim.state().hours();
            int idle = 0;
            int corner = 0;
            for (double x : h) {
                idle += x < 1 ? 1 : 0;
                corner += x >= one.labour().maxHoursPerWeek() - 1 ? 1 : 0;
            }
            revenue[i] = snap.totalTaxUsd();
            swf[i] = snap.swf();
            q.put(Quantities.key(m.name(), "revenue", rates[i]), si, revenue[i]);
            q.put(Quantities.key(m.name(), "swf", rates[i]), si, swf[i]);
            q.put(Quantities.key(m.name(), "hours", rates[i]), si, snap.meanHours());
            q.put(Quantities.key(m.name(), "idle", rates[i]), si, idle);
            q.put(Quantities.key(m.name(), "corner", rates[i]), si, (double) corner / h.length);
        }
        int rMax = argMax(revenue);
        int wMax = argMax(swf);
        q.put(Quantities.key(m.name(), "revenueMaxRate", Double.NaN), si, rates[rMax]);
        q.put(Quantities.key(m.name(), "swfMaxRate", Double.NaN), si, rates[wMax]);
        q.put(Quantities.key(m.name(), "maxRevenue", Double.NaN), si, revenue[rMax]);
        q.put(Quantities.key(m.name(), "maxSwf", Double.NaN), si, swf[wMax]);
        if (si == 0) {
            series.put(m.name() + "|revenue", new double[][] {rates, revenue});
            series.put(m.name() + "|swf", new double[][] {rates, swf});
        }
    }

    private static JsonObject changes(JsonObject worker, JsonObject planner) {
        JsonObject c = new JsonObject();
        c.add("worker", worker);
        c.add("planner", planner);
        return c;
    }

    /** The agent view: one worker's exact best response to flat rates. */
    private static void worker(Measure m, Scenario s, Population pop, Quantities q, int si,
                               Map<String, double[][]> series) {
        double[] skills = pop.skills();
        Arrays.sort(skills);
        double v = skills[(int) Math.round(m.percentile() / 100 * (skills.length - 1))];
        double[] rates = m.rates();
        double[] hours = new double[rates.length];
        double[] wish = new double[rates.length];
        double own = RebateTreatment.OWN_SHARE.ownTaxCostFraction(pop.size());
        q.put(Quantities.key(m.name(), "skill", Double.NaN), si, v);
        q.put(Quantities.key(m.name(), "income40", Double.NaN), si, 40 * v);
        for (int i = 0; i < rates.length; i++) {
            TaxSchedule tax = TaxSchedule.uniform(s.brackets(), rates[i]);
            hours[i] = new RationalBestResponse(tax, s.labour(), RebateTreatment.OWN_SHARE, pop.size()).hours(v);
            wish[i] = s.labour().interiorHours(own * rates[i] / 100, v);
            q.put(Quantities.key(m.name(), "hours", rates[i]), si, hours[i]);
            q.put(Quantities.key(m.name(), "wish", rates[i]), si, wish[i]);
            q.put(Quantities.key(m.name(), "income", rates[i]), si, v * hours[i]);
            q.put(Quantities.key(m.name(), "tax", rates[i]), si, tax.taxUsd(v * hours[i]));
        }
        if (si == 0) {
            series.put(m.name() + "|hours", new double[][] {rates, hours});
            series.put(m.name() + "|wish", new double[][] {rates, wish});
        }
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String meanRates(Quantities q, String name, int brackets) {
        List<String> parts = new ArrayList<>();
        for (int j = 1; j <= brackets; j++) {
            parts.add(String.format(Locale.ROOT, "%.0f", Placeholders.mean(q.values(name + ".rate" + j))));
        }
        return String.join("/", parts);
    }
}
