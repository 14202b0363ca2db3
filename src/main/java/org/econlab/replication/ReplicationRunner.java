package org.econlab.replication;

import org.econlab.economy.StackelbergSearch;
import org.econlab.population.Population;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes the runs of a {@link ReplicationPlan}. Each run is single-threaded and seeded; runs are spread over a
 * pool of threads, so the rows (returned in plan order) do not depend on the thread count.
 */
public final class ReplicationRunner {

    private ReplicationRunner() {
    }

    /** Every run of {@code plan}, in plan order, on {@code threads} threads. */
    public static List<ReplicationRow> run(ReplicationPlan plan, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<ReplicationRow>>> futures = new ArrayList<>();
            for (ReplicationPlan.Cell cell : plan.cells()) {
                futures.add(pool.submit(() -> runCell(cell)));
            }
            List<ReplicationRow> rows = new ArrayList<>();
            for (Future<List<ReplicationRow>> f : futures) {
                rows.addAll(f.get());
            }
            return rows;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One cell: its population once, the rational Stackelberg reference once, then each planner's run. */
    private static List<ReplicationRow> runCell(ReplicationPlan.Cell cell) {
        Scenario sc = cell.scenario();
        Population population = Population.generate(sc.population(), sc.seed());
        double reference = StackelbergSearch.optimum(new StackelbergSearch.Problem(population.skills(), sc.brackets(),
                sc.labour(), sc.swf(), ReplicationPlan.referenceRebate())).swf();
        List<ReplicationRow> rows = new ArrayList<>();
        for (ReplicationPlan.Run run : cell.runs()) {
            rows.add(runOne(run, population, reference));
        }
        return rows;
    }

    static ReplicationRow runOne(ReplicationPlan.Run run, Population population, double reference) {
        Scenario scenario = run.scenario();
        Simulation sim = new Simulation(scenario, population, false);
        int n = scenario.steps();
        int from = (int) Math.floor(0.8 * n);
        double swf = 0;
        double exploit = 0;
        double idle = 0;
        int exploitCount = 0;
        double labor = 0;
        double gini = 0;
        double tax = 0;
        int count = 0;
        StepSnapshot last = null;
        while (!sim.isFinished()) {
            last = sim.step();
            if (last.step() >= from) {
                swf += last.swf();
                labor += last.meanHours();
                gini += last.gini();
                tax += last.totalTaxUsd();
                count++;
            }
            if (last.step() > 0.9 * n) {
                exploit += last.swf();
                idle += countZero(sim.state().hours());
                exploitCount++;
            }
        }
        return new ReplicationRow(run.name(), scenario.swf().displayName(), run.planner().label(), scenario.seed(),
                last.swf(), swf / count, exploit / exploitCount, labor / count, gini / count, tax / count,
                last.ratesPercent(), countZero(sim.state().income()), idle / exploitCount, reference);
    }

    private static int countZero(double[] x) {
        int n = 0;
        for (double v : x) {
            if (v <= 0) {
                n++;
            }
        }
        return n;
    }
}
