package org.econlab.lesson;

import org.econlab.simulation.Scenario;

/**
 * A scenario a lesson names, read and validated when the lesson is loaded.
 *
 * @param label    as written in the lesson ({@code sample: classroom-100} or {@code file: laffer.json})
 * @param scenario the scenario
 */
public record ScenarioRef(String label, Scenario scenario) {
}
