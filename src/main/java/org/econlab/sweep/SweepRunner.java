package org.econlab.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.StatUtils;
import org.econlab.report.ExportFormat;
import org.econlab.report.Figure;
import org.econlab.report.FigureExporter;
import org.econlab.report.FigureSize;
import org.econlab.report.RunData;
import org.econlab.report.SweepCharts;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.RunStore;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a sweep into a folder, resumably: each run writes its record under {@code runs/<id>/} and, once
 * finished, a {@code result.json}; a finished run of the same fingerprint is never redone, an unfinished one is
 * started afresh, and a folder holding another sweep's run is moved aside and recomputed ({@link SweepResume}). {@code sweep.csv} is rebuilt from the results in canonical order after every finished run (and
 * replaced atomically), so an interrupted and resumed sweep ends with the same file as an uninterrupted
 * one. Runs may execute in parallel; each run is single-threaded and seeded, so results never depend on
 * the parallelism.
 *
 * <p>On a cluster, a runner given a {@link Shard} runs only that slice of the runs and writes only their folders
 * under {@code runs/}, never {@code sweep.csv} or {@code sweep-summary.csv} (other shards may be writing into
 * the same folder at the same time). Once every shard has finished, an unsharded runner on the same folder finds
 * every result, runs nothing and writes both files exactly as a one-machine sweep would.
 */
public final class SweepRunner {

    public static final String CSV = "sweep.csv";
    public static final String SUMMARY = "sweep-summary.csv";
    public static final String RESULT = "result.json";

    /** Outcome figures per run, in sweep.csv column order after the parameters. */
    public static final List<String> OUTCOMES = List.of("swf_final", "swf_mean_last20pct", "mean_labor", "gini",
            "total_tax", "rebate");

    /** The outcome the sweep's results figure plots against the first parameter. */
    public static final String CHART_OUTCOME = "swf_mean_last20pct";

