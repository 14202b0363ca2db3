package org.econlab.ui.publish;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.econlab.report.Figure;
import org.econlab.report.SweepCharts;
import org.econlab.sweep.SweepDefinition;
import org.econlab.sweep.SweepRunner;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep tab's state and commands, without a screen: runs a sweep on its own thread with progress and cancel
 * (resuming when the output folder already holds finished runs), then reads {@code sweep-summary.csv} into a table and
 * the SWF-against-the-first-parameter figure. Commands and properties on the FX thread.
 */
public final class SweepViewModel {

    /** A failure for the window to show: what was being done, and the error. */
    public record Failure(String doing, Throwable error) {
    }

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a sweep file and an output folder.");
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Figure> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private SweepRunner runner;

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Share of the sweep's runs finished, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: what to do, how far the sweep is, or how it ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The summary's column names and rows (one per point of the sweep). */
    public ObservableList<String> header() {
        return header;
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    /** SWF against the first swept parameter (mean ± sd over seeds), or null before results. */
    public ReadOnlyObjectProperty<Figure> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** The latest failure to show (reading the sweep, running it, reading its results). */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Runs the sweep in {@code sweepFile} into {@code out} with {@code parallel} runs at a time; ignored while one runs. */
    public void start(Path sweepFile, Path out, int parallel) {
        if (running.get()) {
            return;
        }
        SweepDefinition sweep;
        try {
            sweep = SweepDefinition.read(sweepFile);
        } catch (RuntimeException ex) {
            failure.set(new Failure("Reading the sweep", ex));
            return;
        }
        SweepRunner r = new SweepRunner(sweep, out, parallel);
        runner = r;
        int total = sweep.runs().size();
        Task<SweepRunner.Progress> task = new Task<>() {
            @Override
            protected SweepRunner.Progress call() throws Exception {
                return r.run(-1, done -> {
                    updateProgress(done, total);
                    updateMessage(done + " of " + total + " runs finished");
                });
            }
        };
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        running.set(true);
        task.setOnFailed(e -> {
            finish();
            failure.set(new Failure("The sweep", task.getException()));
        });
        task.setOnSucceeded(e -> {
            finish();
            SweepRunner.Progress p = task.getValue();
            showResults(sweep, out);
            status.set((p.remaining() == 0 ? "Done: " + p.total() + " runs (" + p.alreadyDone() + " resumed)"
                    : "Stopped with " + p.remaining() + " runs left; run again to resume")
                    + (p.superseded() == 0 ? "" : "; " + p.superseded() + " runs of a different sweep were moved to"
                    + " superseded/ and recomputed"));
        });
        Thread t = new Thread(task, "sweep");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the sweep after the runs in flight; a later start resumes it. */
    public void cancel() {
        if (runner != null) {
            runner.cancel();
        }
        if (running.get()) {
            status.unbind();
            status.set("Cancelling after the runs in flight…");
        }
    }

    private void finish() {
        progress.unbind();
        status.unbind();
        running.set(false);
    }

    /** Reads {@code sweep-summary.csv} of {@code out} into the table and the figure. */
    void showResults(SweepDefinition sweep, Path out) {
        List<String> names;
        List<List<String>> read = new ArrayList<>();
        List<SweepCharts.Point> points = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out.resolve(SweepRunner.SUMMARY), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, SweepRunner.CSV_FORMAT.builder().setHeader().setSkipHeaderRecord(true)
                     .get())) {
            names = csv.getHeaderNames();
            for (CSVRecord r : csv) {
                List<String> cells = r.toList();
                read.add(cells);
                List<String> others = new ArrayList<>();
                for (int i = 1; i < sweep.parameters().size(); i++) {
                    others.add(sweep.parameters().get(i).path() + "=" + cells.get(1 + i));
                }
                points.add(new SweepCharts.Point(cells.get(1), String.join(", ", others),
                        Double.parseDouble(r.get(SweepRunner.CHART_OUTCOME + "_mean")),
                        Double.parseDouble(r.get(SweepRunner.CHART_OUTCOME + "_sd"))));
            }
        } catch (IOException | RuntimeException ex) {
            failure.set(new Failure("Showing the sweep results", ex));
            return;
        }
        header.setAll(names);
        rows.setAll(read);
        chart.set(points.isEmpty() ? null
                : SweepCharts.outcomeVsParameter(SweepRunner.CHART_OUTCOME, sweep.parameters().get(0).path(), points));
    }
}
