package org.econlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports every figure of one run (or an overlay of several) into a folder, with a {@code captions.md}
 * that traces each figure back to its run: scenario, seed, planner, workers, steps, outcome, version.
 */
public final class RunExport {

    public static final String CAPTIONS = "captions.md";

    private RunExport() {
    }

    /** Writes all figures of {@code runs} in {@code formats} into {@code dir}; returns the files written. */
    public static List<Path> exportAll(List<RunData> runs, Path dir, List<ExportFormat> formats, FigureSize size)
            throws IOException {
        List<Path> files = new ArrayList<>();
        List<Figure> figures = RunCharts.all(runs);
        for (Figure f : figures) {
            files.addAll(FigureExporter.write(f, dir, formats, size));
        }
        Path captions = dir.resolve(CAPTIONS);
        Files.writeString(captions, captions(runs, figures), StandardCharsets.UTF_8);
        files.add(captions);
        return files;
    }

    static String captions(List<RunData> runs, List<Figure> figures) {
        StringBuilder b = new StringBuilder("# Figures\n\n");
        for (Figure f : figures) {
            String title = f.chart().getTitle() == null ? f.name() : f.chart().getTitle().getText();
            b.append("- `").append(f.name()).append("`: ").append(title);
            double shaded = FinalTenth.shadedFrom(f.chart());
            if (shaded >= 0) {
                b.append(String.format(java.util.Locale.ROOT, "; shaded from step %.0f: the last tenth of the run, where"
                        + " built-in learning agents stop exploring and play what they learned (lines go flat by design;"
                        + " LLM agents are asked for their best instead of to explore)", shaded));
            }
            b.append('\n');
        }
        b.append("\n# Runs\n\n");
        for (RunData r : runs) {
            b.append("- **").append(r.scenarioName()).append("**: seed ").append(r.seed())
                    .append(", planner `").append(r.plannerKind()).append("`, workers `").append(r.workerKind())
                    .append("`, ").append(r.agents()).append(" agents, welfare `").append(r.welfare().displayName())
                    .append("` (").append(r.welfare().kind().label()).append("), ").append(r.rows()).append(" steps recorded (")
                    .append(r.outcome()).append("), LLM Economist Lab ").append(r.labVersion())
                    .append(", record `").append(r.directory().toAbsolutePath().normalize()).append("`\n");
        }
        return b.toString();
    }
}