    /** How sweep.csv and sweep-summary.csv are written (and read back by the window): RFC 4180, "\n" line ends. */
    public static final CSVFormat CSV_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final SweepDefinition sweep;
    private final Path dir;
    private final int parallel;
    private final Shard shard;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * What a call to {@link #run} did, counted over the runner's shard (the whole sweep when unsharded).
     *
     * @param total       runs in the shard
     * @param alreadyDone runs of the shard finished before this call
     * @param ranNow      runs finished by this call
     * @param remaining   runs of the shard still unfinished
     * @param superseded  runs of the shard found in the folder from another sweep definition (a different
     *                    fingerprint), moved aside and recomputed
     */
    public record Progress(int total, int alreadyDone, int ranNow, int remaining, int superseded) {
    }

    public SweepRunner(SweepDefinition sweep, Path dir, int parallel) {
        this(sweep, dir, parallel, Shard.ALL);
    }

    /** A runner for one shard of the sweep's runs ({@link Shard#ALL}: every run, and the CSV files). */
    public SweepRunner(SweepDefinition sweep, Path dir, int parallel, Shard shard) {
        this.sweep = sweep;
        this.dir = dir;
        this.parallel = Math.max(1, parallel);
        this.shard = shard;
    }

    /** Asks running work to stop after the runs in flight; safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs every unfinished run of the shard (at most {@code maxNewRuns} of them, or all when negative), reporting
     * the number of the shard's runs finished so far to {@code progress}. Unsharded, it then writes
     * {@code sweep.csv}, {@code sweep-summary.csv} and the results figure.
     */
    public Progress run(int maxNewRuns, IntConsumer progress) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("runs"));
        List<SweepDefinition.RunSpec> mine = shard.select(sweep.runs());
        SweepResume.Plan plan = SweepResume.plan(mine, dir);
        List<SweepDefinition.RunSpec> todo = new ArrayList<>(plan.todo());
        int done = plan.done().size();
        if (maxNewRuns >= 0 && todo.size() > maxNewRuns) {
            todo = todo.subList(0, maxNewRuns);
        }
        int alreadyDone = done;
        AtomicInteger finished = new AtomicInteger(done);
        progress.accept(done);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sweep-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepDefinition.RunSpec r : todo) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        return null;
                    }
                    runOne(r);
                    if (shard.isAll()) {
                        synchronized (this) {
                            writeCsv();
                        }
                    }
                    progress.accept(finished.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    cancel();
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (shard.isAll()) {
            synchronized (this) {
                writeCsv();
                writeSummary();
            }
        }
        int total = mine.size();
        return new Progress(total, alreadyDone, finished.get() - alreadyDone, total - finished.get(), plan.superseded());
    }

    private Path runDir(SweepDefinition.RunSpec r) {
        return dir.resolve("runs").resolve(r.id());
    }

    private Path resultFile(SweepDefinition.RunSpec r) {
        return runDir(r).resolve(RESULT);
    }

    private void runOne(SweepDefinition.RunSpec r) throws IOException {
        Path runDir = runDir(r);
        Simulation sim = new Simulation(r.scenario(), false);
        sim.addListener(new RunRecordWriter(runDir));
        double[] swf = new double[r.scenario().steps()];
        sim.addListener(s -> swf[s.step()] = s.swf());
        StepSnapshot last = sim.runToEnd();
        JsonObject result = new JsonObject();
        result.addProperty("id", r.id());
        result.addProperty("fingerprint", RunStore.fingerprint(r.scenario()));
        result.addProperty("point", r.point());
        result.addProperty("seed", r.seed());
        result.addProperty("swf_final", last.swf());
        result.addProperty("swf_mean_last20pct", RunData.meanOfLastFifth(swf));
        result.addProperty("mean_labor", last.meanHours());
        result.addProperty("gini", last.gini());
        result.addProperty("total_tax", last.totalTaxUsd());
        result.addProperty("rebate", last.rebateUsd());
        result.add("rates_final", GSON.toJsonTree(last.ratesPercent()));
        writeAtomically(resultFile(r), GSON.toJson(result) + "\n");
    }

    private void writeCsv() throws IOException {
        List<String> header = new ArrayList<>(List.of("run_id", "point", "seed"));
        sweep.parameters().forEach(p -> header.add(p.path()));
        header.addAll(OUTCOMES);
        header.add("rates_final");
        StringBuilder b = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(b, CSV_FORMAT)) {
            csv.printRecord(header);
            for (SweepDefinition.RunSpec r : sweep.runs()) {
                Path f = resultFile(r);
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                JsonObject res = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
                List<String> row = new ArrayList<>(List.of(r.id(), Integer.toString(r.point()), Long.toString(r.seed())));
                r.values().forEach(v -> row.add(SweepDefinition.valueText(v)));
                OUTCOMES.forEach(o -> row.add(String.format(Locale.ROOT, "%.6f", res.get(o).getAsDouble())));
                List<String> rates = new ArrayList<>();
                res.getAsJsonArray("rates_final").forEach(x -> rates.add(String.format(Locale.ROOT, "%.2f", x.getAsDouble())));
                row.add(String.join(" ", rates));
                csv.printRecord(row);
            }
        }
        writeAtomically(dir.resolve(CSV), b.toString());
    }

    /** Mean and sample standard deviation of each outcome per point, over the seeds finished; and its figure. */
    private void writeSummary() throws IOException {
        List<SweepCharts.Point> chartPoints = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("point"));
        sweep.parameters().forEach(p -> header.add(p.path()));
        header.add("runs");
        OUTCOMES.forEach(o -> header.addAll(List.of(o + "_mean", o + "_sd")));
        StringBuilder b = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(b, CSV_FORMAT)) {
            csv.printRecord(header);
            for (int point = 0; point < sweep.points(); point++) {
                List<JsonObject> results = new ArrayList<>();
                SweepDefinition.RunSpec first = null;
                for (SweepDefinition.RunSpec r : sweep.runs()) {
                    if (r.point() == point) {
                        first = first == null ? r : first;
                        if (Files.isRegularFile(resultFile(r))) {
                            results.add(JsonParser.parseString(Files.readString(resultFile(r))).getAsJsonObject());
                        }
                    }
                }
                if (first == null || results.isEmpty()) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(Integer.toString(point)));
                first.values().forEach(v -> row.add(SweepDefinition.valueText(v)));
                row.add(Integer.toString(results.size()));
                for (String o : OUTCOMES) {
                    double[] x = results.stream().mapToDouble(j -> j.get(o).getAsDouble()).toArray();
                    double mean = StatUtils.mean(x);
                    double sd = Math.sqrt(StatUtils.variance(x)); // sample sd (n - 1); 0 for one seed
                    row.add(String.format(Locale.ROOT, "%.6f", mean));
                    row.add(String.format(Locale.ROOT, "%.6f", sd));
                    if (o.equals(CHART_OUTCOME)) {
                        List<String> others = new ArrayList<>();
                        for (int i = 1; i < first.values().size(); i++) {
                            others.add(sweep.parameters().get(i).path() + "=" + SweepDefinition.valueText(first.values().get(i)));
                        }
                        chartPoints.add(new SweepCharts.Point(SweepDefinition.valueText(first.values().get(0)),
                                String.join(", ", others), mean, sd));
                    }
                }
                csv.printRecord(row);
            }
        }
        writeAtomically(dir.resolve(SUMMARY), b.toString());
        if (!chartPoints.isEmpty()) {
            Figure f = SweepCharts.outcomeVsParameter(CHART_OUTCOME, sweep.parameters().get(0).path(), chartPoints);
            FigureExporter.write(f, dir, List.of(ExportFormat.PNG, ExportFormat.SVG, ExportFormat.CSV), FigureSize.DEFAULT);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
