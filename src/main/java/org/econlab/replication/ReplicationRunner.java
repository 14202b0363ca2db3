package org.econlab.replication;

import org.econlab.economy.StackelbergSearch;
import org.econlab.population.Population;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.econlab.sweep.Shard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes the runs of a {@link ReplicationPlan}. Each run is single-threaded and seeded; cells (a scenario, welfare
 * function and seed with all its planners) are spread over a pool of threads, so the rows (returned in plan order)
 * do not depend on the thread count. With a {@link CellStore}, finished cells are kept and reused, and a
 * {@link Shard} runs only its slice of the cells (a Slurm array task or a Kubernetes Indexed Job each).
 */
public final class ReplicationRunner {

    private ReplicationRunner() {
    }

    /**
     * What a (possibly partial) replication produced.
     *
     * @param rows      the rows of every finished cell, in plan order; complete only if {@code missing} is 0
     * @param ran       cells run now
     * @param reused    cells read back from the store
     * @param missing   cells neither run nor found (they belong to other shards)
     */
    public record Outcome(List<ReplicationRow> rows, int ran, int reused, int missing) {
    }

    /** Every run of {@code plan}, in plan order, on {@code threads} threads. */
    public static List<ReplicationRow> run(ReplicationPlan plan, int threads) throws InterruptedException {
        return run(plan, threads, null, Shard.ALL).rows();
    }

    /**
     * The cells of {@code plan}: those finished in {@code store} (same fingerprint) are read back, those of
     * {@code shard} that are not are run (and kept in {@code store}), the others are left missing.
     *
     * @param store where finished cells are kept, or null to keep nothing
     */
    public static Outcome run(ReplicationPlan plan, int threads, CellStore store, Shard shard) throws InterruptedException {
        List<ReplicationPlan.Cell> cells = plan.cells();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<ReplicationRow>>> futures = new ArrayList<>();
            int ran = 0;
            int reused = 0;
            int missing = 0;
            for (int k = 0; k < cells.size(); k++) {
                ReplicationPlan.Cell cell = cells.get(k);
                List<ReplicationRow> kept = store == null ? null : store.read(k, cell);
                if (kept != null) {
                    reused++;
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(kept));
                } else if (shard.contains(k)) {
                    ran++;
                    int index = k;
                    futures.add(pool.submit(() -> {
                        List<ReplicationRow> rows = runCell(cell);
                        if (store != null) {
                            store.write(index, cell, rows);
                        }
                        return rows;
                    }));
                } else {
                    missing++;
                }
            }
            List<ReplicationRow> rows = new ArrayList<>();
            for (Future<List<ReplicationRow>> f : futures) {
                rows.addAll(f.get());
            }
            return new Outcome(rows, ran, reused, missing);
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
        Population population = Simulation.populationOf(sc);
        double reference = StackelbergSearch.optimum(new StackelbergSearch.Problem(population.skills(), sc.brackets(),
                sc.labour(), sc.swf(), ReplicationPlan.referenceRebate(), population.deltas())).swf();
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
