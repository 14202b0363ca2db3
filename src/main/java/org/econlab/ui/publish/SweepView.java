package org.econlab.ui.publish;

import org.econlab.ui.widgets.BackgroundWork;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.econlab.report.Figure;
import org.econlab.report.SweepCharts;
import org.econlab.sweep.SweepDefinition;
import org.econlab.sweep.SweepRunner;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sweep from the window with progress and cancel (resuming when the output folder already holds
 * finished runs), then plots SWF against the first swept parameter (mean +- sd over seeds) and lists the
 * per-point summary.
 */
public final class SweepView {

    private final BorderPane root = new BorderPane();
    private final TextField sweepFile = new TextField();
    private final TextField outDir = new TextField();
    private final Spinner<Integer> parallel = new Spinner<>(1, 64, Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Choose a sweep file and an output folder.");
    private final TableView<List<String>> summary = new TableView<>();
    private final BorderPane chartHolder = new BorderPane();
    private Task<SweepRunner.Progress> running;
    private SweepRunner runner;

    public SweepView() {
        sweepFile.setId("sweep-file");
        outDir.setId("sweep-out");
        sweepFile.setPromptText("sweep definition (.json)");
        outDir.setPromptText("output folder");
        HBox.setHgrow(sweepFile, Priority.ALWAYS);
        HBox.setHgrow(outDir, Priority.ALWAYS);
        Button browseSweep = new Button("…");
        browseSweep.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sweep (JSON)", "*.json"));
            File f = c.showOpenDialog(window());
            if (f != null) {
                sweepFile.setText(f.getPath());
            }
        });
        Button newSweep = new Button("New sweep…");
        newSweep.setId("sweep-new");
        newSweep.setOnAction(e -> SweepEditor.show(window(), root.getScene() == null ? java.util.List.of()
                : root.getScene().getStylesheets(), null).ifPresent(f -> sweepFile.setText(f.toString())));
        Button browseOut = new Button("…");
        browseOut.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(window());
            if (f != null) {
                outDir.setText(f.getPath());
            }
        });
        Button run = new Button("Run sweep");
        run.setId("sweep-run");
        Button cancel = new Button("Cancel");
        cancel.setId("sweep-cancel");
        cancel.setDisable(true);
        run.setOnAction(e -> start(run, cancel));
        cancel.setOnAction(e -> {
            if (runner != null) {
                runner.cancel();
            }
            status.setText("Cancelling after the runs in flight…");
        });
        progress.setId("sweep-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("sweep-status");
        summary.setId("sweep-summary");
        VBox top = new VBox(6, new HBox(6, new Label("Sweep"), sweepFile, browseSweep, newSweep),
                new HBox(6, new Label("Output"), outDir, browseOut, new Label("Parallel runs"), parallel),
                new HBox(6, run, cancel, progress), status);
        HBox.setHgrow(progress, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        summary.setPrefHeight(160);
        root.setTop(top);
        root.setCenter(chartHolder);
        root.setBottom(summary);
    }

    public Parent root() {
        return root;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Sets the sweep file and output folder (e.g. from a test or a recent-files entry). */
    public void setPaths(Path sweep, Path out) {
        sweepFile.setText(sweep.toString());
        outDir.setText(out.toString());
    }

    private void start(Button run, Button cancel) {
        if (running != null && running.isRunning()) {
            return;
        }
        SweepDefinition sweep;
        try {
            sweep = SweepDefinition.read(Path.of(sweepFile.getText().trim()));
        } catch (RuntimeException ex) {
            BackgroundWork.showError("Reading the sweep", ex);
            return;
        }
        Path out = Path.of(outDir.getText().trim());
        runner = new SweepRunner(sweep, out, parallel.getValue());
        int total = sweep.runs().size();
        running = new Task<>() {
            {
                updateTitle("The sweep");
            }

            @Override
            protected SweepRunner.Progress call() throws Exception {
                return runner.run(-1, done -> {
                    updateProgress(done, total);
                    updateMessage(done + " of " + total + " runs finished");
                });
            }
        };
        progress.progressProperty().bind(running.progressProperty());
        status.textProperty().bind(running.messageProperty());
        run.setDisable(true);
        cancel.setDisable(false);
        running.setOnFailed(e -> {
            finish(run, cancel);
            BackgroundWork.showError("The sweep", running.getException());
        });
        running.setOnSucceeded(e -> {
            finish(run, cancel);
            SweepRunner.Progress p = running.getValue();
            showResults(sweep, out);
            status.setText((p.remaining() == 0 ? "Done: " + p.total() + " runs (" + p.alreadyDone() + " resumed)"
                    : "Stopped with " + p.remaining() + " runs left; run again to resume")
                    + (p.superseded() == 0 ? "" : "; " + p.superseded() + " runs of a different sweep were moved to"
                    + " superseded/ and recomputed"));
        });
        Thread t = new Thread(running, "sweep");
        t.setDaemon(true);
        t.start();
    }

    private void finish(Button run, Button cancel) {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        run.setDisable(false);
        cancel.setDisable(true);
    }

    /** Shows sweep-summary.csv as a table and the SWF-vs-parameter figure. */
    void showResults(SweepDefinition sweep, Path out) {
        try {
            List<String> header;
            List<List<String>> rows = new ArrayList<>();
            List<SweepCharts.Point> points = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(out.resolve(SweepRunner.SUMMARY), StandardCharsets.UTF_8);
                 CSVParser csv = CSVParser.parse(in, SweepRunner.CSV_FORMAT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                header = csv.getHeaderNames();
                for (CSVRecord r : csv) {
                    List<String> cells = r.toList();
                    rows.add(cells);
                    List<String> others = new ArrayList<>();
                    for (int i = 1; i < sweep.parameters().size(); i++) {
                        others.add(sweep.parameters().get(i).path() + "=" + cells.get(1 + i));
                    }
                    points.add(new SweepCharts.Point(cells.get(1), String.join(", ", others),
                            Double.parseDouble(r.get(SweepRunner.CHART_OUTCOME + "_mean")),
                            Double.parseDouble(r.get(SweepRunner.CHART_OUTCOME + "_sd"))));
                }
            }
            summary.getColumns().clear();
            for (int c = 0; c < header.size(); c++) {
                int col = c;
                TableColumn<List<String>, String> column = new TableColumn<>(header.get(c));
                column.setCellValueFactory(r -> new ReadOnlyStringWrapper(col < r.getValue().size() ? r.getValue().get(col) : ""));
                summary.getColumns().add(column);
            }
            summary.getItems().setAll(rows);
            if (points.isEmpty()) {
                return;
            }
            Figure f = SweepCharts.outcomeVsParameter(SweepRunner.CHART_OUTCOME, sweep.parameters().get(0).path(), points);
            ChartViewer viewer = new ChartViewer(f.chart());
            viewer.setId("sweep-chart");
            chartHolder.setCenter(viewer);
        } catch (Exception ex) {
            BackgroundWork.showError("Showing the sweep results", ex);
        }
    }
}
