package org.econlab.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A step's computation stops at the next simulated step once its observer says so (the teacher moved on), alone or
 * side by side, instead of running every seed to its end on a two-core laptop.
 */
class StepRunnerCancelTest {

    @TempDir
    Path dir;

    private static final String TWO_RUNS = """
            "explanation": "Welfare {a.swf} and {b.swf}.",
            "measure": [{"name": "a"}, {"name": "b", "changes": {"planner": {"kind": "free_market"}}}],
            %s
            "claims": [{"text": "positive", "that": "a.swf > 0"}]""";

    private LessonStep step(String name, String sideBySide) throws Exception {
        Path folder = LessonTexts.folder(dir.resolve(name), LessonTexts.oneStep(TWO_RUNS.formatted(sideBySide))
                .replace("\"steps\": 50", "\"steps\": 100000"));
        return LessonCodec.read(LessonFolder.of(folder)).step(0);
    }

    /** An observer that answers "cancelled" from its {@code after}-th question on, counting the questions. */
    private static StepRunner.Observer cancelAfter(int after, AtomicInteger asked) {
        return new StepRunner.Observer() {
            @Override
            public boolean cancelled() {
                return asked.incrementAndGet() > after;
            }
        };
    }

    @Test
    void aRunStopsAtTheNextStepOnceCancelled() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        assertThrows(CancellationException.class, () -> StepRunner.run(step("alone", ""), null, cancelAfter(30, asked)));
        assertEquals(31, asked.get(), "no step after the answer");
    }

    @Test
    void aSideBySidePairStopsToo() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        assertThrows(CancellationException.class, () -> StepRunner.run(step("pair", "\"sideBySide\": [\"a\", \"b\"],"),
                null, cancelAfter(30, asked)));
        assertEquals(31, asked.get());
    }
}
