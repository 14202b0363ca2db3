package org.econlab.ui.labour;

import javafx.scene.Node;

import org.econlab.ui.charts.ChartPanes;
import org.econlab.ui.charts.LiveCharts;
import org.jfree.chart.JFreeChart;

import java.util.List;

/** The Labour & welfare tab: hours now, income Gini, and tax with the rebate. Builds controls only. FX thread. */
public final class LabourView {

    private final LiveCharts charts;
    private final Node root;

    public LabourView(LiveCharts charts, ChartPanes panes) {
        this.charts = charts;
        root = ChartPanes.grid2x2(
                panes.pane(charts.hoursNow, "hours_now", "Workers per 10-hour bin of weekly hours, this step."),
                panes.pane(charts.gini, "gini", "Gini coefficient of pre-tax income (0 = equal, 1 = one worker earns all)."),
                panes.pane(charts.tax, "tax", "Total tax collected (left axis) and the equal rebate per worker (right axis)."),
                null);
    }

    public Node root() {
        return root;
    }

    /** The charts this tab shows. */
    public List<JFreeChart> charts() {
        return List.of(charts.hoursNow.chart(), charts.gini.chart(), charts.tax.chart());
    }
}
