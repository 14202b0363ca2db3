package org.econlab.simulation;

import org.econlab.config.InvalidInputException;
import org.econlab.population.Population;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Two economies on one population and one seed, played in lockstep so that a class sees two policies at once
 * ("Saez vs icrl", "with vs without platforms"). The two scenarios must describe the same population and seed and
 * the same number of steps; they differ in what they are compared on (planner, welfare function, rates, workers).
 * The population is generated once and shared: both runs see exactly the same workers, so every difference between
 * them is the policy's (a paired comparison).
 *
 * <p>Threads: not thread-safe. One thread calls {@link #step()} (the window's runner thread, or the command line's
 * main thread); listeners are called on it after both economies have played the step and must hand data over to
 * their own thread without blocking.
 */
public final class SideBySide {

    /** The two snapshots of one step, left and right, for drawing on shared axes. */
    public record Pair(StepSnapshot left, StepSnapshot right) {
        public Pair {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        /** The step both snapshots belong to. */
        public int step() {
            return left.step();
        }
    }

    /** Receives every paired step, on the stepping thread. */
    public interface Listener {
        void paired(Pair pair, SideBySide economies);
    }

    private final Population population;
    private final Simulation left;
    private final Simulation right;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Builds both economies on one population drawn from {@code left}'s population and seed.
     *
     * @throws InvalidInputException when the two scenarios differ in population, seed or number of steps
     * @throws org.econlab.errors.ResourceLimitException when the runs would not fit in the heap
     */
    public SideBySide(Scenario left, Scenario right, boolean parallel) {
        check(left, right);
        MemoryEstimate.check(left);
        MemoryEstimate.check(right);
        this.population = Population.generate(left.population(), left.seed());
        this.left = new Simulation(left, population, parallel);
        this.right = new Simulation(right, population, parallel);
    }

    /** Why two scenarios cannot run side by side, or null when they can. */
    public static String problemWith(Scenario left, Scenario right) {
        if (!left.population().equals(right.population())) {
            return "the two economies must have the same population (agents, skills, personas)";
        }
        if (left.seed() != right.seed()) {
            return "the two economies must have the same seed (" + left.seed() + " and " + right.seed() + ")";
        }
        if (left.steps() != right.steps()) {
            return "the two economies must run the same number of steps (" + left.steps() + " and "
                    + right.steps() + ")";
        }
        return null;
    }

    private static void check(Scenario left, Scenario right) {
        String problem = problemWith(left, right);
        if (problem != null) {
            throw new InvalidInputException("side by side", problem);
        }
    }

    public Population population() {
        return population;
    }

    public Simulation left() {
        return left;
    }

    public Simulation right() {
        return right;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Whether either economy has ended (completed, stopped or failed): no further pairs come. */
    public boolean isFinished() {
        return left.isFinished() || right.isFinished();
    }

    /**
     * Plays one step of the left economy, then the same step of the right one, and tells the listeners.
     * Returns null (and plays nothing more) once either economy has ended.
     */
    public Pair step() {
        if (isFinished()) {
            return null;
        }
        StepSnapshot a = left.step();
        if (left.isFinished() && (a == null || a.step() != right.currentStep())) {
            right.end(RunOutcome.STOPPED, null); // the left run stopped mid-step: keep the pair in lockstep
            return null;
        }
        StepSnapshot b = right.step();
        if (a == null || b == null || a.step() != b.step()) {
            left.end(RunOutcome.STOPPED, null);
            right.end(RunOutcome.STOPPED, null);
            return null;
        }
        Pair pair = new Pair(a, b);
        for (Listener l : listeners) {
            l.paired(pair, this);
        }
        return pair;
    }

    /** Plays every remaining step on the calling thread; returns the last pair (null when none was played). */
    public Pair runToEnd() {
        Pair last = null;
        try {
            while (!isFinished()) {
                Pair p = step();
                if (p != null) {
                    last = p;
                }
            }
        } catch (RuntimeException | Error e) {
            left.end(RunOutcome.FAILED, e);
            right.end(RunOutcome.FAILED, e);
            throw e;
        }
        return last;
    }
}
