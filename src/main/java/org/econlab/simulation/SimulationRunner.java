package org.econlab.simulation;

import org.econlab.economy.TaxSchedule;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thing that advances time (design note 2): a background thread that owns a
 * {@link Simulation} and applies commands (play, pause, step, stop, speed, interventions) between
 * steps. Any thread may send commands; they never block on the run.
 *
 * <p>Listeners of the simulation are called on the runner thread. {@link #stateListener}s hear of state
 * changes on the runner thread too.
 */
public final class SimulationRunner implements AutoCloseable {

    /** What the runner is doing. */
    public enum State { READY, RUNNING, PAUSED, FINISHED }

    private sealed interface Command permits Play, Pause, StepOnce, Stop, Speed, RunSteps, Inspect {
    }

    private record Inspect(Consumer<Simulation> task) implements Command {
    }

    private record Play() implements Command {
    }

    private record Pause() implements Command {
    }

    private record StepOnce() implements Command {
    }

    private record Stop() implements Command {
    }

    private record Speed(double stepsPerSecond) implements Command {
    }

    private record RunSteps(int count) implements Command {
    }

    private final Simulation simulation;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final CopyOnWriteArrayList<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile State state = State.READY;
    private volatile Throwable failure;
    private volatile boolean stopRequested;
    private double stepsPerSecond; // 0 = as fast as possible
    private int stepsLeftInBurst = -1; // -1: no limit

    public SimulationRunner(Simulation simulation) {
        this.simulation = Objects.requireNonNull(simulation);
        this.thread = new Thread(this::loop, "simulation-runner");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public Simulation simulation() {
        return simulation;
    }

    public State state() {
        return state;
    }

    /** The error that ended the run, or null. */
    public Throwable failure() {
        return failure;
    }

    public void stateListener(Consumer<State> listener) {
        stateListeners.add(listener);
    }

    /** Runs continuously until paused, stopped or done. */
    public void play() {
        commands.add(new Play());
    }

    public void pause() {
        commands.add(new Pause());
    }

    /** Plays exactly one step (pausing a running run first). */
    public void stepOnce() {
        commands.add(new StepOnce());
    }

    /** Runs {@code count} more steps, then pauses. */
    public void runSteps(int count) {
        commands.add(new RunSteps(count));
    }

    /** Ends the run; a stopped run cannot be resumed. */
    public void stop() {
        stopRequested = true;
        commands.add(new Stop());
    }

    /**
     * Stops the run and waits until its record is final (the window closing): the stop is applied between steps;
     * a step still running after {@code graceMillis} (e.g. waiting on an LLM server) is interrupted, and the run
     * ends as stopped without it. Returns true when the runner thread ended within {@code graceMillis} plus
     * {@code graceMillis} more after the interrupt.
     */
    public boolean stopAndAwait(long graceMillis) throws InterruptedException {
        stop();
        thread.join(Math.max(1, graceMillis));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(Math.max(1, graceMillis));
        }
        return !thread.isAlive();
    }

    /** @param stepsPerSecond target speed, or 0 for as fast as possible */
    public void setSpeed(double stepsPerSecond) {
        commands.add(new Speed(Math.max(0, stepsPerSecond)));
    }

    /**
     * Runs a read-only look at the simulation (e.g. copying a page of agents for a table) on the runner
     * thread between steps, where the columns are consistent. The task must not change the simulation and
     * must be quick. Ignored once the run has ended (then nothing writes the columns any more).
     */
    public void inspect(Consumer<Simulation> task) {
        commands.add(new Inspect(Objects.requireNonNull(task)));
    }

    /** Replaces the rates from the next step on; logged as an intervention in the run record. */
    public void intervene(TaxSchedule schedule, String note) {
        simulation.intervene(schedule, note);
    }

    /** Waits until the runner thread has ended (after stop or the last step). */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(unit.toMillis(timeout));
        return !thread.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void setState(State s) {
        if (state != s) {
            state = s;
            for (Consumer<State> l : stateListeners) {
                l.accept(s);
            }
        }
    }

    private void loop() {
        try {
            long nextStepAt = System.nanoTime();
            while (true) {
                Command c;
                if (state == State.RUNNING) {
                    long wait = stepsPerSecond > 0 ? nextStepAt - System.nanoTime() : 0;
                    c = wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
                } else {
                    c = commands.take();
                }
                if (c != null) {
                    if (!apply(c)) {
                        return;
                    }
                    continue;
                }
                if (state == State.RUNNING) {
                    simulation.step();
                    if (stepsPerSecond > 0) {
                        nextStepAt = System.nanoTime() + (long) (1e9 / stepsPerSecond);
                    }
                    if (stepsLeftInBurst > 0 && --stepsLeftInBurst == 0) {
                        stepsLeftInBurst = -1;
                        setState(State.PAUSED);
                    }
                    if (simulation.isFinished()) {
                        setState(State.FINISHED);
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            // The flag stays clear while the record is finished: file channels refuse to write on an interrupted thread.
            simulation.end(RunOutcome.STOPPED, null);
            setState(State.FINISHED);
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (stopRequested && Thread.interrupted()) {
                simulation.end(RunOutcome.STOPPED, null); // the step in flight was cut short by stopAndAwait
            } else {
                failure = e;
                simulation.end(RunOutcome.FAILED, e);
            }
            setState(State.FINISHED);
        }
    }

    /** Applies one command; false when the loop must end. */
    private boolean apply(Command c) {
        if (c instanceof Stop) {
            simulation.end(RunOutcome.STOPPED, null);
            setState(State.FINISHED);
            return false;
        }
        if (c instanceof Speed s) {
            stepsPerSecond = s.stepsPerSecond();
            return true;
        }
        if (c instanceof Inspect i) {
            i.task().accept(simulation);
            return true;
        }
        if (simulation.isFinished()) {
            setState(State.FINISHED);
            return false;
        }
        if (c instanceof Play) {
            stepsLeftInBurst = -1;
            setState(State.RUNNING);
        } else if (c instanceof Pause) {
            stepsLeftInBurst = -1;
            setState(State.PAUSED);
        } else if (c instanceof RunSteps r) {
            stepsLeftInBurst = r.count();
            setState(r.count() > 0 ? State.RUNNING : State.PAUSED);
        } else if (c instanceof StepOnce) {
            stepsLeftInBurst = -1;
            setState(State.PAUSED);
            simulation.step();
            if (simulation.isFinished()) {
                setState(State.FINISHED);
                return false;
            }
        }
        return true;
    }
}
