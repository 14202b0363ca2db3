package org.econlab.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.econlab.errors.OneLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table comparing runs (e.g. planners on the same population and seed): final SWF, mean SWF over the
 * last 20% of steps, Gini, mean hours and total tax at the last step, and the LLM models that served the run
 * (provider/model@host per role). Exportable as CSV and Markdown. A run that did not complete every planned step is
 * marked in the {@code status} column ({@link RunData#completeness()}), so its "final" figures are never mistaken
 * for a finished run's.
 */
public final class RunComparison {

    public static final List<String> HEADER = List.of("run", "scenario", "planner", "worker", "seed", "steps",
            "status", "swf_final", "swf_mean_last20pct", "gini", "mean_labor", "total_tax", "llm_models");

    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> incomplete = new ArrayList<>();

    public RunComparison(List<RunData> runs) {
        for (RunData r : runs) {
            String name = OneLine.of(r.directory().getFileName().toString(), 120);
            if (!r.complete()) {
                incomplete.add(name + ": " + r.completeness());
            }
            rows.add(List.of(name, OneLine.of(r.scenarioName(), 120), r.plannerKind(),
                    r.workerKind(), r.seed(), Integer.toString(r.rows()), r.completeness(), fmt(r.last("swf")),
                    fmt(r.meanOfLastFifth("swf")), fmt(r.last("gini")), fmt(r.last("mean_labor")),
                    fmt(r.last("total_tax")), r.llmModels()));
        }
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** One line per run that did not complete, e.g. {@code run-b: INCOMPLETE: interrupted after 37 of 100 steps}. */
    public List<String> incompleteRuns() {
        return List.copyOf(incomplete);
    }

    public String csv() {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(b, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(HEADER);
            csv.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        HEADER.forEach(h -> b.append(" --- |"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
