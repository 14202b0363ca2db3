package org.econlab.ui.publish;

import org.econlab.ui.charts.ExportOptionsPane;
import org.econlab.ui.widgets.BackgroundWork;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;


import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The run history: saved run records, newest first. Select one or more to compare them (a new tab) or
 * to export all their figures into a folder, with captions.
 */
public final class RunHistoryView {

    private final BorderPane root = new BorderPane();
    private final RunHistoryModel model;
    private final TableView<RunSummary> table = new TableView<>();
    private final TabPane tabs;
    private final Label status = new Label();

    public RunHistoryView(RunHistoryModel model, TabPane tabs) {
        this.model = model;
        this.tabs = tabs;
        table.setId("history-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.runs());
        table.getColumns().add(column("Scenario", RunSummary::scenario));
        table.getColumns().add(column("Planner", RunSummary::planner));
        table.getColumns().add(column("Workers", RunSummary::worker));
        table.getColumns().add(column("Seed", RunSummary::seed));
        TableColumn<RunSummary, Number> steps = new TableColumn<>("Steps");
        steps.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().steps()));
        table.getColumns().add(steps);
        table.getColumns().add(column("Outcome", RunSummary::outcome));
        TableColumn<RunSummary, Number> swf = new TableColumn<>("Final SWF");
        swf.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().finalSwf()));
        swf.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? null
                        : String.format(java.util.Locale.ROOT, "%,.3f", v.doubleValue()));
            }
        });
        table.getColumns().add(swf);
        // ISO instant to "2026-11-25 18:53:01" (UTC), which sorts the same way
        table.getColumns().add(column("Started (UTC)", r -> r.startedAt().replace('T', ' ').replaceFirst("\\.\\d+Z$", "")));
        table.getColumns().add(column("LLM models", RunSummary::llmModels));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No run records in this folder yet: play a run in the lab or use the command line."));

        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> refresh());
        Button compare = new Button("Compare selected");
        compare.setId("history-compare");
        compare.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        compare.setOnAction(e -> openComparison(selectedDirs()));
        ExportOptionsPane options = new ExportOptionsPane();
        Button export = new Button("Export figures…");
        export.setId("history-export");
        export.disableProperty().bind(compare.disableProperty());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the figures");
            File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (dir != null) {
                exportTo(selectedDirs(), dir.toPath(), options);
            }
        });
        Label hint = new Label("Select one run, or several with Ctrl/Shift+click, to compare or export them.");
        VBox bottom = new VBox(6, hint, new HBox(8, refresh, compare, export, status), options.root());
        bottom.setPadding(new Insets(6));
        root.setTop(new Label("  Runs in " + model.runsDirectory()));
        root.setCenter(table);
        root.setBottom(bottom);
    }

    private static TableColumn<RunSummary, String> column(String title, Function<RunSummary, String> value) {
        TableColumn<RunSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        return c;
    }

    public Parent root() {
        return root;
    }

    TableView<RunSummary> table() {
        return table;
    }

    private List<Path> selectedDirs() {
        return table.getSelectionModel().getSelectedItems().stream().map(RunSummary::directory).toList();
    }

    /** Rescans the runs directory in the background. */
    public void refresh() {
        BackgroundWork.submit(new Task<List<RunSummary>>() {
            {
                updateTitle("Reading the run history");
            }

            @Override
            protected List<RunSummary> call() throws Exception {
                return model.scan();
            }
        }, model::show);
    }

    /** Reads the records in the background and opens them as an overlay comparison tab. */
    public void openComparison(List<Path> dirs) {
        BackgroundWork.submit(new Task<ComparisonViewModel>() {
            {
                updateTitle("Opening runs");
            }

            @Override
            protected ComparisonViewModel call() {
                return ComparisonViewModel.read(dirs);
            }
        }, compared -> {
            Tab tab = new Tab(compared.title(), new ComparisonView(compared).root());
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
        });
    }

    private void exportTo(List<Path> dirs, Path out, ExportOptionsPane options) {
        var formats = options.formats();
        var size = options.size();
        status.setText("Exporting…");
        BackgroundWork.submit(new Task<List<Path>>() {
            {
                updateTitle("Exporting figures");
            }

            @Override
            protected List<Path> call() throws Exception {
                return ComparisonViewModel.read(dirs).exportFigures(out, formats, size);
            }
        }, files -> status.setText("Wrote " + files.size() + " files to " + out));
    }
}
