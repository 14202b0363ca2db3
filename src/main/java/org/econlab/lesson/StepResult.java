package org.econlab.lesson;

import org.econlab.simulation.Scenario;

import java.util.List;

/**
 * What running one step produced: its numbers, its explanation with every placeholder filled, its checked claims
 * and the data of its figures. Immutable.
 *
 * @param step        the step
 * @param scenario    the economy the step ran (the next step's "current" economy)
 * @param quantities  every computed quantity, per seed
 * @param explanation the explanation, filled
 * @param claims      each claim's verdict
 * @param charts      the figures' data
 */
public record StepResult(LessonStep step, Scenario scenario, Quantities quantities, String explanation,
                         List<ClaimResult> claims, List<LessonChart> charts) {

    public StepResult {
        claims = List.copyOf(claims);
        charts = List.copyOf(charts);
    }

    /** Whether every claim held. */
    public boolean claimsHold() {
        return claims.stream().allMatch(ClaimResult::holds);
    }
}
