package org.econlab.simulation;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.econlab.LabVersion;
import org.econlab.economy.TaxSchedule;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes a run record folder as the run goes (design note 10):
 * <ul>
 *   <li>{@code manifest.json}: scenario, seed, lab version, start/end time, outcome, steps done, final SWF;
 *       rewritten atomically (temp file + move) so it is never half-written;</li>
 *   <li>{@code steps.csv}: one row per step ({@link StepCsv}), flushed every step, so a crash or kill
 *       loses at most the step in flight;</li>
 *   <li>{@code events.jsonl}: interventions and the end of the run, one JSON object per line.</li>
 *   <li>the manifest also keeps a policy's stop reason (e.g. an LLM budget) and the agents' extra per-step
 *       figures: their last values ({@code finalMetrics}) and their sums over the run ({@code metricTotals}).</li>
 * </ul>
 * Called on the thread that advances the run. Never writes secrets: the scenario holds none.
 */
public final class RunRecordWriter implements SimulationListener, AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    public static final String STEPS = "steps.csv";
    public static final String EVENTS = "events.jsonl";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();

    private final Path dir;
    private BufferedWriter steps;
    private BufferedWriter events;
    private JsonObject manifest;
    private int stepsDone;
    private Simulation simulation;
    private double[] metricTotals;

    /** @param dir the record folder; created if missing. Existing record files in it are replaced. */
    public RunRecordWriter(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void runStarted(Simulation simulation) {
        this.simulation = simulation;
        try {
            Files.createDirectories(dir);
            Scenario s = simulation.scenario();
            manifest = new JsonObject();
            manifest.addProperty("format", "llm-economist-lab run record");
            manifest.addProperty("formatVersion", 1);
            manifest.addProperty("labVersion", LabVersion.get());
            manifest.addProperty("javaVersion", System.getProperty("java.version"));
            manifest.addProperty("seed", s.seed());
            manifest.addProperty("agents", simulation.population().size());
            manifest.addProperty("steps", s.steps());
            manifest.addProperty("workerKind", simulation.workerKind());
            manifest.addProperty("plannerKind", simulation.plannerKind());
            manifest.addProperty("startedAt", Instant.now().toString());
            manifest.addProperty("outcome", RunOutcome.RUNNING.id());
            manifest.addProperty("stepsCompleted", 0);
            manifest.add("scenario", ScenarioCodec.toJson(s));
            addModels();
            writeManifest();
            steps = Files.newBufferedWriter(dir.resolve(STEPS), StandardCharsets.UTF_8);
            steps.write(StepCsv.header(s.brackets().count(), simulation.metricNames()));
            steps.write('\n');
            steps.flush();
            events = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record in " + dir, e);
        }
    }

    @Override
    public void stepCompleted(StepSnapshot snapshot) {
        try {
            double[] m = snapshot.metricValues();
            if (metricTotals == null) {
                metricTotals = new double[m.length];
            }
            for (int i = 0; i < m.length && i < metricTotals.length; i++) {
                metricTotals[i] += m[i];
            }
            steps.write(StepCsv.row(snapshot));
            steps.write('\n');
            steps.flush();
            stepsDone = snapshot.step() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(STEPS), e);
        }
    }

    @Override
    public void intervened(int step, TaxSchedule schedule, String note) {
        JsonObject e = new JsonObject();
        e.addProperty("event", "intervention");
        e.addProperty("step", step);
        e.addProperty("at", Instant.now().toString());
        e.addProperty("ratesPercent", Arrays.toString(schedule.ratesPercent()));
        e.addProperty("note", note);
        event(e);
    }

    @Override
    public void runEnded(RunOutcome outcome, StepSnapshot last, Throwable error) {
        JsonObject e = new JsonObject();
        e.addProperty("event", "end");
        e.addProperty("outcome", outcome.id());
        e.addProperty("stepsCompleted", stepsDone);
        if (error != null) {
            e.addProperty("error", String.valueOf(error.getMessage()));
        }
        if (simulation != null && simulation.stopReason() != null) {
            e.addProperty("reason", simulation.stopReason());
        }
        event(e);
        if (manifest != null) {
            manifest.addProperty("endedAt", Instant.now().toString());
            manifest.addProperty("outcome", outcome.id());
            manifest.addProperty("stepsCompleted", stepsDone);
            if (last != null) {
                manifest.addProperty("finalSwf", last.swf());
                manifest.add("finalRatesPercent", GSON.toJsonTree(last.ratesPercent()));
            }
            if (error != null) {
                manifest.addProperty("error", error.getClass().getSimpleName() + ": " + error.getMessage());
            }
            if (simulation != null && simulation.stopReason() != null) {
                manifest.addProperty("stopReason", simulation.stopReason());
            }
            addModels();
            if (last != null && !last.metricNames().isEmpty()) {
                // The agents' extra figures (e.g. LLM usage per role): the last step's values and the sums over
                // all steps (for per-step counters such as llm_worker_calls, the sum is the run total).
                JsonObject fin = new JsonObject();
                JsonObject sums = new JsonObject();
                double[] v = last.metricValues();
                for (int i = 0; i < v.length; i++) {
                    fin.addProperty(last.metricNames().get(i), v[i]);
                    if (metricTotals != null && i < metricTotals.length) {
                        sums.addProperty(last.metricNames().get(i), metricTotals[i]);
                    }
                }
                manifest.add("finalMetrics", fin);
                manifest.add("metricTotals", sums);
            }
            try {
                writeManifest();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        close();
    }

    /**
     * {@code llmModels}: per LLM role, the provider (wire format), model and host ({@code scheme://host:port}) that
     * actually served it, whatever endpoint name the scenario gave (a command-line endpoint replaces it). Never a
     * key, never a path.
     */
    private void addModels() {
        if (simulation == null) {
            return;
        }
        var models = simulation.llmActivity().models();
        if (models.isEmpty()) {
            return;
        }
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        for (var m : models) {
            JsonObject o = new JsonObject();
            o.addProperty("role", m.role());
            o.addProperty("provider", m.provider());
            o.addProperty("model", m.model());
            o.addProperty("host", m.host());
            a.add(o);
        }
        manifest.add("llmModels", a);
    }

    private void event(JsonObject e) {
        if (events == null) {
            return;
        }
        try {
            events.write(LINE.toJson(e));
            events.write('\n');
            events.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeManifest() throws IOException {
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        Files.writeString(tmp, GSON.toJson(manifest) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        try {
            Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        try {
            if (steps != null) {
                steps.close();
                steps = null;
            }
            if (events != null) {
                events.close();
                events = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
