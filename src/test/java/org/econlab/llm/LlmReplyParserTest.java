package org.econlab.llm;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmReplyParserTest {

    @Test
    void labourIsReadLeniently() {
        assertEquals(40, ReplyParser.labour("{\"LABOR\": \"40\"}", 100));
        assertEquals(40, ReplyParser.labour("Sure, here you go: {\"LABOR\": \"$40\"} hope it helps", 100));
        assertEquals(55.5, ReplyParser.labour("LABOR\": \"55.5 hours\"}", 100)); // continued prefill
        assertEquals(10, ReplyParser.labour("{\"labor\": \"10.0%\"", 100)); // missing closing brace
        assertEquals(70, ReplyParser.labour("```json\n{\"thought\": \"a, b\", \"LABOR\": 70}\n```", 100));
        assertEquals(100, ReplyParser.labour("{\"LABOR\": 250}", 100)); // clipped (paper §3.3)
        assertEquals(0, ReplyParser.labour("{\"LABOR\": \"-3\"}", 100));
        assertEquals(1000, ReplyParser.labour("{\"LABOR\": \"1,000\"}", 5000));
    }

    @Test
    void unusableRepliesAreRejected() {
        assertThrows(RuntimeException.class, () -> ReplyParser.labour("I cannot answer", 100));
        assertThrows(RuntimeException.class, () -> ReplyParser.labour("{\"thou", 100));
        assertThrows(RuntimeException.class, () -> ReplyParser.labour("{\"LABOR\": \"NaN\"}", 100));
        assertThrows(RuntimeException.class, () -> ReplyParser.labour("{\"HOURS\": 40}", 100));
    }

    @Test
    void deltasAreClippedAndRoundedToTensHalfEven() {
        JsonObject o = ReplyParser.object("{\"DELTA\": [5, -15, 55, \"10%\", 14.9]}");
        assertArrayEquals(new double[] {0, -20, 20, 10, 10}, ReplyParser.deltas(ReplyParser.field(o, "DELTA"), 5));
        assertThrows(ReplyParser.InvalidReply.class,
                () -> ReplyParser.deltas(ReplyParser.field(ReplyParser.object("{\"DELTA\": [1, 2]}"), "DELTA"), 3));
        assertTrue(ReplyParser.isNone(ReplyParser.object("{\"DELTA\": None}"), "DELTA"));
    }

    @Test
    void promptNumbersLookLikePythonFloats() {
        assertEquals("50.0", PaperPrompts.num(50));
        assertEquals("26957.62", PaperPrompts.num(26957.6199));
        assertEquals("nan", PaperPrompts.num(Double.NaN));
        assertEquals("[50.0, 40.0]", PaperPrompts.list(new double[] {50, 40}));
        assertEquals("90,000.00", PaperPrompts.dollars(90000));
        assertEquals(40, PaperPrompts.roundTens(45));
        assertEquals(60, PaperPrompts.roundTens(55));
    }

    @Test
    void plannerWindowFollowsThePaperOrItsFix() {
        assertEquals(50, LlmPlanner.plannerWindow(50, 5, false));
        assertEquals(20, LlmPlanner.plannerWindow(50, 50, false));
        assertEquals(0, LlmPlanner.plannerWindow(50, 100, true));
        assertEquals(1, LlmPlanner.plannerWindow(50, 100, false));
    }

    @Test
    void directionalHintFollowsThePaperRule() {
        assertEquals("Increasing labor increased utility. This implies labor l is too low and needs to be increased "
                + "above labor l=50.0.", LlmWorkers.hint(50, 40, 3));
        assertEquals("Decreasing labor increased utility. This implies labor l is too high and needs to be decreased "
                + "below labor l=30.0.", LlmWorkers.hint(30, 40, 3));
        assertEquals("Increasing labor decreased utility.", LlmWorkers.hint(50, 40, 0));
    }
}
