package org.econlab.ui.publish;

import org.econlab.report.ExportFormat;
import org.econlab.report.Figure;
import org.econlab.report.FigureSize;
import org.econlab.report.RunCharts;
import org.econlab.report.RunComparison;
import org.econlab.report.RunData;
import org.econlab.report.RunExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Two or more saved runs compared, without a screen: their overlaid figures (SWF, rates, labour, income, votes) and
 * the table of final SWF, Gini, mean hours and total tax, as CSV, Markdown or figure files. Immutable; any thread.
 */
public final class ComparisonViewModel {

    private final List<RunData> runs;
    private final RunComparison comparison;
    private final List<Figure> figures;

    public ComparisonViewModel(List<RunData> runs) {
        this.runs = List.copyOf(runs);
        this.comparison = new RunComparison(this.runs);
        this.figures = RunCharts.all(this.runs);
    }

    /** Reads the run records in {@code dirs} (slow: call it off the FX thread). */
    public static ComparisonViewModel read(List<Path> dirs) {
        return new ComparisonViewModel(dirs.stream().map(RunData::read).toList());
    }

    /** The tab's title: the scenario of a single run, else how many runs are compared. */
    public String title() {
        return runs.size() == 1 ? runs.get(0).scenarioName() : "Comparison of " + runs.size() + " runs";
    }

    /** How many runs are compared. */
    public int runCount() {
        return runs.size();
    }

    /** The overlaid figures, in the report's fixed order. */
    public List<Figure> figures() {
        return figures;
    }

    /** The table's column names. */
    public List<String> header() {
        return RunComparison.HEADER;
    }

    /** One row per run. */
    public List<List<String>> rows() {
        return comparison.rows();
    }

    public String csv() {
        return comparison.csv();
    }

    public String markdown() {
        return comparison.markdown();
    }

    /** Writes every overlaid figure into {@code dir} (slow: call it off the FX thread). */
    public List<Path> exportFigures(Path dir, List<ExportFormat> formats, FigureSize size) throws IOException {
        return RunExport.exportAll(runs, dir, formats, size);
    }
}
