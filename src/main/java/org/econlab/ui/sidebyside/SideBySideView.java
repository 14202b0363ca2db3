package org.econlab.ui.sidebyside;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.SideBySide;
import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.charts.PairedLineChart;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The Side by side tab: two policies to compare (the current scenario under each), Start and Stop, and three charts
 * on shared axes (welfare, mean marginal rate, mean hours), one line per economy. Builds and binds controls only; the
 * state is in {@link SideBySideViewModel}. FX thread; {@link #tick()} once per frame draws what was played.
 */
public final class SideBySideView {

    private final SideBySideViewModel model;
    private final Supplier<Scenario> scenario;
    private final BorderPane root = new BorderPane();
    private final ComboBox<SideBySideViewModel.Policy> left = new ComboBox<>();
    private final ComboBox<SideBySideViewModel.Policy> right = new ComboBox<>();
    private final List<PairedLineChart> charts = List.of(PairedLineChart.welfare(), PairedLineChart.meanRate(),
            PairedLineChart.hours());
    private final List<ChartPane> panes;

    /**
     * @param scenario  the window's current scenario (what the Start button plays under the two policies)
     * @param lineScale the window's line scale (presentation mode)
     */
    public SideBySideView(SideBySideViewModel model, Supplier<Scenario> scenario, DoubleSupplier lineScale) {
        this.model = model;
        this.scenario = scenario;
        left.getItems().setAll(SideBySideViewModel.POLICIES);
        right.getItems().setAll(SideBySideViewModel.POLICIES);
        show(left, model.leftPolicyProperty().get());
        show(right, model.rightPolicyProperty().get());
        model.leftPolicyProperty().addListener((o, a, p) -> show(left, p));
        model.rightPolicyProperty().addListener((o, a, p) -> show(right, p));
        left.setId("side-left-policy");
        right.setId("side-right-policy");
        Button start = new Button("Start");
        start.setId("side-start");
        start.setTooltip(new Tooltip("Plays the current scenario under both policies, on the same workers and seed"));
        start.setOnAction(e -> startChosen());
        Button stop = new Button("Stop");
        stop.setId("side-stop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        Label status = new Label();
        status.setId("side-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        FlowPane bar = new FlowPane(8, 6, new Label("Left:"), left, new Label("Right:"), right, start, stop);
        VBox top = new VBox(4, bar, status);
        top.setPadding(new Insets(6, 8, 4, 8));
        root.setTop(top);

        panes = charts.stream().map(c -> new ChartPane(c.chart(), "side_by_side_" + c.chart().getTitle().getText()
                .toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), "Two economies on the same workers and seed:"
                + " one line per policy, on shared axes; the colours are named in the Social welfare chart's legend.",
                lineScale)).toList();
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.add(panes.get(0), 0, 0, 2, 1);
        grid.add(panes.get(1), 0, 1);
        grid.add(panes.get(2), 1, 1);
        for (ChartPane p : panes) {
            GridPane.setHgrow(p, Priority.ALWAYS);
            GridPane.setVgrow(p, Priority.ALWAYS);
        }
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().setAll(half, half);
        root.setCenter(grid);
        model.startsProperty().addListener((o, a, b) -> resetCharts());
    }

    /**
     * Shows {@code playing} in {@code picker}: one of the offered policies by its name, else (a lesson's economy) as an
     * extra first item that replaces the previous lesson's.
     */
    private static void show(ComboBox<SideBySideViewModel.Policy> picker, SideBySideViewModel.Policy playing) {
        for (SideBySideViewModel.Policy p : SideBySideViewModel.POLICIES) {
            if (p.label().equals(playing.label())) {
                picker.getSelectionModel().select(p);
                return;
            }
        }
        picker.getItems().removeIf(p -> !SideBySideViewModel.POLICIES.contains(p));
        picker.getItems().add(0, playing);
        picker.getSelectionModel().select(0);
    }

    /** Plays the current scenario under the chosen policies (the Start button, and the Run menu's item). */
    public void startChosen() {
        model.start(scenario.get(), left.getValue(), right.getValue());
    }

    private void resetCharts() {
        for (PairedLineChart c : charts) {
            c.reset(model.leftNameProperty().get(), model.rightNameProperty().get());
        }
    }

    /** Draws the pairs played since the last frame. FX thread. */
    public void tick() {
        List<SideBySide.Pair> batch = model.pull();
        if (!batch.isEmpty()) {
            for (PairedLineChart c : charts) {
                c.append(batch);
            }
        }
    }

    /** Light or dark, and the presentation scale. */
    public void applyTheme(boolean dark, float scale) {
        for (PairedLineChart c : charts) {
            c.applyTheme(dark, scale);
        }
        panes.forEach(ChartPane::refit);
    }

    public List<PairedLineChart> charts() {
        return charts;
    }

    public Node root() {
        return root;
    }
}
