package org.econlab.ui.publish;

import org.econlab.ui.charts.ExportOptionsPane;
import org.econlab.ui.widgets.BackgroundWork;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.econlab.report.Figure;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Two or more saved runs side by side: their figures overlaid (SWF, rates, labour, income, votes) and a
 * table of final SWF, Gini, mean hours and total tax, exportable as CSV, Markdown and figure files. Builds and binds
 * controls; what it shows is {@link ComparisonViewModel}'s. FX thread.
 */
public final class ComparisonView {

    private final BorderPane root = new BorderPane();
    private final ComparisonViewModel model;

    public ComparisonView(ComparisonViewModel model) {
        this.model = model;

        GridPane charts = new GridPane();
        charts.setHgap(6);
        charts.setVgap(6);
        List<Figure> figures = model.figures();
        for (int i = 0; i < figures.size(); i++) {
            ChartViewer viewer = new ChartViewer(figures.get(i).chart());
            viewer.setId("compare-chart-" + figures.get(i).name());
            viewer.setPrefSize(520, 300);
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
            charts.add(viewer, i % 2, i / 2);
        }

        TableView<List<String>> table = new TableView<>();
        table.setId("comparison-table");
        for (int c = 0; c < model.header().size(); c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>(model.header().get(c));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
            table.getColumns().add(column);
        }
        table.getItems().setAll(model.rows());
        table.setPrefHeight(140);

        Button csv = new Button("Save table as CSV…");
        csv.setOnAction(e -> saveText("comparison.csv", model.csv()));
        Button md = new Button("Save table as Markdown…");
        md.setOnAction(e -> saveText("comparison.md", model.markdown()));
        ExportOptionsPane options = new ExportOptionsPane();
        Button figuresButton = new Button("Export overlaid figures…");
        figuresButton.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the comparison figures");
            File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (dir != null) {
                BackgroundWork.submit(new javafx.concurrent.Task<List<java.nio.file.Path>>() {
                    {
                        updateTitle("Exporting figures");
                    }

                    @Override
                    protected List<java.nio.file.Path> call() throws Exception {
                        return model.exportFigures(dir.toPath(), options.formats(), options.size());
                    }
                }, files -> { });
            }
        });
        VBox bottom = new VBox(6, table, new HBox(8, csv, md, figuresButton), options.root());
        bottom.setPadding(new Insets(6));
        root.setTop(new Label("  Comparing " + model.runCount() + " runs"));
        root.setCenter(charts);
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    private void saveText(String suggested, String text) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
        } catch (Exception ex) {
            BackgroundWork.showError("Saving " + f.getName(), ex);
        }
    }
}
