package org.econlab.classroom;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.TaxBrackets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class's phase alone: waiting, running, stopped, finished, ended; the run's seats. */
class ClassPhaseTest {

    private static HumanInputs.Seats seats(int... agents) {
        return new HumanInputs.Seats(agents, new double[agents.length],
                TaxBrackets.of(0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD), 10, 5, 100, true);
    }

    @Test
    void aClassWaitsRunsFinishesAndEnds() {
        ClassPhase p = new ClassPhase(2);
        assertEquals("waiting", p.status());
        assertEquals(-1, p.workerOf(0));
        assertTrue(Double.isNaN(p.skillOf(0)));
        p.beginRun(seats(3, 8));
        assertEquals("running", p.status());
        assertEquals(8, p.workerOf(1));
        assertFalse(p.roundsClose());
        p.abortRun();
        assertTrue(p.roundsClose(), "a stopped run's rounds close at once");
        p.runEnded();
        assertEquals("finished", p.status());
        p.beginRun(seats(3, 8));
        assertFalse(p.roundsClose(), "the next run waits for answers again");
        assertTrue(p.end());
        assertFalse(p.end(), "ending twice does nothing");
        assertEquals("ended", p.status());
        assertTrue(p.roundsClose());
    }

    @Test
    void aRunWithAnotherNumberOfSeatsIsRefusedNamingTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ClassPhase(2).beginRun(seats(3)));
        assertTrue(e.getMessage().startsWith("worker.seats: this run has 1 seats for students but the class was started"
                + " with 2"), e.getMessage());
    }
}
