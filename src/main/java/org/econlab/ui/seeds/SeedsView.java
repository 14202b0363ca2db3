package org.econlab.ui.seeds;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * "Run N seeds": the scenario of the charts under N seeds in the background; when done, the mean and a 95%
 * band join the live SWF, hours, Gini and tax charts, and this tab lists every seed's outcome with the mean
 * and its 95% interval, so a class sees which results hold across seeds. Builds and binds controls; the state and
 * commands are {@link SeedsViewModel}'s. FX thread.
 */
public final class SeedsView {

    private final SeedsViewModel model;
    private final TableView<SeedsViewModel.Row> table;
    private final VBox root;

    public SeedsView(SeedsViewModel model) {
        this.model = model;
        Spinner<Integer> count = new Spinner<>(SeedsViewModel.MIN_SEEDS, SeedsViewModel.MAX_SEEDS, model.countProperty().get());
        count.setId("seed-count");
        count.setEditable(true);
        count.setPrefWidth(90);
        count.setTooltip(new Tooltip("How many seeds to run (each a complete run of the scenario)"));
        SpinnerValueFactory<Integer> values = count.getValueFactory();
        values.valueProperty().addListener((o, a, v) -> model.countProperty().set(v));
        model.countProperty().addListener((o, a, v) -> values.setValue(v.intValue()));
        Button run = new Button("Run seeds");
        run.setId("run-seeds-button");
        run.setOnAction(e -> model.start());
        run.disableProperty().bind(model.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar progress = new ProgressBar(0);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        Label info = new Label();
        info.textProperty().bind(model.infoProperty());
        info.setWrapText(true);
        info.getStyleClass().add("hint");
        CheckBox showBand = new CheckBox("Show the band on the charts");
        showBand.selectedProperty().bindBidirectional(model.showBandProperty());
        showBand.disableProperty().bind(model.haveResultProperty().not());
        table = new TableView<>(model.rows());
        table.setId("seed-table");
        table.setPlaceholder(new Label("No multi-seed run yet"));
        // wide enough for a mean and its interval ("141,163 ± 51,234") in every column
        table.getColumns().add(column("Seed", SeedsViewModel.Row::seed, 100, "The run seed; the last row is the mean and its 95% interval"));
        table.getColumns().add(column("Final SWF", SeedsViewModel.Row::finalSwf, 150, "Social welfare at the last step"));
        table.getColumns().add(column("SWF, last 20%", SeedsViewModel.Row::lateSwf, 150, "Mean SWF over the last 20% of the steps"));
        table.getColumns().add(column("Hours, last 20%", SeedsViewModel.Row::lateHours, 110, "Mean labour hours per week over the last 20%"));
        table.getColumns().add(column("Idle at end", SeedsViewModel.Row::idle, 90, "Workers with no income at the last step"));
        table.getColumns().add(column("Gini", SeedsViewModel.Row::gini, 115, "Income Gini at the last step"));
        table.getColumns().add(column("Total tax", SeedsViewModel.Row::tax, 160, "Revenue at the last step, dollars per year"));
        table.getColumns().add(column("Final rates %", SeedsViewModel.Row::rates, 200, "Marginal rates at the last step"));
        HBox bar = new HBox(8, new Label("Seeds"), count, run, cancel, progress, showBand);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, bar, info, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(6));
    }

    private static TableColumn<SeedsViewModel.Row, String> column(String title, Function<SeedsViewModel.Row, String> f,
                                                                  double width, String help) {
        TableColumn<SeedsViewModel.Row, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(help));
        c.setGraphic(header);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.setSortable(false);
        return c;
    }

    public Node root() {
        return root;
    }

    /** Starts N seeds of the current scenario (FX thread). */
    public void start() {
        model.start();
    }

    /** Rows shown (tests): one per seed and the summary. */
    public List<SeedsViewModel.Row> rows() {
        return List.copyOf(model.rows());
    }

    /** Sets how many seeds the next run uses (tests and scripts). */
    public void setCount(int n) {
        model.countProperty().set(n);
    }

    /** Whether a multi-seed run is in progress. */
    public boolean running() {
        return model.runningProperty().get();
    }

    /** The table (tests). */
    public TableView<SeedsViewModel.Row> table() {
        return table;
    }
}
