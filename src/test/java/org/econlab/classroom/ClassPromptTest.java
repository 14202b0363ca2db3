package org.econlab.classroom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teacher's prompt for the class, seen through the students' HTTP API: state, event stream, rounds, limits. */
class ClassPromptTest {

    private ClassSession session;
    private ClassServer server;
    private SimulatedStudent ada;
    private SimulatedStudent bo;

    @BeforeEach
    void start() throws Exception {
        session = new ClassSession(2, 30);
        server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0);
        ada = new SimulatedStudent(SimulatedStudent.client(), server.url(), "Ada").join(session.joinCode());
        bo = new SimulatedStudent(SimulatedStudent.client(), server.url(), "Bo").join(session.joinCode());
    }

    @AfterEach
    void stop() {
        ada.close();
        server.close();
    }

    private JsonObject state(SimulatedStudent s) throws Exception {
        var r = s.get("/api/state", s.token);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** Waits until Ada's event stream has pushed a view whose prompt is {@code expected} (null: none). */
    private void awaitPushed(String expected) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            JsonObject v = ada.lastView;
            if (v != null && (expected == null ? !v.has("prompt")
                    : v.has("prompt") && expected.equals(v.get("prompt").getAsString()))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the event stream did not push the prompt " + expected + ": " + ada.lastView);
    }

    @Test
    void everyStudentSeesThePromptTheTeacherSetsUntilItIsCleared() throws Exception {
        ada.play(v -> null);
        assertNull(session.prompt());
        assertFalse(state(ada).has("prompt"), "no prompt until the teacher sets one");
        session.setPrompt("  What hours make your utility highest?\nThink about the tax.  ");
        String shown = "What hours make your utility highest?\nThink about the tax.";
        assertEquals(shown, session.prompt(), "spaces around it are dropped, line breaks kept");
        assertEquals(shown, state(ada).get("prompt").getAsString());
        assertEquals(shown, state(bo).get("prompt").getAsString());
        awaitPushed(shown);
        session.setPrompt("<b>Vote</b> now");
        assertEquals("<b>Vote</b> now", state(bo).get("prompt").getAsString(), "text as typed: the page shows it as text");
        awaitPushed("<b>Vote</b> now");
        session.setPrompt("   ");
        assertNull(session.prompt(), "blank means none");
        assertFalse(state(bo).has("prompt"));
        awaitPushed(null);
        session.setPrompt("again");
        session.setPrompt(null);
        assertFalse(state(ada).has("prompt"));
    }

    @Test
    void aPromptTooLongOrWithControlCharactersIsRefusedNamingTheFieldAndTheOldOneStays() throws Exception {
        session.setPrompt("Choose your hours");
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> session.setPrompt("x".repeat(ClassSession.MAX_PROMPT + 1)));
        assertEquals("prompt", tooLong.fieldPath());
        assertTrue(tooLong.getMessage().contains("at most " + ClassSession.MAX_PROMPT + " characters"),
                tooLong.getMessage());
        InvalidInputException control = assertThrows(InvalidInputException.class,
                () -> session.setPrompt("tab\there"));
        assertEquals("prompt", control.fieldPath());
        assertEquals("Choose your hours", state(ada).get("prompt").getAsString());
        session.setPrompt("y".repeat(ClassSession.MAX_PROMPT));
        assertEquals(ClassSession.MAX_PROMPT, state(ada).get("prompt").getAsString().length());
    }

    @Test
    void thePromptShowsBesideTheOpenRoundAndTheClassForgetsItWhenItEnds() throws Exception {
        TaxBrackets brackets = TaxBrackets.of(0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD);
        session.beginRun(new HumanInputs.Seats(new int[] {3, 8}, new double[] {20, 60}, brackets, 10, 5, 100, true));
        session.setPrompt("Step 0: how many hours?");
        CompletableFuture<Map<Integer, HumanInputs.Hours>> round = CompletableFuture.supplyAsync(
                () -> session.hours(0, true, TaxSchedule.of(brackets, 30, 30, 30)));
        JsonObject v = state(ada);
        for (int i = 0; i < 500 && !v.has("round"); i++) {
            Thread.sleep(10);
            v = state(ada);
        }
        assertTrue(v.has("round"), v.toString());
        assertEquals("Step 0: how many hours?", v.get("prompt").getAsString());
        session.advance();
        round.get(10, TimeUnit.SECONDS);
        session.end();
        assertNull(session.prompt(), "an ended class forgets its prompt");
        session.setPrompt("too late");
        assertNull(session.prompt(), "an ended class takes no prompt");
    }

    @Test
    void promptsSetFromManyThreadsLeaveOneOfThemForEveryone() throws Exception {
        List<CompletableFuture<Void>> setters = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            setters.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    session.setPrompt("prompt " + id + "." + i);
                }
            }));
        }
        for (CompletableFuture<Void> f : setters) {
            f.get(30, TimeUnit.SECONDS);
        }
        String last = session.prompt();
        assertTrue(last.matches("prompt [0-7]\\.199"), last);
        assertEquals(last, state(ada).get("prompt").getAsString());
        assertEquals(last, state(bo).get("prompt").getAsString());
    }
}
