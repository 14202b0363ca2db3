package org.econlab.ui.overview;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.controlsfx.control.SegmentedButton;
import org.econlab.simulation.Scenario;
import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.charts.ChartPanes;
import org.econlab.ui.charts.LiveCharts;
import org.econlab.ui.charts.WelfareChart;
import org.jfree.chart.JFreeChart;

import java.util.List;

/**
 * The Overview tab: tax rates, welfare (with its one-line meaning and its total / per worker and log views), labour
 * supply and workers per bracket. Builds and binds controls only; the charts' state is the board's. FX thread.
 */
public final class OverviewView {

    private final LiveCharts charts;
    private final OverviewViewModel model;
    private final Node root;
    private final Label welfareNote = new Label();
    private final ToggleButton total = new ToggleButton("Total");
    private final ToggleButton perWorker = new ToggleButton("Per worker");
    private final ToggleButton logScale = new ToggleButton("Log scale");

    public OverviewView(OverviewViewModel model, LiveCharts charts, ChartPanes panes) {
        this.model = model;
        this.charts = charts;
        ChartPane rates = panes.pane(charts.rates, "tax_rates", "Marginal tax rate of each bracket per step, in the"
                + " bracket's colour. Dashed: Saez rates for this population; dotted: the Stackelberg grid optimum"
                + " (rational workers only); ✎: rates set by hand.");
        ChartPane swf = panes.pane(charts.welfare, "swf", "Social welfare per step under the scenario's welfare function,"
                + " with each tax year's median; dashed: reference planners on this population; shaded: steps where"
                + " idle workers contribute more than half of the paper's SWF.");
        swf.setHeader(welfareHeader());
        ChartPane hours = panes.pane(charts.hours, "labor", "Mean labour hours per week over all workers.");
        ChartPane brackets = panes.pane(charts.bracketIncome, "income", "How many workers earn inside each bracket now.");
        root = ChartPanes.grid2x2(rates, swf, hours, brackets);
    }

    public Node root() {
        return root;
    }

    /** The charts this tab shows (they redraw while it is on screen). */
    public List<JFreeChart> charts() {
        return List.of(charts.rates.chart(), charts.welfare.chart(), charts.hours.chart(), charts.bracketIncome.chart());
    }

    /** The SWF chart's header: what the function measures, in one line, and its views. */
    private Node welfareHeader() {
        welfareNote.setId("welfare-note");
        welfareNote.getStyleClass().add("chart-note");
        welfareNote.setMinWidth(0);
        welfareNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(welfareNote, Priority.ALWAYS);
        total.setId("welfare-total");
        perWorker.setId("welfare-per-worker");
        SegmentedButton view = new SegmentedButton(total, perWorker);
        view.getStyleClass().add("welfare-view");
        Runnable showView = () -> {
            total.setSelected(model.welfareViewProperty().get() == WelfareChart.View.TOTAL);
            perWorker.setSelected(model.welfareViewProperty().get() == WelfareChart.View.PER_WORKER);
        };
        showView.run();
        model.welfareViewProperty().addListener((o, a, v) -> showView.run());
        total.setOnAction(e -> {
            model.welfareViewProperty().set(WelfareChart.View.TOTAL);
            showView.run();
        });
        perWorker.setOnAction(e -> {
            model.welfareViewProperty().set(WelfareChart.View.PER_WORKER);
            showView.run();
        });
        total.setTooltip(new Tooltip("The SWF as the planner maximises it"));
        perWorker.setTooltip(new Tooltip("The SWF divided by the number of workers, to compare populations of any size"));
        logScale.setId("welfare-log");
        logScale.setTooltip(new Tooltip("Logarithmic axis: the paper's SWF jumps by orders of magnitude when a worker"
                + " stops working; on a log axis 'everybody works' stays visible"));
        logScale.selectedProperty().bindBidirectional(model.logScaleProperty());
        welfareNote.textProperty().bind(model.welfareNoteProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.welfareHelpProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        welfareNote.setTooltip(tip);
        for (ButtonBase b : List.of(total, perWorker, logScale)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("small-toggle");
        }
        HBox header = new HBox(6, welfareNote, view, logScale);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 2, 2, 2));
        return header;
    }

    /** Presentation mode names the welfare function only; otherwise its name and meaning. */
    public void setPresentation(boolean on) {
        model.setPresentation(on);
    }

    /** Shows the welfare function of {@code s}. */
    public void reset(Scenario s) {
        model.reset(s, charts.welfare.view(), charts.welfare.logScale());
    }
}
