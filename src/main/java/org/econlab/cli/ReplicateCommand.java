package org.econlab.cli;

import org.econlab.agents.PlannerKinds;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.StackelbergSearch;
import org.econlab.governance.DemocraticPlanner;
import org.econlab.population.Population;
import org.econlab.simulation.AgentSpec;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code replicate}: the paper's experiments with built-in agents. For each sample scenario
 * (rational-5, us-fed-100, bounded-100, democratic-100) and each seed it runs, on the same population,
 * the planners icrl, saez, us_fed (U.S. brackets only), free_market, stackelberg (the grid optimum for
 * rational followers, played against the scenario's own workers) and, for the voting scenario, the
 * democratic procedure; it writes {@code replication.csv} (one row per run) and {@code replication.md}
 * (mean +- sd per scenario and planner, gap to stackelberg). Runs are independent and deterministic, so
 * they are spread over the cores without changing any number.
 */
@Command(name = "replicate", description = "Run the paper's experiments with built-in agents; writes DIR/replication.csv and DIR/replication.md.")
final class ReplicateCommand implements Callable<Integer> {

    static final List<String> SCENARIOS = List.of("rational-5", "us-fed-100", "bounded-100", "democratic-100");
    static final int QUICK_STEPS = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "1 seed and " + QUICK_STEPS + " steps per run (under a minute)")
    boolean quick;

    @Option(names = "--seeds", description = "seeds per scenario and planner (default 3, or 1 with --quick)")
    Integer seeds;

    @Option(names = "--steps", description = "override the steps of every run")
    Integer steps;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--threads", description = "runs in parallel (default: all cores)")
    Integer threads;

    /** One run's figures. */
    record Row(String scenario, String planner, long seed, double swfFinal, double swfMeanLast20, double swfExploit,
               double meanLabor,
               double gini, double totalTax, double[] finalRates, int zeroIncomeFinal, double stackelbergRationalSwf) {
    }

    @Override
    public Integer call() throws Exception {
        int nSeeds = seeds != null ? seeds : quick ? 1 : 3;
        if (nSeeds < 1 || nSeeds > 1000) {
            throw new InvalidInputException("--seeds", nSeeds + " is outside 1..1000");
        }
        if (steps != null && (steps < 10 || steps > ScenarioCodec.MAX_STEPS)) {
            throw new InvalidInputException("--steps", steps + " is outside 10.." + ScenarioCodec.MAX_STEPS);
        }
        Integer runSteps = steps != null ? steps : quick ? Integer.valueOf(QUICK_STEPS) : null;
        PrintWriter o = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        List<Row> rows = run(nSeeds, runSteps, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("replication.csv"), csv(rows), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("replication.md"), markdown(rows, nSeeds, runSteps), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        o.println(String.format(Locale.ROOT, "replicate: %d runs in %.1f s -> %s", rows.size(),
                (System.nanoTime() - t0) / 1e9, out.resolve("replication.md")));
        return LabCli.OK;
    }

    /** Every run, in (scenario, seed, planner) order. */
    static List<Row> run(int nSeeds, Integer runSteps, int threadCount) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threadCount));
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (String name : SCENARIOS) {
                Scenario base = ScenarioCodec.readResource("/sample-scenarios/" + name + ".json");
                if (runSteps != null) {
                    base = base.withSteps(runSteps);
                }
                for (int s = 0; s < nSeeds; s++) {
                    Scenario sc = base.withSeed(base.seed() + s);
                    Population population = Population.generate(sc.population(), sc.seed());
                    double reference = StackelbergSearch.optimum(new StackelbergSearch.Problem(population.skills(),
                            sc.brackets(), sc.labour(), sc.swf(), RebateTreatment.OWN_SHARE)).swf();
                    for (String planner : planners(sc)) {
                        Scenario run = planner.equals(sc.planner().kind()) ? sc : sc.withPlanner(AgentSpec.of(planner));
                        futures.add(pool.submit(() -> runOne(name, planner, run, population, reference)));
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> planners(Scenario sc) {
        List<String> p = new ArrayList<>(List.of("icrl", PlannerKinds.SAEZ));
        if (sc.brackets().equals(BracketPreset.US_FED_2024.brackets())) {
            p.add(PlannerKinds.US_FED);
        }
        p.add(PlannerKinds.FREE_MARKET);
        p.add(PlannerKinds.STACKELBERG);
        if (sc.planner().kind().equals(DemocraticPlanner.KIND)) {
            p.add(DemocraticPlanner.KIND);
        }
        return p;
    }

    static Row runOne(String name, String planner, Scenario scenario, Population population, double reference) {
        Simulation sim = new Simulation(scenario, population, false);
        int n = scenario.steps();
        int from = (int) Math.floor(0.8 * n);
        double swf = 0;
        double exploit = 0;
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
            if (last.step() > 0.9 * n) { // the final tenth: every learning agent chooses its best
                exploit += last.swf();
                exploitCount++;
            }
        }
        return new Row(name, planner, scenario.seed(), last.swf(), swf / count, exploit / exploitCount, labor / count, gini / count,
                tax / count, last.ratesPercent(), zeroIncome(sim.state().income()), reference);
    }

    private static int zeroIncome(double[] z) {
        int n = 0;
        for (double x : z) {
            if (x <= 0) {
                n++;
            }
        }
        return n;
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(
                "scenario,planner,seed,swf_final,swf_mean_last20pct,swf_mean_exploit,mean_labor,gini,total_tax,final_rates,"
                        + "zero_income_final,stackelberg_rational_swf\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.4f,%.6f,%.2f,%s,%d,%.6f%n", r.scenario(),
                    r.planner(), r.seed(), r.swfFinal(), r.swfMeanLast20(), r.swfExploit(), r.meanLabor(), r.gini(), r.totalTax(),
                    rates(r.finalRates(), " "), r.zeroIncomeFinal(), r.stackelbergRationalSwf()));
        }
        return b.toString();
    }

    private static String rates(double[] r, String sep) {
        return Arrays.stream(r).mapToObj(x -> String.format(Locale.ROOT, "%.0f", x)).collect(Collectors.joining(sep));
    }

    static String markdown(List<Row> rows, int nSeeds, Integer runSteps) {
        StringBuilder b = new StringBuilder("# Replication with built-in agents\n\n");
        b.append(String.format(Locale.ROOT, "%d seed(s) per scenario and planner, %s steps per run, tax year 25 steps. "
                + "SWF = sum u_i / max(z_i, 1). `swf last 20%%`, `mean labor`, `gini` and `total tax` are means over the "
                + "last 20%% of the steps; `swf final` is the last step's; `swf exploit` is the mean over the last 10%% of the steps, where every learning agent plays its best (no exploration). Values are mean +- sd over seeds. "
                + "`gap to stackelberg` compares `swf last 20%%` with the stackelberg planner's (the grid optimum for "
                + "rational followers, played against the same workers). `rational optimum` is the Stackelberg SWF "
                + "when every worker plays its exact best response.%n%n",
                nSeeds, runSteps == null ? "the scenario's" : String.valueOf(runSteps)));
        Map<String, Map<String, List<Row>>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>()).computeIfAbsent(r.planner(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, List<Row>>> e : by.entrySet()) {
            Map<String, List<Row>> planners = e.getValue();
            List<Row> all = planners.values().iterator().next();
            b.append("## ").append(e.getKey()).append("\n\n");
            b.append(String.format(Locale.ROOT, "rational optimum (Stackelberg, best-responding workers): SWF %s%n%n",
                    meanSd(all.stream().mapToDouble(Row::stackelbergRationalSwf).toArray(), 3)));
            b.append("| planner | swf final | swf last 20% | swf exploit (last 10%) | gap to stackelberg | mean labor | gini"
                    + " | total tax | zero-income workers at the end | final rates (seed 1) |\n");
            b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            List<Row> st = planners.get(PlannerKinds.STACKELBERG);
            double stMean = st == null ? Double.NaN : mean(st.stream().mapToDouble(Row::swfMeanLast20).toArray());
            for (Map.Entry<String, List<Row>> p : planners.entrySet()) {
                List<Row> rs = p.getValue();
                double[] last20 = rs.stream().mapToDouble(Row::swfMeanLast20).toArray();
                double gap = mean(last20) - stMean;
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %+.3f (%+.1f%%) | %s | %s | %s | %s | %s |%n", p.getKey(),
                        meanSd(rs.stream().mapToDouble(Row::swfFinal).toArray(), 3), meanSd(last20, 3),
                        meanSd(rs.stream().mapToDouble(Row::swfExploit).toArray(), 3), gap,
                        100 * gap / Math.abs(stMean),
                        meanSd(rs.stream().mapToDouble(Row::meanLabor).toArray(), 1),
                        meanSd(rs.stream().mapToDouble(Row::gini).toArray(), 3),
                        meanSd(rs.stream().mapToDouble(Row::totalTax).toArray(), 0),
                        meanSd(rs.stream().mapToDouble(Row::zeroIncomeFinal).toArray(), 1), rates(rs.get(0).finalRates(), "/")));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    static String meanSd(double[] x, int decimals) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double sd = x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " +- " + f, m, sd);
    }
}
