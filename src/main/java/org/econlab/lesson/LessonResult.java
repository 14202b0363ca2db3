package org.econlab.lesson;

import java.util.List;

/**
 * A whole lesson run headless: each step's result, in order.
 *
 * @param lesson the lesson
 * @param steps  one result per step
 */
public record LessonResult(Lesson lesson, List<StepResult> steps) {

    public LessonResult {
        steps = List.copyOf(steps);
    }

    /** Whether every claim of every step held. */
    public boolean claimsHold() {
        return steps.stream().allMatch(StepResult::claimsHold);
    }

    /** Every claim that did not hold, one line each ("step N: ..."). */
    public List<String> contradictions() {
        return steps.stream().flatMap(s -> s.claims().stream().filter(c -> !c.holds())
                .map(c -> "step " + s.step().number() + ": " + c.line())).toList();
    }

    /** Runs every step of {@code lesson} in order, each starting from the economy the step before it ran. */
    public static LessonResult run(Lesson lesson, StepRunner.Observer observer) {
        List<StepResult> results = new java.util.ArrayList<>();
        org.econlab.simulation.Scenario current = null;
        for (LessonStep step : lesson.steps()) {
            StepResult r = StepRunner.run(step, current, observer);
            results.add(r);
            current = r.scenario();
        }
        return new LessonResult(lesson, results);
    }
}
