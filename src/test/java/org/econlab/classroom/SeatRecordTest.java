package org.econlab.classroom;

import com.google.gson.JsonObject;

import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seats' record alone: last step, capped histories, means over held steps, the class's anonymous hours. */
class SeatRecordTest {

    private static final TaxSchedule SCHEDULE = TaxSchedule.of(
            TaxBrackets.of(0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD), 30, 30, 30);

    /** Step {@code step}: seat 0 works 10 + step hours, seat 1 works 50, seat 2 works 20. */
    private static HumanInputs.StepReport step(int step) {
        return new HumanInputs.StepReport(step, SCHEDULE, new double[] {10 + step, 50, 20},
                new double[] {1000, 2000, 3000}, new double[] {100, 200, 300}, new double[] {1, 2, 3 + step}, 42,
                new int[] {0, 1, 2, 0, 0, 0, 0, 0, 0, 0}, -1);
    }

    @Test
    void theMeanHoursCountOnlyTheStepsAStudentHeldTheSeat() {
        SeatRecord r = new SeatRecord(3);
        r.beginRun();
        assertTrue(Double.isNaN(r.meanHours(0)));
        assertTrue(Double.isNaN(r.lastUtility(2)));
        r.stepPlayed(step(0), seat -> seat == 0);
        r.stepPlayed(step(2), seat -> seat == 0 || seat == 1);
        assertEquals(11.0, r.meanHours(0), 1e-12);
        assertEquals(50.0, r.meanHours(1), 1e-12);
        assertTrue(Double.isNaN(r.meanHours(2)), "nobody held seat 2");
        assertEquals(5.0, r.lastUtility(2), 1e-12);
        assertSame(SCHEDULE, r.schedule());
        r.beginRun();
        assertTrue(Double.isNaN(r.meanHours(0)), "a new run starts afresh");
        assertNull(r.last());
        assertNull(r.schedule());
    }

    @Test
    void aPageGetsItsSeatsLastStepHistoryAndTheClassesHoursSortedAndAnonymous() {
        SeatRecord r = new SeatRecord(3);
        r.beginRun();
        JsonObject before = new JsonObject();
        r.addTo(before, 0, seat -> true);
        assertEquals("{}", before.toString(), "nothing before the first step");
        for (int s = 0; s < SeatRecord.HISTORY_SHOWN + 5; s++) {
            r.stepPlayed(step(s), seat -> seat != 2);
        }
        JsonObject page = new JsonObject();
        r.addTo(page, 0, seat -> seat != 2);
        int last = SeatRecord.HISTORY_SHOWN + 4;
        assertEquals(last, page.getAsJsonObject("last").get("step").getAsInt());
        assertEquals(10 + last, page.getAsJsonObject("last").get("hours").getAsDouble(), 1e-12);
        assertEquals(42, page.getAsJsonObject("last").get("rebate").getAsDouble(), 1e-12);
        assertEquals(SeatRecord.HISTORY_SHOWN, page.getAsJsonArray("history").size(), "the oldest steps are dropped");
        assertEquals(5, page.getAsJsonArray("history").get(0).getAsJsonArray().get(0).getAsInt());
        assertEquals("[50.0,114.0]", page.getAsJsonArray("classHours").toString(), "held seats only, sorted");
        assertEquals("[0,1,2,0,0,0,0,0,0,0]", page.getAsJsonArray("economyHours").toString());
        r.forget();
        JsonObject after = new JsonObject();
        r.addTo(after, 0, seat -> true);
        assertFalse(after.has("last"), "an ended class forgets");
    }

    @Test
    void theLeaderIsKeptUntilTheNextRun() {
        SeatRecord r = new SeatRecord(1);
        r.beginRun();
        assertEquals(-1, r.leader());
        r.setLeader(7);
        assertEquals(7, r.leader());
        r.beginRun();
        assertEquals(-1, r.leader());
    }
}
