package org.econlab.simulation;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.econlab.LabVersion;
import org.econlab.economy.TaxSchedule;
import org.econlab.errors.ErrorPolicy;
import org.econlab.errors.OneLine;
import org.econlab.errors.Secrets;

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
import java.util.List;
import java.util.function.Function;

/**
 * Writes a run record folder as the run goes (design note 10), in a folder claimed through {@link RunStore}: a
 * record is never written into a folder that holds another, and no file of it is ever truncated.
 * <ul>
 *   <li>{@code manifest.json}: scenario, seed, lab version, the run's {@link RunStore#fingerprint fingerprint},
 *       start/end time, outcome, steps done (updated as the run goes, at most about once a second), final SWF,
 *       end-of-run warnings (e.g. a high LLM fallback rate) and, for a failed run, the reason in one line;
 *       rewritten atomically (temp file + move) so it is never half-written;</li>
 *   <li>{@code steps.csv}: one row per step ({@link StepCsv}), flushed every step, so a crash or kill
 *       loses at most the step in flight;</li>
 *   <li>{@code events.jsonl}: interventions, the agents' own entries ({@link org.econlab.agents.RunJournal}, e.g.
 *       each decision of a human worker, written after the step that made them) and the end of the run, one JSON
 *       object per line.</li>
 *   <li>the manifest also keeps a policy's stop reason (e.g. an LLM budget) and the agents' extra per-step
 *       figures: their last values ({@code finalMetrics}) and their sums over the run ({@code metricTotals}).</li>
 * </ul>
 * Called on the thread that advances the run. Never writes secrets: the scenario holds none, and error texts are
 * scrubbed of the run's secrets.
 */
