package org.econlab.classroom;

import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;

import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The class's rounds and their timer: which round is open, how long it has left, the teacher's pause, and the wait of
 * the runner thread until the round closes. A round closes when the caller says everyone answered, when it is
 * {@linkplain #closeCurrent() closed} (the teacher advanced, the class ended, the run stopped), or when its timer runs
 * out, never while paused. Round ids count up from 1 and are never reused.
 *
 * <p>Times are nanoseconds of the injected clock ({@link System#nanoTime()} in a class). Not thread-safe: the owning
 * {@link ClassSession} calls it under its lock, which {@link #await} waits on.
 */
final class Rounds {

    static final int MIN_TIMER_SECONDS = 3;
    static final int MAX_TIMER_SECONDS = 600;
    /** The longest the runner sleeps before looking again (a student's connection may lapse without a call). */
    static final long RECHECK_NANOS = 250_000_000L;

    /** One round: what it asks, of whom, until when. */
    static final class Round {
        final long id;
        final ClassSession.RoundKind kind;
        final int step;
        final TaxSchedule schedule;
        final List<Candidate> candidates;
        /** The seat a leader round asks, or -1 (every seat is asked). */
        final int leaderSeat;
        long deadlineNanos;
        long remainingWhenPaused = -1;
        boolean closed;

        Round(long id, ClassSession.RoundKind kind, int step, TaxSchedule schedule, List<Candidate> candidates,
              int leaderSeat, long deadlineNanos) {
            this.id = id;
            this.kind = kind;
            this.step = step;
            this.schedule = schedule;
            this.candidates = candidates;
            this.leaderSeat = leaderSeat;
            this.deadlineNanos = deadlineNanos;
        }

        /** Whether the round asks the student on {@code seat} (a leader round asks the leader only). */
        boolean asks(int seat) {
            return kind != ClassSession.RoundKind.LEADER || seat == leaderSeat;
        }
    }

    private final LongSupplier clock;
    private int timerSeconds;
    private boolean paused;
    private Round current;
    private long nextId = 1;
    private long lastClosed;

    /** @param timerSeconds how long a round stays open at most, {@value #MIN_TIMER_SECONDS}..{@value #MAX_TIMER_SECONDS} */
    Rounds(int timerSeconds, LongSupplier clock) {
        this.timerSeconds = checkTimer(timerSeconds);
        this.clock = clock;
    }

    static int checkTimer(int s) {
        if (s < MIN_TIMER_SECONDS || s > MAX_TIMER_SECONDS) {
            throw new IllegalArgumentException("the timer must be " + MIN_TIMER_SECONDS + ".." + MAX_TIMER_SECONDS
                    + " seconds");
        }
        return s;
    }

    long now() {
        return clock.getAsLong();
    }

    int timerSeconds() {
        return timerSeconds;
    }

    /** From the next round on. */
    void setTimerSeconds(int s) {
        timerSeconds = checkTimer(s);
    }

    boolean paused() {
        return paused;
    }

    /**
     * Pauses (the open round's time left is kept) or resumes (its deadline moves by the pause).
     *
     * @return whether anything changed
     */
    boolean pause(boolean pause) {
        if (paused == pause) {
            return false;
        }
        paused = pause;
        long now = now();
        if (current != null) {
            if (pause) {
                current.remainingWhenPaused = Math.max(0, current.deadlineNanos - now);
            } else if (current.remainingWhenPaused >= 0) {
                current.deadlineNanos = now + current.remainingWhenPaused;
                current.remainingWhenPaused = -1;
            }
        }
        return true;
    }

    /** Opens a round of the full timer (held while paused) and makes it the current one. */
    Round open(ClassSession.RoundKind kind, int step, TaxSchedule schedule, List<Candidate> candidates, int leaderSeat) {
        long full = timerSeconds * 1_000_000_000L;
        Round r = new Round(nextId++, kind, step, schedule, List.copyOf(candidates), leaderSeat, now() + full);
        if (paused) {
            r.remainingWhenPaused = full;
        }
        current = r;
        return r;
    }

    /** The current round (possibly just closed, until its waiter finishes), or null. */
    Round current() {
        return current;
    }

    /** The current round while it is open, or null. */
    Round open() {
        return current != null && !current.closed ? current : null;
    }

    /** Closes the current round, if any; its waiter returns at the next wake-up (the caller notifies). */
    void closeCurrent() {
        if (current != null) {
            current.closed = true;
        }
    }

    /** Forgets the current round (the run ended). */
    void clear() {
        current = null;
    }

    /** The id of the round that closed last, or -1 when the last one was skipped (class ended or run stopped). */
    long lastClosed() {
        return lastClosed;
    }

    /** Records that a round was skipped: no answer counts as fresh. */
    void skipped() {
        lastClosed = -1;
    }

    /**
     * Waits on {@code lock} (which the caller holds) until {@code r} closes: {@code closeNow} says so (asked with the
     * clock's time at every wake-up, at least every 250 ms), it is closed, or its timer runs out while not paused. Then
     * it is the last closed round and no longer current.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void await(Round r, Object lock, LongPredicate closeNow) throws InterruptedException {
        while (!r.closed) {
            long now = now();
            if (closeNow.test(now) || (!paused && now >= r.deadlineNanos)) {
                r.closed = true;
                break;
            }
            long waitNanos = paused ? RECHECK_NANOS : Math.min(RECHECK_NANOS, r.deadlineNanos - now);
            lock.wait(Math.max(1, waitNanos / 1_000_000));
        }
        lastClosed = r.id;
        if (current == r) {
            current = null;
        }
    }

    /** Whole seconds left in {@code r}, rounded up; what was left when paused while paused. */
    long secondsLeft(Round r) {
        long nanos = paused && r.remainingWhenPaused >= 0 ? r.remainingWhenPaused : r.deadlineNanos - now();
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The open round's kind and step, e.g. "hours, step 12, 20 s left", or "" between rounds. */
    String label() {
        Round r = open();
        if (r == null) {
            return "";
        }
        return r.kind.id() + ", step " + r.step + (paused ? " (paused)" : ", " + secondsLeft(r) + " s left");
    }
}
