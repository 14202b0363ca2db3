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
        assertEquals(10, ReplyParser.labour("{\"labor\": \"10.0%\"", 100)); // missing closing brace (a stop token)
        assertEquals(40, ReplyParser.labour("{\"LABOR\": 40", 100)); // a number, then the stop token
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
    void plannerWindowFollowsThePaperOrItsFloor() {
        assertEquals(50, LlmPlanner.plannerWindow(50, 5, false));
        assertEquals(20, LlmPlanner.plannerWindow(50, 50, false));
        assertEquals(0, LlmPlanner.plannerWindow(50, 100, false)); // the reference: (50 // 100) * 20
        assertEquals(1, LlmPlanner.plannerWindow(50, 100, true));
    }

    @Test
    void directionalHintFollowsThePaperRule() {
        assertEquals("Increasing labor increased utility. This implies labor l is too low and needs to be increased "
                + "above labor l=50.0.\n", WorkerPrompts.hint(50, 40, 3, false, PromptStyle.PAPER));
        assertEquals("Decreasing labor increased utility. This implies labor l is too high and needs to be decreased "
                + "below labor l=30.0.\n", WorkerPrompts.hint(30, 40, 3, false, PromptStyle.PAPER));
        // the reference's wording when utility did not change: the clause is empty, the sentence stays
        assertEquals("Increasing labor decreased utility. This implies labor l is .\n",
                WorkerPrompts.hint(50, 40, 0, false, PromptStyle.PAPER));
        assertEquals("Increasing labor increased utility. This implies labor l is too low and needs to be increased "
                + "above labor l=100.\n", WorkerPrompts.hint(100, 40, 3, true, PromptStyle.PAPER)); // a clipped int
    }

    /** Every shape of a reply cut inside a value is asked again (counted as truncated), never repaired. */
    @Test
    void truncatedRepliesAreNeverHalfRead() {
        String[] cut = {
            "{\"LABOR\": \"10",                 // inside a string value: "10" could have been "100"
            "{\"LABOR\": \"",                   // an empty string just opened
            "LABOR\": \"4",                      // continued prefill, inside the value
            "{\"LAB",                            // inside a key
            "{\"thou",                           // inside the first key
            "{\"LABOR\"",                        // a key and nothing after it
            "{\"LABOR\":",                       // a colon and nothing after it
            "{\"LABOR\": ",                      // ... and white space
            "{\"LABOR\": \"40\",",               // a comma and nothing after it
            "{\"thought\": \"I should work mo",   // inside a chain-of-thought string
            "{\"thought\": \"use {x} then",       // a brace inside the cut string
            "{\"DELTA\": [10, -1",                // inside a list
            "{\"DELTA\": [10, ",                  // a list waiting for its next value
            "{\"DELTA\": [",                      // a list just opened
            "{\"a\": {\"b\": 1}, \"LABOR\": \"1",  // after a complete nested object
            "{\"LABOR\": tr",                     // inside a literal
            "{\"ANSWER\": \"YE",                  // satisfaction answer cut
            "{\"",                                // only the prefill
        };
        for (String s : cut) {
            assertThrows(ReplyParser.TruncatedReply.class, () -> ReplyParser.object(s), s);
        }
        // complete values whose closing brace is missing (a stop token) are read
        assertEquals(40, ReplyParser.labour("{\"LABOR\": \"40\"", 100));
        assertEquals(40, ReplyParser.labour("LABOR\": \"40\"", 100));
        assertArrayEquals(new double[] {10, -10, 0},
                ReplyParser.deltas(ReplyParser.field(ReplyParser.object("{\"DELTA\": [10, -10, 0]"), "DELTA"), 3));
        // a complete object followed by prose or a code fence is complete
        assertEquals(40, ReplyParser.labour("{\"LABOR\": 40}\nI hope this helps {", 100));
        // a persona text that stops mid-word was cut; a finished sentence is kept
        assertThrows(ReplyParser.TruncatedReply.class, () -> WorkerPrompts.personaText("You are a 55-year-old working as a nur"));
        assertEquals("You are a nurse.", WorkerPrompts.personaText("\"You are a nurse.\""));
    }

    @Test
    void numbersArePrintedAsPythonPrintsThem() {
        assertEquals("50.0", PyText.repr(50));
        assertEquals("673.9405", PyText.repr(673.9405));
        assertEquals("26957.620000000003", PyText.repr(673.9405 * 40)); // Python: 673.9405*40
        assertEquals("0.1", PyText.repr(0.1));
        assertEquals("0.30000000000000004", PyText.repr(0.1 + 0.2));
        assertEquals("1e-05", PyText.repr(0.00001));
        assertEquals("0.0001", PyText.repr(0.0001));
        assertEquals("1e+16", PyText.repr(1e16));
        assertEquals("1234567890123456.0", PyText.repr(1234567890123456.0));
        assertEquals("-2.5", PyText.repr(-2.5));
        assertEquals("nan", PyText.repr(Double.NaN));
        assertEquals("[50, 50, 50]", PyText.list(new double[] {50, 50, 50}, true));
        assertEquals("[60.0, 40.0, 50.0]", PyText.list(new double[] {60, 40, 50}, false));
        assertEquals("[100.  40.  50.]", PyText.npIntegralArray(new double[] {100, 40, 50}));
        assertEquals("[50. 50. 50.]", PyText.npIntegralArray(new double[] {50, 50, 50}));
        assertEquals("[ 0. 50. 50.]", PyText.npIntegralArray(new double[] {0, 50, 50}));
        assertEquals("0.12", PyText.fixed2(0.125)); // the exact binary value, half to even
        assertEquals("-0.00", PyText.fixed2(-0.001));
        assertEquals("159,100.00", PyText.commas2(159100));
        assertEquals("10,000,000.00", PyText.commas2(1e7));
    }

    @Test
    void numpyStatisticsAddInNumpysOrder() {
        // a = np.arange(1, n + 1) * 0.1 + np.sin(np.arange(n)) * 1000.3; values printed by NumPy 2.4
        double[][] expected = {{9, 1548.053924164683, 172.00599157385366, 689.0902985458567},
            {50, 290.80102981222774, 5.816020596244555, 707.8571160719896},
            {200, 2916.2687799224896, 14.581343899612447, 706.39611916454}};
        for (double[] e : expected) {
            int n = (int) e[0];
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = (i + 1) * 0.1 + Math.sin(i) * 1000.3;
            }
            assertEquals(e[1], NumpyStats.sum(a), "sum of " + n); // Python's sum() differs in the last digit
            assertEquals(e[2], NumpyStats.mean(a), "mean of " + n);
            assertEquals(e[3], NumpyStats.std(a), "std of " + n);
        }
        assertEquals(2.5, NumpyStats.median(new double[] {1, 2, 3, 4}));
        assertArrayEquals(new int[] {2, 1, 1}, NumpyStats.histogram(new double[] {0, 10, 90000, 1e7}, new double[] {0, 90000, 159100, 1e7}));
    }
}