public final class RunRecordWriter implements SimulationListener, AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    public static final String STEPS = "steps.csv";
    public static final String EVENTS = "events.jsonl";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();

    /** How often, at most, the manifest's {@code stepsCompleted} is brought up to date during a run. */
    static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final Function<Scenario, Path> claim;
    private volatile Path dir;
    private BufferedWriter steps;
    private BufferedWriter events;
    private JsonObject manifest;
    private int stepsDone;
    private long lastProgressNanos;
    private long progressEveryNanos = PROGRESS_EVERY_NANOS;
    private Simulation simulation;
    private double[] metricTotals;
    /** Every worker ever elected, in the order first elected, with its persona: the manifest's "leaders". */
    private final JsonArray leaders = new JsonArray();
    private final java.util.Set<Integer> leadersNamed = new java.util.HashSet<>();

    private RunRecordWriter(Path dir, Function<Scenario, Path> claim) {
        this.dir = dir;
        this.claim = claim;
    }

    /**
     * A record in {@code dir}, claimed when the run starts: the folder is created, or taken when empty; a folder
     * holding anything is refused ({@link RunStore#claim}).
     */
    public RunRecordWriter(Path dir) {
        this(dir, s -> RunStore.claim(dir, false, "record folder").dir());
    }

    /** A record in a folder already claimed through {@link RunStore#claim} or {@link RunStore#createNamed}. */
    public static RunRecordWriter claimed(Path dir) {
        return new RunRecordWriter(dir, s -> dir);
    }

    /**
     * A record in a new folder under {@code root}, named after the scenario and seed when the run starts
     * ({@link RunStore#createNamed}); a run that is never played leaves no folder behind.
     */
    public static RunRecordWriter namedIn(Path root) {
        return new RunRecordWriter(null, s -> RunStore.createNamed(root, s.name(), s.seed()));
    }

    /** Brings the manifest's {@code stepsCompleted} up to date at most every {@code nanos} (tests: 0, every step). */
    RunRecordWriter progressEvery(long nanos) {
        progressEveryNanos = nanos;
        return this;
    }

    /** The record folder, or null while a named record has not started. */
    public Path directory() {
        return dir;
    }

    @Override
    public void runStarted(Simulation simulation) {
        this.simulation = simulation;
        dir = claim.apply(simulation.scenario());
        try {
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
            manifest.addProperty("fingerprint", RunStore.fingerprint(s));
            manifest.addProperty("outcome", RunOutcome.RUNNING.id());
            manifest.addProperty("stepsCompleted", 0);
            manifest.add("scenario", ScenarioCodec.toJson(s));
            addModels();
            writeManifest(true);
            lastProgressNanos = System.nanoTime();
            // CREATE_NEW: a record's files are never truncated or shared (the folder was claimed for this run).
            steps = Files.newBufferedWriter(dir.resolve(STEPS), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            steps.write(StepCsv.header(s.brackets().count(), simulation.metricNames()));
            steps.write('\n');
            steps.flush();
            events = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
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
            if (snapshot.leader() >= 0 && leadersNamed.add(snapshot.leader())) {
                nameLeader(snapshot.leader());
            }
            drainJournal();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(STEPS), e);
        }
        long now = System.nanoTime();
        if (now - lastProgressNanos >= progressEveryNanos || stepsDone == 1) {
            lastProgressNanos = now;
            manifest.addProperty("stepsCompleted", stepsDone);
            manifest.addProperty("updatedAt", Instant.now().toString());
            try {
                writeManifest(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update " + dir.resolve(MANIFEST), e);
            }
        }
    }

    /**
     * Adds worker {@code leader} to the manifest's "leaders" ({@code worker}, and {@code occupation}, {@code sex},
     * {@code age} for a persona worker), so figures drawn from the record name leaders as the window does.
     */
    private void nameLeader(int leader) {
        JsonObject who = new JsonObject();
        who.addProperty("worker", leader);
        var p = leader < simulation.population().size() ? simulation.population().persona(leader) : null;
        if (p != null) {
            who.addProperty("occupation", p.occupation());
            who.addProperty("sex", p.sex());
            who.addProperty("age", p.age());
        }
        leaders.add(who);
        if (!manifest.has("leaders")) {
            manifest.add("leaders", leaders);
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

    /** Writes the agents' journal entries of the step just played (none when the run keeps no journal). */
    private void drainJournal() {
        if (simulation == null) {
            return;
        }
        simulation.context().find(org.econlab.agents.RunJournal.class).ifPresent(j -> j.drain().forEach(this::event));
    }

    @Override
    public void runEnded(RunOutcome outcome, StepSnapshot last, Throwable error) {
        try {
            drainJournal();
        } catch (RuntimeException ignored) {
            // the end event below reports the run; a journal line that cannot be written is lost with its step
        }
        JsonObject e = new JsonObject();
        e.addProperty("event", "end");
        e.addProperty("outcome", outcome.id());
        e.addProperty("stepsCompleted", stepsDone);
        Secrets secrets = simulation != null ? simulation.context().secrets() : new Secrets();
        String reason = error == null ? null : secrets.scrub(ErrorPolicy.classify(error).line());
        if (error != null) {
            e.addProperty("error", reason);
        }
        if (simulation != null && simulation.stopReason() != null) {
            e.addProperty("reason", secrets.scrub(simulation.stopReason()));
        }
        RuntimeException failure = null;
        try {
            event(e);
        } catch (RuntimeException ex) {
            failure = ex; // still try the manifest: it is what readers trust
        }
        if (manifest != null) {
            manifest.addProperty("endedAt", Instant.now().toString());
            manifest.addProperty("outcome", outcome.id());
            manifest.addProperty("stepsCompleted", stepsDone);
            if (last != null) {
                manifest.addProperty("finalSwf", last.swf());
                manifest.add("finalRatesPercent", GSON.toJsonTree(last.ratesPercent()));
            }
            if (error != null) {
                manifest.addProperty("error", OneLine.of(secrets.scrub(error.getClass().getSimpleName() + ": "
                        + error.getMessage()), 2000));
                manifest.addProperty("reason", reason);
            }
            if (simulation != null && simulation.stopReason() != null) {
                manifest.addProperty("stopReason", secrets.scrub(simulation.stopReason()));
            }
            List<String> warnings = simulation == null ? List.of() : simulation.context().warnings();
            if (!warnings.isEmpty()) {
                JsonArray w = new JsonArray();
                warnings.forEach(x -> w.add(secrets.scrub(x)));
                manifest.add("warnings", w);
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
                writeManifest(true);
            } catch (IOException ex) {
                RuntimeException m = new UncheckedIOException("cannot write " + dir.resolve(MANIFEST), ex);
                if (failure == null) {
                    failure = m;
                } else {
                    failure.addSuppressed(m);
                }
            }
        }
        try {
            close();
        } catch (RuntimeException ex) {
            if (failure == null) {
                failure = ex;
            }
        }
        if (failure != null) {
            throw failure;
        }
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
            throw new UncheckedIOException("cannot append to " + dir.resolve(EVENTS), ex);
        }
    }

    /** Replaces the manifest atomically; {@code sync} forces it to disk (start and end, not progress updates). */
    private void writeManifest(boolean sync) throws IOException {
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        if (sync) {
            Files.writeString(tmp, GSON.toJson(manifest) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } else {
            Files.writeString(tmp, GSON.toJson(manifest) + "\n", StandardCharsets.UTF_8);
        }
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
