package org.econlab.ui.sidebyside;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.google.gson.JsonParser;

import org.econlab.errors.ErrorPolicy;
import org.econlab.lesson.ScenarioChanges;
import org.econlab.simulation.RunOutcome;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.SideBySide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Two economies played side by side (MVVM, no controls): the same population and seed under two policies, advanced
 * in lockstep by one background thread ({@link SideBySide}) at the window's speed, the pairs handed to the FX thread
 * through {@link #pull()}. Also the Run menu's choices: the current scenario under two {@link Policy policies}.
 *
 * <p>Threads: commands and properties on the FX thread; the runner thread only steps the economies and queues pairs.
 */
public final class SideBySideViewModel {

    /**
     * A policy one side can play: a name and its changes to the current scenario, or (a lesson's) a whole economy
     * played as it is.
     *
     * @param economy the economy itself, or null to apply {@code changes} to the current scenario
     */
    public record Policy(String label, ScenarioChanges changes, Scenario economy) {
        @Override
        public String toString() {
            return label;
        }

        /** The economy this side plays when the window's scenario is {@code base}. */
        Scenario on(Scenario base) {
            return economy != null ? economy : changes.applyTo(base);
        }
    }

    /** The policies offered (the first is the scenario as it is). */
    public static final List<Policy> POLICIES = List.of(
            policy("This scenario's planner", "{}"),
            policy("icrl (learning planner)", "{\"planner\": {\"kind\": \"icrl\"}}"),
            policy("Saez, elasticity 0.4 (the model's)", "{\"planner\": {\"kind\": \"saez\", \"elasticity\": \"model\"}}"),
            policy("Saez, elasticity 3.0 (the paper's)", "{\"planner\": {\"kind\": \"saez\", \"elasticity\": 3.0}}"),
            policy("Stackelberg (best schedule)", "{\"planner\": {\"kind\": \"stackelberg\"}}"),
            policy("Free market (no tax)", "{\"planner\": {\"kind\": \"free_market\"}}"),
            policy("U.S. federal 2024 rates", "{\"planner\": {\"kind\": \"us_fed\"}}"),
            policy("Elections, no platforms", "{\"planner\": {\"kind\": \"democratic\", \"platforms\": false,"
                    + " \"electorate\": \"built_in\"}}"),
            policy("Elections with platforms", "{\"planner\": {\"kind\": \"democratic\", \"platforms\": true,"
                    + " \"electorate\": \"built_in\"}}"));

    private static Policy policy(String label, String changes) {
        return new Policy(label, ScenarioChanges.of(JsonParser.parseString(changes).getAsJsonObject()), null);
    }

    private final DoubleSupplier speed;
    private final ConcurrentLinkedQueue<SideBySide.Pair> queue = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Thread> runner = new AtomicReference<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose two policies and press Start, or"
            + " open a lesson step that compares two.");
    private final javafx.beans.property.ReadOnlyIntegerWrapper starts = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper leftName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rightName = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Policy> leftPolicy =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(POLICIES.get(0));
    private final javafx.beans.property.ReadOnlyObjectWrapper<Policy> rightPolicy =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(POLICIES.get(2));
    private volatile SideBySide economies;
    private volatile String failure;
    private volatile int generation;
    private int stepsShown;
    private int totalSteps;

    /** @param speed steps per second to play at (0 = as fast as possible), read at every step (the window's speed) */
    public SideBySideViewModel(DoubleSupplier speed) {
        this.speed = speed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line: what plays, at which step, or why it could not start. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Counts the starts: a new pair of economies (the charts start over). */
    public javafx.beans.property.ReadOnlyIntegerProperty startsProperty() {
        return starts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leftNameProperty() {
        return leftName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightNameProperty() {
        return rightName.getReadOnlyProperty();
    }

    /** The policy on the left: the one chosen, or a lesson's economy while a lesson plays it (the picker shows it). */
    public javafx.beans.property.ReadOnlyObjectProperty<Policy> leftPolicyProperty() {
        return leftPolicy.getReadOnlyProperty();
    }

    /** The policy on the right, as {@link #leftPolicyProperty()}. */
    public javafx.beans.property.ReadOnlyObjectProperty<Policy> rightPolicyProperty() {
        return rightPolicy.getReadOnlyProperty();
    }

    /**
     * Plays {@code base} under two policies side by side (the Run menu). Null when started, else the reason.
     */
    public String start(Scenario base, Policy left, Policy right) {
        Scenario l;
        Scenario r;
        try {
            l = left.on(base);
            r = right.on(base);
        } catch (RuntimeException e) {
            return fail(ErrorPolicy.classify(e).line());
        }
        String problem = start(left.label(), l, right.label(), r);
        leftPolicy.set(left);
        rightPolicy.set(right);
        return problem;
    }

    /**
     * Plays two economies side by side from their first step, replacing what played before; the left one's
     * population and seed are used for both.
     *
     * @return null when started, else the one-line reason it could not start (also shown as the status)
     */
    public String start(String leftLabel, Scenario left, String rightLabel, Scenario right) {
        stop();
        String problem = SideBySide.problemWith(left, right);
        if (problem != null) {
            return fail("Cannot play side by side: " + problem + ".");
        }
        SideBySide both;
        try {
            both = new SideBySide(left, right, false);
        } catch (RuntimeException e) {
            return fail("Cannot play side by side: " + ErrorPolicy.classify(e).line());
        }
        queue.clear();
        failure = null;
        economies = both;
        generation++;
        stepsShown = 0;
        totalSteps = left.steps();
        leftName.set(leftLabel);
        rightName.set(rightLabel);
        leftPolicy.set(new Policy(leftLabel, ScenarioChanges.of(null), left));
        rightPolicy.set(new Policy(rightLabel, ScenarioChanges.of(null), right));
        running.set(true);
        starts.set(starts.get() + 1);
        status.set(leftLabel + " against " + rightLabel + ": starting");
        int gen = generation;
        Thread t = new Thread(() -> play(both, gen), "side-by-side-" + gen);
        t.setDaemon(true);
        runner.set(t);
        t.start();
        return null;
    }

    private String fail(String why) {
        status.set(why);
        return why;
    }

    /** The runner thread: one step of both economies, then a pause for the speed, until the end or a stop. */
    private void play(SideBySide both, int gen) {
        try {
            while (!Thread.currentThread().isInterrupted() && !both.isFinished()) {
                long t0 = System.nanoTime();
                SideBySide.Pair p = both.step();
                if (p != null && gen == generation) {
                    queue.add(p);
                }
                double sps = speed.getAsDouble();
                if (sps > 0) {
                    long waitNanos = (long) (1e9 / sps) - (System.nanoTime() - t0);
                    if (waitNanos > 0) {
                        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                    }
                }
            }
        } catch (InterruptedException e) {
            both.left().end(RunOutcome.STOPPED, null);
            both.right().end(RunOutcome.STOPPED, null);
        } catch (RuntimeException | Error e) {
            both.left().end(RunOutcome.FAILED, e);
            both.right().end(RunOutcome.FAILED, e);
            failure = ErrorPolicy.classify(e).line();
        } finally {
            runner.compareAndSet(Thread.currentThread(), null);
        }
    }

    /** Stops the economies playing (they keep what they drew). */
    public void stop() {
        Thread t = runner.getAndSet(null);
        if (t != null) {
            t.interrupt();
        }
        if (running.get()) {
            running.set(false);
            status.set(leftName.get() + " against " + rightName.get() + ": stopped at step " + stepsShown);
        }
    }

    /**
     * The pairs played since the last call, oldest first, and the status brought up to date (called by the view once
     * per frame). FX thread.
     */
    public List<SideBySide.Pair> pull() {
        List<SideBySide.Pair> out = new ArrayList<>();
        for (SideBySide.Pair p; (p = queue.poll()) != null; ) {
            out.add(p);
        }
        if (!out.isEmpty()) {
            stepsShown = out.get(out.size() - 1).step() + 1;
        }
        if (running.get()) {
            SideBySide both = economies;
            boolean ended = both != null && both.isFinished() && queue.isEmpty() && runner.get() == null;
            if (failure != null) {
                running.set(false);
                status.set("Side by side stopped: " + failure);
            } else if (ended) {
                running.set(false);
                status.set(leftName.get() + " against " + rightName.get() + ": done, " + stepsShown + " steps");
            } else if (!out.isEmpty()) {
                status.set(String.format(Locale.ROOT, "%s against %s: step %d of %d", leftName.get(), rightName.get(),
                        stepsShown, totalSteps));
            }
        }
        return out;
    }

    /** The economies playing or last played, or null. */
    public SideBySide economies() {
        return economies;
    }
}
