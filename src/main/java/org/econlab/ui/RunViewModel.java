package org.econlab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.SimulationRunner;
import org.econlab.simulation.StepSnapshot;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * State and commands of the run panel (MVVM). Sends commands to the background
 * {@link SimulationRunner}; never touches the model itself. Snapshots arrive through a
 * {@link SnapshotInbox} and are handed to chart consumers in batches by {@link #pullSnapshots()},
 * which the view calls at most ~25 times per second.
 *
 * <p>All methods are for the FX thread, except that the runner's callbacks only enqueue.
 */
public final class RunViewModel {

    private final Path runsDirectory;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SimulationRunner.State> runState =
            new ReadOnlyObjectWrapper<>(SimulationRunner.State.READY);
    private final ReadOnlyIntegerWrapper stepsDone = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final List<Consumer<List<StepSnapshot>>> snapshotConsumers = new CopyOnWriteArrayList<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();

    private SimulationRunner runner;
    private SnapshotInbox inbox;
    private volatile SimulationRunner.State latestState = SimulationRunner.State.READY;
    private Path lastRecord;
    private long lastStatusNanos;
    private int stepsAtLastStatus;
    private double stepsPerSecond;
    private double speedLimit; // steps per second, 0 = as fast as possible

    public RunViewModel(Scenario scenario, Path runsDirectory) {
        this.scenario.set(scenario);
        this.runsDirectory = runsDirectory;
    }

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

    /** True while steps are being played continuously. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Receives each batch of new snapshots on the FX thread. */
    public void onSnapshots(Consumer<List<StepSnapshot>> consumer) {
        snapshotConsumers.add(consumer);
    }

    /** Called when a new run replaces the old one (charts clear). */
    public void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    /** The run record folder of the current or last run, or null. */
    public Path lastRecord() {
        return lastRecord;
    }

    /** Caps the run's speed (steps per second; 0 = as fast as possible), now and for later runs. */
    public void setSpeedLimit(double stepsPerSecondLimit) {
        speedLimit = Math.max(0, stepsPerSecondLimit);
        if (runner != null) {
            runner.setSpeed(speedLimit);
        }
    }

    public void play() {
        ensureRunner().play();
    }

    public void pause() {
        if (runner != null) {
            runner.pause();
        }
    }

    public void step() {
        ensureRunner().stepOnce();
    }

    public void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    /** Stops the runner (window closing). */
    public void shutdown() {
        stop();
    }

    private SimulationRunner ensureRunner() {
        if (runner == null || latestState == SimulationRunner.State.FINISHED) {
            startNewRun();
        }
        return runner;
    }

    private void startNewRun() {
        Scenario s = scenario.get();
        Simulation sim = new Simulation(s, true);
        inbox = new SnapshotInbox();
        sim.addListener(inbox);
        String stem = s.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        lastRecord = runsDirectory.resolve(stem + "-seed" + s.seed() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        sim.addListener(new RunRecordWriter(lastRecord));
        runner = new SimulationRunner(sim);
        runner.setSpeed(speedLimit);
        latestState = SimulationRunner.State.READY;
        runner.stateListener(st -> latestState = st);
        stepsDone.set(0);
        stepsAtLastStatus = 0;
        lastStatusNanos = System.nanoTime();
        for (Runnable r : resetListeners) {
            r.run();
        }
    }

    /**
     * Moves everything the runner produced since the last call to the consumers and refreshes the
     * status. FX thread; cheap when nothing arrived.
     */
    public void pullSnapshots() {
        runState.set(latestState);
        running.set(latestState == SimulationRunner.State.RUNNING);
        if (inbox == null) {
            return;
        }
        List<StepSnapshot> batch = inbox.drain();
        if (!batch.isEmpty()) {
            for (Consumer<List<StepSnapshot>> c : snapshotConsumers) {
                c.accept(batch);
            }
            stepsDone.set(batch.get(batch.size() - 1).step() + 1);
        }
        long now = System.nanoTime();
        if (now - lastStatusNanos > 500_000_000L) {
            stepsPerSecond = (stepsDone.get() - stepsAtLastStatus) / ((now - lastStatusNanos) / 1e9);
            stepsAtLastStatus = stepsDone.get();
            lastStatusNanos = now;
        }
        updateStatus();
    }

    private void updateStatus() {
        Scenario s = scenario.get();
        if (runner != null && runner.failure() != null) {
            status.set("Run failed: " + runner.failure().getMessage());
            return;
        }
        int done = stepsDone.get();
        int year = s.taxYearSteps() == 0 ? 0 : Math.max(0, done - 1) / s.taxYearSteps();
        String state = switch (latestState) {
            case READY -> "Ready";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case FINISHED -> done >= s.steps() ? "Finished" : "Stopped";
        };
        status.set(String.format(Locale.ROOT, "%s · step %d / %d · tax year %d · %.0f steps/s", state, done,
                s.steps(), year, latestState == SimulationRunner.State.RUNNING ? stepsPerSecond : 0.0));
    }
}
