package org.econlab.classroom;

import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rounds and their timer alone, on a clock the test moves: ids, seconds left, pause, closing and the runner's wait. */
class RoundsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final Rounds rounds = new Rounds(30, clock::get);
    private final TaxSchedule schedule = TaxSchedule.of(
            TaxBrackets.of(0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD), 30, 30, 30);

    private Rounds.Round openHours(int step) {
        return rounds.open(ClassSession.RoundKind.HOURS, step, schedule, List.of(), -1);
    }

    @Test
    void theTimerIsThreeSecondsToTenMinutes() {
        assertThrows(IllegalArgumentException.class, () -> new Rounds(2, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new Rounds(601, clock::get));
        assertThrows(IllegalArgumentException.class, () -> rounds.setTimerSeconds(0));
        rounds.setTimerSeconds(3);
        assertEquals(3, rounds.timerSeconds());
    }

    @Test
    void roundsCountUpAndTheOpenOneShowsItsSecondsLeftRoundedUp() {
        Rounds.Round a = openHours(0);
        assertEquals(1, a.id);
        assertSame(a, rounds.open());
        assertEquals(30, rounds.secondsLeft(a));
        clock.addAndGet(SECOND / 2);
        assertEquals(30, rounds.secondsLeft(a), "29.5 s left shows as 30");
        assertEquals("hours, step 0, 30 s left", rounds.label());
        clock.addAndGet(40 * SECOND);
        assertEquals(0, rounds.secondsLeft(a));
        rounds.closeCurrent();
        assertNull(rounds.open());
        assertSame(a, rounds.current(), "closed, but current until its waiter finishes");
        assertEquals("", rounds.label());
        assertEquals(2, openHours(1).id);
    }

    @Test
    void aPauseKeepsTheTimeLeftAndAResumeMovesTheDeadline() throws InterruptedException {
        Rounds.Round r = openHours(0);
        clock.addAndGet(10 * SECOND);
        assertTrue(rounds.pause(true));
        assertFalse(rounds.pause(true), "pausing twice changes nothing");
        clock.addAndGet(100 * SECOND);
        assertEquals(20, rounds.secondsLeft(r));
        assertEquals("hours, step 0 (paused)", rounds.label());
        rounds.pause(false);
        assertEquals(20, rounds.secondsLeft(r));
        clock.addAndGet(20 * SECOND);
        Object lock = new Object();
        synchronized (lock) {
            rounds.await(r, lock, now -> false);
        }
        assertTrue(r.closed, "the timer ran out after the 20 s that were left");
        assertEquals(r.id, rounds.lastClosed());
        assertNull(rounds.current());
    }

    @Test
    void aRoundOpenedWhilePausedHoldsItsFullTime() {
        rounds.pause(true);
        Rounds.Round r = openHours(0);
        clock.addAndGet(1000 * SECOND);
        assertEquals(30, rounds.secondsLeft(r));
        rounds.pause(false);
        clock.addAndGet(29 * SECOND);
        assertEquals(1, rounds.secondsLeft(r));
    }

    @Test
    void theRunnerWaitsWhilePausedAndWakesWhenTheTeacherAdvances() throws Exception {
        Object lock = new Object();
        Rounds.Round r;
        synchronized (lock) {
            rounds.pause(true);
            r = openHours(3);
            clock.addAndGet(3600 * SECOND);
        }
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            synchronized (lock) {
                try {
                    rounds.await(r, lock, now -> false);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return rounds.lastClosed();
            }
        });
        Thread.sleep(600);
        assertFalse(waited.isDone(), "a paused round does not close when its time is up");
        synchronized (lock) {
            rounds.closeCurrent();
            lock.notifyAll();
        }
        assertEquals(r.id, waited.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theRunnerStopsWaitingWhenEveryoneAnsweredAndASkippedRoundLeavesNoFreshAnswer() throws InterruptedException {
        Rounds.Round r = openHours(0);
        Object lock = new Object();
        AtomicLong asked = new AtomicLong(-1);
        synchronized (lock) {
            rounds.await(r, lock, now -> {
                asked.set(now);
                return true;
            });
        }
        assertEquals(clock.get(), asked.get(), "asked with the clock's time");
        assertEquals(1, rounds.lastClosed());
        rounds.skipped();
        assertEquals(-1, rounds.lastClosed());
    }

    @Test
    void aLeaderRoundAsksTheLeaderOnly() {
        Rounds.Round r = rounds.open(ClassSession.RoundKind.LEADER, 5, schedule, List.of(), 2);
        assertTrue(r.asks(2));
        assertFalse(r.asks(1));
        assertTrue(openHours(6).asks(1));
        rounds.clear();
        assertNull(rounds.current());
    }
}
