package org.econlab.ui.publish;

import org.econlab.ui.widgets.BackgroundWork;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
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
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a sweep from the window with progress and cancel (resuming when the output folder already holds
 * finished runs), then plots SWF against the first swept parameter (mean +- sd over seeds) and lists the
 * per-point summary. Builds and binds controls; the state and commands are {@link SweepViewModel}'s. FX thread.
 */
public final class SweepView {

    private final SweepViewModel model = new SweepViewModel();
    private final BorderPane root = new BorderPane();
    private final TextField sweepFile = new TextField();
    private final TextField outDir = new TextField();
    private final Spinner<Integer> parallel = new Spinner<>(1, 64, Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final TableView<List<String>> summary = new TableView<>();
    private final BorderPane chartHolder = new BorderPane();

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
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.start(Path.of(sweepFile.getText().trim()), Path.of(outDir.getText().trim()),
                parallel.getValue()));
        Button cancel = new Button("Cancel");
        cancel.setId("sweep-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.setId("sweep-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("sweep-status");
        summary.setId("sweep-summary");
        summary.setItems(model.rows());
        model.header().addListener((ListChangeListener<String>) c -> columns());
        model.chartProperty().addListener((o, a, f) -> {
            ChartViewer viewer = f == null ? null : new ChartViewer(f.chart());
            if (viewer != null) {
                viewer.setId("sweep-chart");
            }
            chartHolder.setCenter(viewer);
        });
        model.failureProperty().addListener((o, a, f) -> {
            if (f != null) {
                BackgroundWork.showError(f.doing(), f.error());
            }
        });
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

    /** One table column per summary column. */
    private void columns() {
        summary.getColumns().clear();
        for (int c = 0; c < model.header().size(); c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>(model.header().get(c));
            column.setCellValueFactory(r -> new ReadOnlyStringWrapper(col < r.getValue().size() ? r.getValue().get(col) : ""));
            summary.getColumns().add(column);
        }
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
}
