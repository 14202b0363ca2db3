package org.econlab.ui.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

import java.util.ArrayList;
import java.util.List;

/**
 * Small preview charts inside a scrolling form (the editor's tax curves, income prior and persona mix): they show
 * their data whole, always. The mouse wheel over one scrolls the form (no zoom), a drag neither pans nor zooms, and
 * every axis that fits its data re-fits whenever the data change, so no earlier view of other data survives an edit or
 * another scenario. FX thread.
 */
public final class PreviewCharts {

    private PreviewCharts() {
    }

    /** A viewer of {@code chart} that neither zooms nor pans; its auto-ranging axes re-fit when the data change. */
    public static ChartViewer viewer(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        ChartCanvas canvas = viewer.getCanvas();
        for (String id : List.of("pan", "zoom", "scroll", "anchor")) {
            MouseHandlerFX h = canvas.getMouseHandler(id);
            if (h != null) {
                canvas.removeMouseHandler(h);
            }
        }
        canvas.setOnScroll(null); // the wheel event goes on to the scrolling form around the preview
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        List<ValueAxis> fitted = autoRanging(chart.getPlot());
        // the datasets' own events: they come even while the chart's notification is off during an update
        for (org.jfree.data.general.Dataset d : datasets(chart.getPlot())) {
            d.addChangeListener(e -> refit(fitted));
        }
        return viewer;
    }

    private static List<org.jfree.data.general.Dataset> datasets(Plot plot) {
        List<org.jfree.data.general.Dataset> out = new ArrayList<>();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDatasetCount(); i++) {
                out.add(xy.getDataset(i));
            }
        } else if (plot instanceof CategoryPlot cat) {
            for (int i = 0; i < cat.getDatasetCount(); i++) {
                out.add(cat.getDataset(i));
            }
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    /** Every axis of {@code plot} that fits its data now (the ones to keep fitting). */
    private static List<ValueAxis> autoRanging(Plot plot) {
        List<ValueAxis> axes = new ArrayList<>();
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axes.add(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axes.add(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot cat) {
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                axes.add(cat.getRangeAxis(i));
            }
        }
        axes.removeIf(a -> a == null || !a.isAutoRange());
        return axes;
    }

    private static void refit(List<ValueAxis> axes) {
        for (ValueAxis a : axes) {
            if (!a.isAutoRange()) {
                a.setAutoRange(true);
            }
        }
    }
}
