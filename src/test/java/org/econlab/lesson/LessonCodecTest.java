package org.econlab.lesson;

import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson file is checked before it runs; errors name the lesson, the step and the field (issue 17). */
class LessonCodecTest {

    @TempDir
    Path dir;

    private String error(String lessonJson) throws IOException {
        Path folder = LessonTexts.folder(dir.resolve("l" + System.nanoTime()), lessonJson);
        return assertThrows(InvalidInputException.class, () -> LessonCodec.read(LessonFolder.of(folder))).getMessage();
    }

    private static final String GOOD_STEP = """
            "explanation": "Welfare {run.swf}.",
            "measure": [{"name": "run"}],
            "claims": [{"text": "positive", "that": "run.swf > 0"}]""";

    @Test
    void aGoodLessonReads() throws IOException {
        Path folder = LessonTexts.folder(dir.resolve("good"), LessonTexts.oneStep(GOOD_STEP));
        Lesson l = LessonCodec.read(LessonFolder.of(folder));
        assertEquals("tiny", l.id());
        assertEquals(Level.SCHOOL, l.level());
        assertEquals(1, l.steps().size());
        LessonStep s = l.step(0);
        assertEquals(50, s.scenarioFrom(null).steps());
        assertEquals(20, s.scenarioFrom(null).population().agents());
        assertEquals(1, s.claims().size());
        assertFalse(s.classSeats().isPresent());
    }

    @Test
    void errorsNameLessonStepAndField() throws IOException {
        String claim = error(LessonTexts.oneStep(GOOD_STEP.replace("run.swf > 0", "run.swf >> 0")));
        assertTrue(claim.startsWith("lesson tiny, step 1 (First), claims[0].that:"), claim);

        String unknownMeasure = error(LessonTexts.oneStep(GOOD_STEP.replace("Welfare {run.swf}", "Welfare {icrl.swf}")));
        assertTrue(unknownMeasure.startsWith("lesson tiny, step 1 (First), explanation:"), unknownMeasure);
        assertTrue(unknownMeasure.contains("\"icrl\", which is no measurement of this step (run)"), unknownMeasure);

        String emptyLabel = error(LessonTexts.oneStep(GOOD_STEP.replace("{\"name\": \"run\"}",
                "{\"name\": \"run\", \"label\": \" \"}")));
        assertTrue(emptyLabel.startsWith("lesson tiny, step 1 (First), measure[0].label: is empty"), emptyLabel);

        String badChange = error(LessonTexts.oneStep(GOOD_STEP.replace("{\"name\": \"run\"}",
                "{\"name\": \"run\", \"changes\": {\"utility.swf\": \"happiness\"}}")));
        assertTrue(badChange.startsWith("lesson tiny, step 1 (First), measure[0].changes (scenario field utility.swf):"),
                badChange);

        String typo = error(LessonTexts.oneStep(GOOD_STEP + ", \"explantion\": \"x\""));
        assertTrue(typo.startsWith("lesson tiny, step 1 (First), explantion: unknown field"), typo);

        String sample = error(LessonTexts.oneStep(GOOD_STEP).replace("classroom-100", "no-such-sample"));
        assertTrue(sample.contains("scenario.sample: no bundled sample scenario \"no-such-sample\""), sample);

        String level = error(LessonTexts.oneStep(GOOD_STEP).replace("\"school\"", "\"kindergarten\""));
        assertTrue(level.startsWith("lesson tiny, level: \"kindergarten\" is not one of school, first_year, graduate"),
                level);

        String questionNumbers = error(LessonTexts.oneStep(GOOD_STEP).replace("What happens?", "Is it {run.swf}?"));
        assertTrue(questionNumbers.contains("step 1 (First), question:"), questionNumbers);
    }

    @Test
    void quantitiesAreCheckedAgainstWhatTheirMeasurementComputes() throws IOException {
        String unknown = error(LessonTexts.oneStep(GOOD_STEP.replace("Welfare {run.swf}", "Welfare {run.welfare}")));
        assertTrue(unknown.startsWith("lesson tiny, step 1 (First), explanation: run.welfare is not a quantity of a run"
                + " measurement (it has: swf, finalSwf"), unknown);

        String offGrid = error(LessonTexts.oneStep("""
                "explanation": "At 55%: {f.revenue@55|usd}.",
                "measure": [{"name": "f", "kind": "flat_rates", "from": 0, "to": 100, "by": 10}],
                "claims": [{"text": "t", "that": "f.revenue@50 > 0"}]"""));
        assertTrue(offGrid.contains("explanation: f.revenue@55: 55% is not on the measurement's rates (0 to 100 by 10)"),
                offGrid);

        String bracket = error(LessonTexts.oneStep(GOOD_STEP.replace("run.swf > 0", "run.rate9 > 0")));
        assertTrue(bracket.contains("claims[0].that: run.rate9 is not a quantity"), bracket);
    }

    @Test
    void theFirstStepMustNameAScenarioAndSideBySideNeedsTwoRunsOfOnePopulation() throws IOException {
        String none = error(LessonTexts.oneStep(GOOD_STEP).replace("\"scenario\": {\"sample\": \"classroom-100\"},", ""));
        assertTrue(none.startsWith("lesson tiny, step 1 (First), scenario: the first step must name a scenario"), none);

        String pair = error(LessonTexts.oneStep(GOOD_STEP.replace("[{\"name\": \"run\"}]",
                "[{\"name\": \"run\"}, {\"name\": \"other\", \"changes\": {\"population.agents\": 30}}],"
                        + " \"sideBySide\": [\"run\", \"other\"]")));
        assertTrue(pair.contains("sideBySide: the two economies must have the same population"), pair);
    }
}
