package org.econlab.lesson;

import org.econlab.simulation.Scenario;

import java.util.List;
import java.util.OptionalInt;

/**
 * One step of a lesson. Texts may hold placeholders such as {@code {icrl.swf - saez.swf|wins}} that are filled
 * from the step's measurements (see {@link Placeholders}); the numbers in a lesson are never typed by hand.
 *
 * @param number      1-based position in the lesson
 * @param title       a short heading
 * @param scenario    the economy of the step: a bundled or lesson scenario with the step's changes applied; null
 *                    means "the current economy" (the previous step's, or the window's) with {@code changes}
 * @param changes     changes to apply (dotted paths into the scenario file, e.g. {@code utility.swf}); may be empty
 * @param action      what to press or watch
 * @param question    the question for the class (may hold placeholders)
 * @param explanation the teacher's answer, with placeholders filled from the run
 * @param seeds       the seeds every measurement of the step runs on (paired across measurements)
 * @param measures    what is computed, in order
 * @param claims      what the explanation asserts, checked against the numbers
 * @param sideBySide  names of two {@link Measure.Kind#RUN} measures drawn on shared axes, or empty
 * @param classSeats  seats for students when the step is played with a live class (window), if the step is meant
 *                    for one
 */
public record LessonStep(int number, String title, ScenarioRef scenario, ScenarioChanges changes, String action,
                         String question, String explanation, List<Long> seeds, List<Measure> measures,
                         List<Claim> claims, List<String> sideBySide, OptionalInt classSeats) {

    public LessonStep {
        seeds = List.copyOf(seeds);
        measures = List.copyOf(measures);
        claims = List.copyOf(claims);
        sideBySide = List.copyOf(sideBySide);
    }

    /**
     * The economy this step shows: its own scenario (or {@code current} when it names none) with its changes.
     *
     * @param current the economy in force before the step (the previous step's, or the window's); may be null
     *                when the step names its own scenario
     */
    public Scenario scenarioFrom(Scenario current) {
        Scenario base = scenario != null ? scenario.scenario() : current;
        if (base == null) {
            throw new IllegalStateException("step " + number + " continues the current economy but none is given");
        }
        return changes.applyTo(base);
    }

    /**
     * The step's economy (from {@code current} as {@link #scenarioFrom}) for a live class of {@code seats} students
     * (e.g. {@link #classSeats()}): the workers become the {@code human} kind (seats
     * drawn with the run seed; seats nobody holds, and all other workers, play the step's own worker kind), choosing
     * once per tax year; a democratic planner's electorate becomes {@code human} (seats vote, the rest vote as
     * built-in voters). Validated like a scenario file.
     */
    public Scenario forClass(Scenario current, int seats) {
        Scenario stepScenario = scenarioFrom(current);
        com.google.gson.JsonObject changes = new com.google.gson.JsonObject();
        com.google.gson.JsonObject worker = new com.google.gson.JsonObject();
        worker.addProperty("kind", "human");
        worker.addProperty("seats", seats);
        worker.addProperty("cadence", "tax_year");
        worker.add("others", stepScenario.worker().json().deepCopy());
        changes.add("worker", worker);
        if (stepScenario.planner().kind().equals("democratic")) {
            com.google.gson.JsonObject electorate = new com.google.gson.JsonObject();
            electorate.addProperty("kind", "human");
            electorate.addProperty("others", "built_in");
            changes.add("planner.electorate", electorate);
        }
        return ScenarioChanges.of(changes).applyTo(stepScenario);
    }

    /** The measurement called {@code name}, or null. */
    public Measure measure(String name) {
        return measures.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
