package org.econlab.simulation;

import org.econlab.economy.TaxSchedule;

/**
 * Receives what a run produces. All callbacks come on the thread that advances the run (the runner's
 * background thread, or the CLI's main thread); a UI listener must hand data over to its own thread and
 * must not block.
 */
public interface SimulationListener {

    /** Before the first step. */
    default void runStarted(Simulation simulation) {
    }

    /** After every step. */
    void stepCompleted(StepSnapshot snapshot);

    /** A user replaced the rates by hand; they apply from {@code step}. */
    default void intervened(int step, TaxSchedule schedule, String note) {
    }

    /** Once, when the run completes, is stopped or fails ({@code error} is then non-null). */
    default void runEnded(RunOutcome outcome, StepSnapshot last, Throwable error) {
    }
}
