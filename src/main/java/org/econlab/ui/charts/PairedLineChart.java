package org.econlab.ui.charts;

import org.econlab.report.ChartStyle;
import org.econlab.report.SideBySideLineRenderer;
import org.econlab.simulation.SideBySide;
import org.econlab.simulation.StepSnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One figure of two economies played side by side ({@link SideBySide}), as two lines on shared axes: the left
 * economy in the palette's first colour, the right one in its second. Redraws once per appended batch. FX thread.
 */
public final class PairedLineChart {

    private final JFreeChart chart;
    private final DecimatingSeries left = ChartParts.series("left");
    private final DecimatingSeries right = ChartParts.series("right");
    private final ToDoubleFunction<StepSnapshot> figure;
    private final XYSeriesCollection data = new XYSeriesCollection();
    /** Values of the two economies closer than this are drawn side by side (rates in percent, hours, welfare). */
    static final double SAME = 0.05;

    /**
     * @param figure       the value drawn for a step of either economy
     * @param minimumRange smallest span of the value axis
     * @param legend       whether the chart names the two economies (the small charts beside the welfare chart use
     *                     its colours and leave the legend to it: on a projector two long names do not fit them)
     */
    public PairedLineChart(String title, String axis, ToDoubleFunction<StepSnapshot> figure, double minimumRange,
                           boolean legend) {
        this.figure = figure;
        data.addSeries(left.series());
        data.addSeries(right.series());
        chart = ChartParts.line(title, "Step", axis, data, legend);
        // two policies often give the same value (the same fixed rates): draw them side by side, both visible
        SideBySideLineRenderer both = new SideBySideLineRenderer(SAME);
        both.setDefaultStroke(new BasicStroke(2f));
        both.setAutoPopulateSeriesStroke(false);
        for (int i = 0; i < 2; i++) {
            both.setSeriesPaint(i, ChartStyle.color(i));
        }
        chart.getXYPlot().setRenderer(both);
        ChartParts.minimumRange(chart, minimumRange);
        chart.setNotify(true);
    }

    /** Social welfare per step. */
    public static PairedLineChart welfare() {
        return new PairedLineChart("Social welfare", "Welfare", StepSnapshot::swf, 1e-6, true);
    }

    /** Mean marginal rate over the brackets per step, in percent. */
    public static PairedLineChart meanRate() {
        return new PairedLineChart("Mean marginal rate", "Rate (%)", s -> {
            double[] r = s.ratesPercent();
            double sum = 0;
            for (double v : r) {
                sum += v;
            }
            return r.length == 0 ? 0 : sum / r.length;
        }, 1, false);
    }

    /** Mean labour hours per week per step. */
    public static PairedLineChart hours() {
        return new PairedLineChart("Labour supply", "Mean hours / week", StepSnapshot::meanHours, 1, false);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Starts over with the two economies' names in the legend. */
    public void reset(String leftName, String rightName) {
        left.clear();
        right.clear();
        left.series().setKey(leftName);
        right.series().setKey(rightName.equals(leftName) ? rightName + " (right)" : rightName);
        left.publish();
        right.publish();
    }

    /** Adds a batch of paired steps: one point per economy per step, then one redraw. */
    public void append(List<SideBySide.Pair> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (SideBySide.Pair p : batch) {
            left.add(p.step(), figure.applyAsDouble(p.left()));
            right.add(p.step(), figure.applyAsDouble(p.right()));
        }
        left.publish();
        right.publish();
    }

    /** Points drawn so far for the left (0) or right (1) economy. */
    public int points(int side) {
        return (side == 0 ? left : right).series().getItemCount();
    }

    /** The name of the left (0) or right (1) line. */
    public String name(int side) {
        return String.valueOf((side == 0 ? left : right).series().getKey());
    }

    /** Light or dark colours and the presentation scale, as the window's other charts. */
    public void applyTheme(boolean dark, float scale) {
        ChartLook.style(chart, dark, scale);
    }
}
