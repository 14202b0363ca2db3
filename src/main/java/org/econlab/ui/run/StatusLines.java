package org.econlab.ui.run;

import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The status bar's lines: the run's state and speed, and the LLM usage from a snapshot's {@code llm_*} figures. */
public final class StatusLines {

    private StatusLines() {
    }

    /** Every {@code llm_*} figure of a snapshot, e.g. {@code LLM calls 12 · tokens in 3,400 · cost usd $0.02}. */
    public static String llmUsage(StepSnapshot s) {
        List<String> parts = new ArrayList<>();
        List<String> names = s.metricNames();
        double[] values = s.metricValues();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!n.startsWith("llm_")) {
                continue;
            }
            String label = n.substring(4).replace('_', ' ');
            double v = values[i];
            String value = n.endsWith("usd") ? String.format(Locale.ROOT, "$%,.4f", v)
                    : v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
            parts.add(label + " " + value);
        }
        return parts.isEmpty() ? "" : "LLM " + String.join(" · ", parts);
    }

    /** The status line: state, step of steps, tax year, speed (steps/s) and a fresh notice (null: none). */
    static String status(org.econlab.simulation.SimulationRunner.State st, int done, org.econlab.simulation.Scenario s,
            double stepsPerSecond, String notice) {
        int year = s.taxYearSteps() == 0 ? 0 : Math.max(0, done - 1) / s.taxYearSteps();
        String state = switch (st) {
            case READY -> "Ready";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case FINISHED -> done >= s.steps() ? "Finished" : "Stopped";
        };
        return String.format(Locale.ROOT, "%s · step %d / %d · tax year %d · %.0f steps/s%s", state, done, s.steps(), year,
                stepsPerSecond, notice != null ? " · " + notice : "");
    }
}
