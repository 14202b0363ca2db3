package org.econlab.ui.run;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;


import org.econlab.errors.ErrorPolicy;
import org.econlab.llm.LlmOptions;
import org.econlab.economy.TaxSchedule;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.SimulationRunner;
import org.econlab.simulation.StepSnapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * State and commands of the run panel (MVVM). Sends commands to the background
 * {@link SimulationRunner}; never touches the model itself. Building a run (drawing a population of
 * possibly millions of workers) happens on a background thread too; commands given meanwhile are
 * queued and applied in order once the runner exists. Snapshots arrive through a {@link SnapshotInbox}
 * and are handed to chart consumers in batches by {@link #pullSnapshots()}, which the view calls at
 * most ~25 times per second.
 *
 * <p>All public methods are for the FX thread; the runner's callbacks only enqueue or set volatiles.
 */
public final class RunViewModel {

    /**
     * Whether the window's runs use every core. On a machine with two cores or fewer one core is left to
     * the FX thread, so the window answers promptly even under a million workers; the numbers are the
     * same either way (the step's sums do not depend on threads), only the speed differs.
     */
    public static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 2;

    private final Path runsDirectory;
    private volatile LlmOptions llmOptions = LlmOptions.DEFAULT;
    private volatile RunDecorator decorator;
    private volatile RunRecordWriter recordWriter;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SimulationRunner.State> runState =
            new ReadOnlyObjectWrapper<>(SimulationRunner.State.READY);
    private final ReadOnlyIntegerWrapper stepsDone = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper usage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();

    private final RunEvents events = new RunEvents();
    private final Handoff<Map<String, double[]>> references = new Handoff<>();
    private final Handoff<Map<String, Double>> swfReferences = new Handoff<>();
    private final Object lock = new Object();
    private SimulationRunner runner;            // guarded by lock
    private final List<Consumer<SimulationRunner>> queued = new ArrayList<>(); // guarded by lock
    private boolean building;                   // FX thread
    /** The current run's inbox; it also tells a run's threads whether their run is still the current one. */
    private volatile SnapshotInbox inbox;
    private AgentProbe probe = new AgentProbe();
    private volatile SimulationRunner.State latestState = SimulationRunner.State.READY;
    private volatile String buildFailure;
    private Scenario nextScenario;
    /** Steps per second a new window plays at: slow enough for a class to follow, a 2,500-step run in ~2 minutes. */
    public static final double DEFAULT_SPEED = 20;
    private double speed = DEFAULT_SPEED;
    private Path lastRecord;
    private final StepRate rate = new StepRate();
    private StepSnapshot lastSnapshot;
    private boolean failureShown;
    private String notice;
    private long noticeSince;

    /** Decorates every run started from now on (null: none); the current run is not changed. */
    public void setRunDecorator(RunDecorator d) {
        decorator = d;
    }

    public RunViewModel(Scenario scenario, Path runsDirectory) {
        this.scenario.set(scenario);
        this.nextScenario = scenario;
        this.runsDirectory = runsDirectory;
    }

    /** The scenario of the current run (or of the next one when none is active). */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SimulationRunner.State> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepsDoneProperty() {
        return stepsDone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** LLM usage so far (calls, tokens, failures, cost) when the run reports {@code llm_*} figures, else empty. */
    public ReadOnlyStringProperty usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** A failed run's reason (set once per run), else empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True while steps are being played continuously. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while a run exists that has not finished (built, running or paused). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** What the run tells the sections (new steps, a new run, reference lines), delivered on the FX thread. */
    public RunEvents events() {
        return events;
    }

    /**
     * The run record folder of the current or last run, or null (a run's folder is created when its first step is
     * played).
     */
    public Path lastRecord() {
        RunRecordWriter w = recordWriter;
        Path dir = w == null ? null : w.directory();
        return dir != null ? dir : lastRecord;
    }

    /** The LLM settings (endpoint file, environment, cassettes) the window's runs use from the next run on. */
    public LlmOptions llmOptions() {
        return llmOptions;
    }

    /** Replaces the LLM settings for the runs started from now on (tests, or a settings dialog). */
    public void setLlmOptions(LlmOptions options) {
        llmOptions = options == null ? LlmOptions.DEFAULT : options;
    }

    /** The newest snapshot seen by the FX thread, or null. */
    public StepSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /**
     * What the current run's LLM agents did (thread-safe to read), or {@link org.econlab.agents.LlmActivity#NONE}
     * before a run is built or without LLM agents.
     */
    public org.econlab.agents.LlmActivity llmActivity() {
        synchronized (lock) {
            return runner == null ? org.econlab.agents.LlmActivity.NONE : runner.simulation().llmActivity();
        }
    }

    public AgentProbe probe() {
        return probe;
    }

    /**
     * Refreshes the agent table's copy now: between steps on the runner thread while paused, at the next
     * step while playing, or directly once the run has ended (nothing writes the columns then).
     */
    public void refreshAgentsNow() {
        AgentProbe p = probe;
        p.request();
        SimulationRunner r = currentRunner();
        if (r == null || latestState == SimulationRunner.State.RUNNING) {
            return;
        }
        if (latestState == SimulationRunner.State.FINISHED) {
            if (p.simulation() != null) {
                p.copyNow(p.simulation());
            }
        } else {
            r.inspect(p::copyNow);
        }
    }

    /** The scenario the next run (after Reset, or when none is active) will use. */
    public void setScenario(Scenario s) {
        nextScenario = s;
        if (!active.get() && !building) {
            scenario.set(s);
        }
    }

    public void play() {
        command(SimulationRunner::play);
    }

    public void pause() {
        withRunner(SimulationRunner::pause);
    }

    public void step() {
        command(SimulationRunner::stepOnce);
    }

    /** Plays {@code n} more steps, then pauses. */
    public void runSteps(int n) {
        command(r -> r.runSteps(n));
    }

    public void stop() {
        withRunner(SimulationRunner::stop);
    }

    /** Folder where this window's runs are recorded. */
    public Path runsDirectory() {
        return runsDirectory;
    }

    /**
     * Shows a saved run in the live charts: stops the current run, switches the charts to the record's
     * scenario and feeds them the recorded steps. The next Play or Reset runs the edited scenario again.
     * FX thread.
     */
    public void showRecord(Scenario recorded, List<StepSnapshot> steps, Path record) {
        reset();
        scenario.set(recorded);
        events.reset(recorded);
        if (!steps.isEmpty()) {
            events.steps(steps.stream().map(LiveStep::recorded).toList());
            lastSnapshot = steps.get(steps.size() - 1);
            stepsDone.set(lastSnapshot.step() + 1);
        }
        recordWriter = null;
        lastRecord = record;
        status.set("Showing the recorded run " + record.getFileName() + " (" + steps.size() + " steps). Play runs the"
                + " edited scenario.");
    }

    /** Stops the current run; the next Play starts a fresh run of the edited scenario. */
    public void reset() {
        stop();
        synchronized (lock) {
            runner = null;
            queued.clear();
        }
        inbox = null; // a run still being built sees this and stops itself
        building = false;
        buildFailure = null;
        latestState = SimulationRunner.State.READY;
        scenario.set(nextScenario);
        stepsDone.set(0);
        lastSnapshot = null;
        status.set("Ready");
        usage.set("");
        events.reset(scenario.get());
        pullSnapshots();
    }

    /** Steps per second (0 = as fast as possible). */
    public double speed() {
        return speed;
    }

    /** @param stepsPerSecond target speed, or 0 for as fast as possible */
    public void setSpeed(double stepsPerSecond) {
        speed = stepsPerSecond;
        withRunner(r -> r.setSpeed(stepsPerSecond));
    }

    /**
     * Replaces the running scenario's rates by hand from the next step (logged as an intervention in the
     * run record). Returns false when there is no active run or the brackets differ from the run's.
     */
    public boolean intervene(TaxSchedule schedule, String note) {
        SimulationRunner r;
        synchronized (lock) {
            r = runner;
        }
        if (r == null || latestState == SimulationRunner.State.FINISHED
                || !schedule.brackets().equals(scenario.get().brackets())) {
            return false;
        }
        r.intervene(schedule, note);
        return true;
    }

    /**
     * Stops the runner and waits (a few seconds at most) until the run's record is final, so closing the window
     * never leaves a manifest saying "running" (window closing; any thread).
     */
    public void shutdown() {
        SimulationRunner r = currentRunner();
        if (r == null) {
            return;
        }
        try {
            r.stopAndAwait(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code c} on the current runner (now, or once built); starts a new run when none is active. */
    private void command(Consumer<SimulationRunner> c) {
        if (!building && (currentRunner() == null || latestState == SimulationRunner.State.FINISHED)) {
            startNewRun();
        }
        withRunner(c);
    }

    private SimulationRunner currentRunner() {
        synchronized (lock) {
            return runner;
        }
    }

    private void withRunner(Consumer<SimulationRunner> c) {
        synchronized (lock) {
            if (runner != null) {
                c.accept(runner);
            } else if (building) {
                queued.add(c);
            }
        }
    }

    private void startNewRun() {
        RunDecorator runDecorator = decorator;
        Scenario decorated;
        try {
            decorated = runDecorator == null ? nextScenario : runDecorator.scenario(nextScenario);
        } catch (RuntimeException e) {
            decorated = nextScenario;
            notice("the class could not use this scenario: " + ErrorPolicy.classify(e).line());
            runDecorator = null;
        }
        Scenario s = decorated;
        RunDecorator chosen = runDecorator;
        scenario.set(s);
        building = true;
        failureShown = false;
        failure.set("");
        buildFailure = null;
        references.clear();
        swfReferences.clear();
        SnapshotInbox newInbox = new SnapshotInbox();
        inbox = newInbox;
        AgentProbe newProbe = new AgentProbe();
        probe = newProbe;
        synchronized (lock) {
            runner = null;
            queued.clear();
        }
        // The run store names and creates the folder when the first step is played (never reused, unique even for
        // runs started in the same second); a run reset before playing leaves nothing behind.
        RunRecordWriter record = RunRecordWriter.namedIn(runsDirectory);
        recordWriter = record;
        lastRecord = null;
        LlmOptions options = llmOptions;
        latestState = SimulationRunner.State.READY;
        stepsDone.set(0);
        lastSnapshot = null;
        rate.restart(System.nanoTime());
        status.set("Preparing " + String.format(Locale.ROOT, "%,d", s.population().agents()) + " workers…");
        usage.set("");
        double initialSpeed = speed;
        events.reset(s);
        Thread builder = new Thread(() -> {
            Simulation sim;
            SimulationRunner built;
            try {
                org.econlab.agents.RunContext context = options.newRunContext();
                if (chosen != null) {
                    chosen.context(context);
                }
                sim = new Simulation(s, PARALLEL, context);
                sim.addListener(newInbox);
                sim.addListener(newProbe);
                sim.addListener(record);
                built = new SimulationRunner(sim);
                built.stateListener(st -> {
                    if (inbox == newInbox) { // a replaced run stopping late must not mark its successor stopped
                        latestState = st;
                    }
                    newProbe.runnerState(st == SimulationRunner.State.RUNNING);
                });
                built.setSpeed(initialSpeed);
            } catch (RuntimeException | OutOfMemoryError e) {
                if (inbox != newInbox) {
                    return; // replaced while it was being built
                }
                buildFailure = "could not build the run: " + ErrorPolicy.classify(e).line();
                latestState = SimulationRunner.State.FINISHED;
                synchronized (lock) {
                    queued.clear();
                }
                return;
            }
            synchronized (lock) {
                if (inbox == newInbox) { // not reset meanwhile
                    for (Consumer<SimulationRunner> c : queued) {
                        c.accept(built);
                    }
                    queued.clear();
                    runner = built;
                } else {
                    built.stop();
                    return;
                }
            }
            references.set(RunReferences.rates(sim));
            swfReferences.set(RunReferences.referenceWelfare(sim));
        }, "run-builder");
        builder.setDaemon(true);
        builder.start();
    }

    /**
     * Moves everything the runner produced since the last call to the consumers and refreshes the
     * status. FX thread; cheap when nothing arrived.
     */
    public void pullSnapshots() {
        boolean built;
        synchronized (lock) {
            built = runner != null;
        }
        if (built || buildFailure != null) {
            building = false;
        }
        SimulationRunner.State st = latestState;
        runState.set(st);
        running.set(st == SimulationRunner.State.RUNNING);
        active.set(building || (built && st != SimulationRunner.State.FINISHED));
        if (inbox == null) {
            return;
        }
        references.deliverTo(events::references);
        swfReferences.deliverTo(events::swfReferences);
        List<LiveStep> batch = inbox.drain();
        if (!batch.isEmpty()) {
            events.steps(batch);
            lastSnapshot = batch.get(batch.size() - 1).snapshot();
            stepsDone.set(lastSnapshot.step() + 1);
        }
        rate.saw(stepsDone.get(), System.nanoTime());
        updateStatus(batch.isEmpty() ? null : lastSnapshot);
    }

    /**
     * Shows {@code text} after the run's state in the status line for {@link #NOTICE_NANOS} (e.g. the
     * confirmation of an intervention). FX thread.
     */
    public void notice(String text) {
        notice = text;
        noticeSince = System.nanoTime();
        updateStatus(null);
    }

    /** How long a {@link #notice} stays in the status line. */
    public static final long NOTICE_NANOS = 8_000_000_000L;

    private void updateStatus(StepSnapshot last) {
        SimulationRunner r = currentRunner();
        String failed = buildFailure != null ? buildFailure
                : r != null && r.failure() != null ? ErrorPolicy.classify(r.failure()).line() : null;
        if (failed != null) {
            status.set("Run failed: " + failed);
            if (!failureShown) {
                failureShown = true;
                failure.set(failed);
            }
            return;
        }
        if (building && r == null) {
            return;
        }
        boolean fresh = notice != null && System.nanoTime() - noticeSince < NOTICE_NANOS;
        status.set(StatusLines.status(latestState, stepsDone.get(), scenario.get(),
                latestState == SimulationRunner.State.RUNNING ? rate.perSecond() : 0.0, fresh ? notice : null));
        if (last != null) {
            usage.set(StatusLines.llmUsage(last));
        }
    }

}
