package org.econlab.classroom;

import org.econlab.config.InvalidInputException;

/**
 * Where a class stands: waiting for a run, running one (with its seats), finished, stopped by the teacher (later rounds
 * of that run close at once, until the next run begins), or ended for good. Not thread-safe: the owning
 * {@link ClassSession} calls it under its lock.
 */
final class ClassPhase {

    private final int seatCount;
    private HumanInputs.Seats seats;
    private boolean ended;
    private boolean runActive;
    private boolean runFinished;
    private boolean runAborted;

    ClassPhase(int seatCount) {
        this.seatCount = seatCount;
    }

    /**
     * A run begins with {@code s}.
     *
     * @throws InvalidInputException naming {@code worker.seats} when the run has another number of seats than the class
     */
    void beginRun(HumanInputs.Seats s) {
        if (s.agents().length != seatCount) {
            throw new InvalidInputException("worker.seats", "this run has " + s.agents().length + " seats for"
                    + " students but the class was started with " + seatCount + ": end the class and start it again");
        }
        seats = s;
        runActive = true;
        runAborted = false;
        runFinished = false;
    }

    void runEnded() {
        runActive = false;
        runFinished = true;
    }

    /** The teacher stopped the run: rounds close at once until the next run begins. */
    void abortRun() {
        runAborted = true;
    }

    /** Ends the class; false when it had ended before. */
    boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    boolean ended() {
        return ended;
    }

    /** Whether rounds close at once (nobody waits for answers): the class ended or the run was stopped. */
    boolean roundsClose() {
        return ended || runAborted;
    }

    /** The word students' pages show: ended, running, finished or waiting. */
    String status() {
        return ended ? "ended" : runActive ? "running" : runFinished ? "finished" : "waiting";
    }

    /** The seats of the run that began last, or null before the first. */
    HumanInputs.Seats seats() {
        return seats;
    }

    /** The agent {@code seat} plays, or -1 before the first run. */
    int workerOf(int seat) {
        return seats == null || seat >= seats.agents().length ? -1 : seats.agents()[seat];
    }

    /** The skill of the worker {@code seat} plays, or NaN before the first run. */
    double skillOf(int seat) {
        return seats == null || seat >= seats.agents().length ? Double.NaN : seats.skills()[seat];
    }
}
