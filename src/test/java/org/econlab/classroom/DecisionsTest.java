package org.econlab.classroom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers alone: the rules each kind of answer must meet, and which answers count for the runner. */
class DecisionsTest {

    private static final List<Candidate> CANDIDATES = List.of(new Candidate(3, new double[] {10, 0, -10}),
            new Candidate(8, new double[] {0, 0, 0}));

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    private static Object parse(ClassSession.RoundKind kind, String body) {
        return Decisions.parse(kind, json(body), 3, 100, CANDIDATES);
    }

    /** The refusal's message; the status must be 400. */
    private static String refused(ClassSession.RoundKind kind, String body) {
        ClassException e = assertThrows(ClassException.class, () -> parse(kind, body));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void hoursAreANumberFromZeroToTheMaximum() {
        assertEquals(0.0, parse(ClassSession.RoundKind.HOURS, "{\"hours\":0}"));
        assertEquals(55.5, parse(ClassSession.RoundKind.HOURS, "{\"hours\":55.5}"));
        assertEquals(100.0, parse(ClassSession.RoundKind.HOURS, "{\"hours\":100}"));
        assertEquals("hours must be 0..100", refused(ClassSession.RoundKind.HOURS, "{\"hours\":100.5}"));
        assertEquals("hours must be 0..100", refused(ClassSession.RoundKind.HOURS, "{\"hours\":-1}"));
        assertEquals("hours must be a number", refused(ClassSession.RoundKind.HOURS, "{\"hours\":\"40\"}"));
        assertEquals("hours must be a number", refused(ClassSession.RoundKind.HOURS, "{}"));
        assertEquals("hours must be 0..37.5", assertThrows(ClassException.class, () -> Decisions.parse(
                ClassSession.RoundKind.HOURS, json("{\"hours\":40}"), 3, 37.5, List.of())).getMessage());
    }

    @Test
    void aCandidacyStandsOnAPlatformOfGridChangesOrDoesNotStand() {
        assertSame(Decisions.NO_STAND, parse(ClassSession.RoundKind.CANDIDACY, "{\"stand\":false}"));
        assertArrayEquals(new double[] {-20, 0, 20},
                (double[]) parse(ClassSession.RoundKind.CANDIDACY, "{\"stand\":true,\"platform\":[-20,0,20]}"));
        assertEquals("stand must be true or false", refused(ClassSession.RoundKind.CANDIDACY, "{\"stand\":\"yes\"}"));
        assertEquals("platform must list 3 changes, one per bracket",
                refused(ClassSession.RoundKind.CANDIDACY, "{\"stand\":true,\"platform\":[0,0]}"));
        assertEquals("each change is one of -20, -10, 0, 10, 20 points",
                refused(ClassSession.RoundKind.CANDIDACY, "{\"stand\":true,\"platform\":[0,5,0]}"));
        assertEquals("platform must list numbers",
                refused(ClassSession.RoundKind.CANDIDACY, "{\"stand\":true,\"platform\":[0,\"a\",0]}"));
    }

    @Test
    void aVoteNamesACandidateAndALeaderChoosesGridChanges() {
        assertEquals(8, parse(ClassSession.RoundKind.VOTE, "{\"vote\":8}"));
        assertEquals("vote for one of the candidates", refused(ClassSession.RoundKind.VOTE, "{\"vote\":5}"));
        assertArrayEquals(new double[] {10, 10, -10}, (double[]) parse(ClassSession.RoundKind.LEADER,
                "{\"deltas\":[10,10,-10]}"));
        assertEquals("each change is one of -20, -10, 0, 10, 20 points",
                refused(ClassSession.RoundKind.LEADER, "{\"deltas\":[15,10,10]}"));
    }

    @Test
    void theKindAndRoundOfAnAnswerAreChecked() {
        assertEquals(ClassSession.RoundKind.VOTE, Decisions.kind("vote"));
        assertEquals(400, assertThrows(ClassException.class, () -> Decisions.kind("pay")).status());
        assertEquals(400, assertThrows(ClassException.class, () -> Decisions.kind(null)).status());
        assertEquals(7, Decisions.roundId(json("{\"round\":7}")));
        assertEquals("round must be a whole number",
                assertThrows(ClassException.class, () -> Decisions.roundId(json("{\"round\":1.5}"))).getMessage());
        assertEquals("round must be a whole number",
                assertThrows(ClassException.class, () -> Decisions.roundId(json("{\"round\":-1}"))).getMessage());
        assertEquals("round must be a number",
                assertThrows(ClassException.class, () -> Decisions.roundId(json("{\"round\":\"1\"}"))).getMessage());
    }

    @Test
    void onlyAnAnswerToTheRoundThatClosedCounts() {
        Decisions d = new Decisions(2);
        assertEquals(HumanInputs.Hours.KEEP, d.hours(0, 1));
        d.record(0, 1, 40.0);
        assertEquals(new HumanInputs.Hours(40.0, true), d.hours(0, 1));
        assertEquals(HumanInputs.Hours.KEEP, d.hours(0, 2), "an answer to an earlier round is not fresh");
        assertEquals(HumanInputs.Hours.KEEP, d.hours(1, 1), "the other seat did not answer");
        assertEquals(-1, d.vote(0, 1), "hours are not a vote");
        d.record(0, 2, Decisions.NO_STAND);
        assertNull(d.platform(0, 2), "does not stand");
        double[] platform = {10, 0, 0};
        d.record(1, 2, platform);
        assertArrayEquals(platform, d.platform(1, 2));
        d.platform(1, 2)[0] = 99;
        assertEquals(10, d.leaderDeltas(1, 2)[0], "a copy is handed out");
        d.record(1, 3, 8);
        assertEquals(8, d.vote(1, 3));
        d.forget(1);
        assertEquals(-1, d.vote(1, 3), "a seat that changed hands has no answer");
        assertFalse(d.answered(1, 3));
        assertFalse(d.answered(1, -1), "a skipped round (-1) has no answers");
    }

    @Test
    void aPageShowsItsOwnAnswerToTheOpenRound() {
        Decisions d = new Decisions(1);
        JsonObject round = new JsonObject();
        d.addAnswerTo(round, 0, 4);
        assertEquals("{}", round.toString());
        d.record(0, 4, new double[] {10, 0, -10});
        d.addAnswerTo(round, 0, 4);
        assertEquals("{\"yourDeltas\":[10.0,0.0,-10.0]}", round.toString());
    }

    @Test
    void everyoneAnsweredMeansEveryConnectedStudentTheRoundAsks() {
        long[] now = {0};
        LongSupplier clock = () -> now[0];
        Rounds rounds = new Rounds(30, clock);
        SeatRegistry seats = new SeatRegistry(3, new SecureRandom());
        SeatRegistry.Student a = seats.join("x", seats.joinCode(), "A", 0);
        SeatRegistry.Student b = seats.join("x", seats.joinCode(), "B", 0);
        TaxSchedule schedule = TaxSchedule.of(TaxBrackets.of(0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD),
                30, 30, 30);
        Rounds.Round r = rounds.open(ClassSession.RoundKind.HOURS, 0, schedule, List.of(), -1);
        Decisions d = new Decisions(3);
        d.record(a.seat, r.id, 40.0);
        assertFalse(d.everyoneAnswered(r, seats.students(), 0), "B is connected and has not answered");
        now[0] = SeatRegistry.CONNECTED_GRACE_SECONDS * 1_000_000_000L;
        assertTrue(d.everyoneAnswered(r, seats.students(), now[0]), "B's page went quiet: not waited for");
        Rounds.Round lead = rounds.open(ClassSession.RoundKind.LEADER, 5, schedule, List.of(), a.seat);
        assertFalse(d.everyoneAnswered(lead, seats.students(), 0));
        d.record(a.seat, lead.id, new double[] {0, 0, 0});
        assertTrue(d.everyoneAnswered(lead, seats.students(), 0), "a leader round waits for the leader only");
        assertTrue(b.seat != a.seat);
    }
}
