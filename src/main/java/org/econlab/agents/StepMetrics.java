package org.econlab.agents;

import java.util.List;

/**
 * Extra per-step figures an agent policy reports beyond the economy's own (for example LLM calls,
 * tokens and failures, or mean satisfaction). The names are fixed for a run, so they become
 * {@code steps.csv} columns; values are read on the runner thread after each step's observations.
 */
public interface StepMetrics {

    /** No extra figures. */
    StepMetrics NONE = new StepMetrics() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public double value(int index) {
            return 0;
        }
    };

    /** Column names, lower_snake_case, fixed for the whole run. */
    List<String> names();

    /** The current value of figure {@code index} (after the step just played). */
    double value(int index);
}
