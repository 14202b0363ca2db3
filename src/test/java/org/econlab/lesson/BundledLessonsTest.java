package org.econlab.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled lesson runs end to end headless; every placeholder of its explanations is filled from the run, every
 * claim of its text holds on the seeds it names, and every step has a figure (issue 17). A lesson whose numbers
 * contradict its own text fails here.
 */
class BundledLessonsTest {

    @TempDir
    Path dir;

    static List<String> lessons() {
        return LessonLibrary.bundledIds();
    }

    @Test
    void theLibraryHoldsTheSixLessonsOfTheIssueWithUniqueIds() {
        List<Lesson> all = LessonLibrary.bundled();
        assertTrue(all.size() >= 6, "lessons: " + all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(Lesson::id).toList()).size());
        assertEquals(List.of("taxes-and-hours", "laffer-curve", "what-is-best", "saez-vs-learning", "democracy",
                "you-are-the-economy"), all.stream().map(Lesson::id).limit(6).toList());
        for (Lesson l : all) {
            assertFalse(l.goals().isEmpty(), l.id());
            assertTrue(l.steps().stream().allMatch(s -> !s.claims().isEmpty()), l.id() + ": a step without a claim");
        }
        assertTrue(all.stream().anyMatch(l -> l.steps().stream().anyMatch(s -> s.classSeats().isPresent())),
                "a lesson for a live class");
    }

    @Test
    void everyMeasurementIsCalledInWordsInLegendsAndTheSideBySideTab() {
        for (Lesson l : LessonLibrary.bundled()) {
            for (LessonStep s : l.steps()) {
                for (Measure m : s.measures()) {
                    String where = l.id() + " step " + s.number() + " " + m.name();
                    assertNotEquals(m.name(), m.label(), where + ": a label, not the name texts refer to");
                    assertTrue(m.label().contains(" "), where + ": words, not an identifier: " + m.label());
                }
            }
        }
    }

    @Test
    void aClassStepPutsStudentsInTheSeatsAndTheVoteInTheirHands() {
        Lesson l = LessonLibrary.bundled("you-are-the-economy");
        LessonStep hours = l.step(0);
        org.econlab.simulation.Scenario first = hours.forClass(null, hours.classSeats().orElseThrow());
        assertEquals("human", first.worker().kind());
        assertEquals(30, first.worker().json().get("seats").getAsInt());
        assertEquals("learning", first.worker().json().getAsJsonObject("others").get("kind").getAsString());
        LessonStep vote = l.step(2);
        org.econlab.simulation.Scenario voting = vote.forClass(l.step(1).scenarioFrom(hours.scenarioFrom(null)), 12);
        assertEquals("human", voting.planner().json().getAsJsonObject("electorate").get("kind").getAsString());
        assertEquals(12, voting.worker().json().get("seats").getAsInt());
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void runsEndToEndWithEveryNumberFilledAndEveryClaimHolding(String id) {
        Lesson lesson = LessonLibrary.bundled(id);
        LessonResult result = LessonResult.run(lesson, StepRunner.QUIET);
        assertEquals(lesson.steps().size(), result.steps().size());
        for (StepResult s : result.steps()) {
            String where = id + " step " + s.step().number();
            assertFalse(s.explanation().contains("{") || s.explanation().contains("}"), where + ": " + s.explanation());
            assertFalse(s.explanation().contains("NaN") || s.explanation().contains("Infinity"), where);
            assertFalse(s.claims().isEmpty(), where);
            for (ClaimResult c : s.claims()) {
                assertTrue(c.holds(), where + ": " + c.line());
                assertEquals(s.step().seeds().size(), c.holdsOn().length, where + ": checked on every seed");
            }
            assertFalse(s.charts().isEmpty(), where + ": no figure");
            s.charts().forEach(c -> assertFalse(c.lines().isEmpty(), where + " " + c.name()));
            s.charts().forEach(c -> assertFalse(c.title().replaceAll("\\([a-z_]+\\)", "").matches(".*[a-z]_[a-z].*"),
                    where + ": an id not in words in " + c.title())); // "Pro-poor weights (inverse_skill)" is fine
            s.charts().stream().filter(c -> c.name().endsWith("swf") || c.name().endsWith("-welfare")).forEach(c ->
                    assertTrue(java.util.Arrays.stream(org.econlab.economy.WelfareFunction.Kind.values())
                            .anyMatch(k -> c.title().contains(k.plainName())), where + ": welfare named in words in "
                            + c.title()));
            assertEquals(s.charts().size(), s.charts().stream().map(LessonChart::title).distinct().count(),
                    where + ": two figures with one title");
            assertTrue(s.charts().stream().filter(c -> c.title().startsWith("Tax revenue")).count() <= 1,
                    where + ": one revenue figure, a line per sweep whose revenue differs");
            s.charts().stream().filter(c -> c.title().startsWith("Tax revenue")).forEach(c -> assertEquals(
                    c.lines().size(), c.lines().stream().map(l -> java.util.Arrays.toString(l.y())).distinct().count(),
                    where + ": two sweeps with the same revenue drawn twice"));
        }
    }

    @Test
    void aLessonWhoseNumbersContradictItsTextIsReported() throws IOException {
        Path folder = LessonTexts.folder(dir.resolve("false"), LessonTexts.oneStep("""
                "explanation": "Revenue at 90% is {f.revenue@90|usd}.",
                "measure": [{"name": "f", "kind": "flat_rates", "from": 0, "to": 100, "by": 10}],
                "claims": [{"text": "a 90% tax collects nothing", "that": "f.revenue@90 <= 0"},
                           {"text": "a 0% tax collects nothing", "that": "f.revenue@0 <= 0"}]"""));
        LessonResult r = LessonResult.run(LessonLibrary.load(folder.toString()), StepRunner.QUIET);
        assertFalse(r.claimsHold());
        assertEquals(1, r.contradictions().size());
        assertTrue(r.contradictions().get(0).startsWith("step 1: CONTRADICTED: a 90% tax collects nothing"),
                r.contradictions().get(0));
        assertTrue(r.steps().get(0).explanation().matches("Revenue at 90% is \\$[0-9,]+\\."),
                r.steps().get(0).explanation());
    }
}
