package org.econlab.report;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;

/**
 * A line renderer for series that often share a value at the same x (the brackets' rates when several sit at 60%):
 * wherever lines coincide, they are drawn side by side, each moved up or down by its line width around the true
 * value, so every colour stays visible as a band of parallel stripes; lines that do not coincide are drawn where
 * they are. Only the drawing moves (a few pixels): the data, tooltips and CSV keep the exact values. Lines are drawn
 * point to point (not as one path). The same class draws the window's live chart and every exported figure, so both
 * look the same. Thread: whoever draws the chart.
 */
public class SideBySideLineRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;
    /** Values closer than this count as the same (the data's units; rates are percent). */
    private final double tolerance;

    /** @param tolerance values closer than this (in the data's units) are drawn side by side */
    public SideBySideLineRenderer(double tolerance) {
        super(true, false);
        this.tolerance = tolerance;
        setDrawSeriesLineAsPath(false);
    }

    /**
     * How far (pixels, before the axis' direction) series {@code series} is moved at {@code item}: its rank among the
     * visible series with the same value at the same x, centred on the true value, times its line width.
     */
    double offset(XYDataset data, int series, int item) {
        double y = data.getYValue(series, item);
        double x = data.getXValue(series, item);
        if (Double.isNaN(y)) {
            return 0;
        }
        int rank = 0;
        int group = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            if (item >= data.getItemCount(s) || !isSeriesVisible(s)) {
                continue;
            }
            double other = data.getYValue(s, item);
            if (data.getXValue(s, item) == x && Math.abs(other - y) <= tolerance) {
                if (s < series) {
                    rank++;
                }
                group++;
            }
        }
        if (group < 2) {
            return 0;
        }
        return (rank - (group - 1) / 2.0) * width(series);
    }

    private float width(int series) {
        Stroke s = lookupSeriesStroke(series);
        return s instanceof BasicStroke b ? Math.max(1f, b.getLineWidth()) : 1.5f;
    }

    @Override
    protected void drawPrimaryLine(XYItemRendererState state, Graphics2D g2, XYPlot plot, XYDataset dataset, int pass,
                                   int series, int item, ValueAxis domainAxis, ValueAxis rangeAxis, Rectangle2D dataArea) {
        if (item == 0) {
            return;
        }
        double x1 = dataset.getXValue(series, item);
        double y1 = dataset.getYValue(series, item);
        double x0 = dataset.getXValue(series, item - 1);
        double y0 = dataset.getYValue(series, item - 1);
        if (Double.isNaN(y0) || Double.isNaN(x0) || Double.isNaN(y1) || Double.isNaN(x1)) {
            return;
        }
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double tx0 = domainAxis.valueToJava2D(x0, dataArea, xEdge);
        double ty0 = rangeAxis.valueToJava2D(y0, dataArea, yEdge) - offset(dataset, series, item - 1);
        double tx1 = domainAxis.valueToJava2D(x1, dataArea, xEdge);
        double ty1 = rangeAxis.valueToJava2D(y1, dataArea, yEdge) - offset(dataset, series, item);
        if (Double.isNaN(tx0) || Double.isNaN(ty0) || Double.isNaN(tx1) || Double.isNaN(ty1)) {
            return;
        }
        if (plot.getOrientation() == org.jfree.chart.plot.PlotOrientation.HORIZONTAL) {
            state.workingLine.setLine(ty0, tx0, ty1, tx1);
        } else {
            state.workingLine.setLine(tx0, ty0, tx1, ty1);
        }
        if (state.workingLine.intersects(dataArea)) {
            drawFirstPassShape(g2, pass, series, item, state.workingLine);
        }
    }

    /**
     * Names, at the right end of {@code plot}'s first dataset, every group of two or more series that share their last
     * value ("4 brackets at 60%"), so a reader knows a band of stripes is several lines; replaces earlier labels of
     * this kind. {@code what} names the series in the plural ("brackets"); {@code unit} follows the value ("%"); the
     * label is drawn in {@code paint} at {@code fontScale} times 11 pt, {@code lift} data units above the lines (below
     * them near the top of the axis), clear of their stripes.
     */
    public static void labelCoinciding(XYPlot plot, String what, String unit, double tolerance, float fontScale,
                                       Color paint, double lift) {
        plot.getAnnotations().stream().filter(a -> a instanceof CoincidingLabel).toList()
                .forEach(a -> plot.removeAnnotation(a, false));
        XYDataset data = plot.getDataset(0);
        if (data == null) {
            return;
        }
        boolean[] done = new boolean[data.getSeriesCount()];
        for (int s = 0; s < data.getSeriesCount(); s++) {
            int n = data.getItemCount(s);
            if (done[s] || n == 0) {
                continue;
            }
            double x = data.getXValue(s, n - 1);
            double y = data.getYValue(s, n - 1);
            int group = 0;
            for (int t = s; t < data.getSeriesCount(); t++) {
                int m = data.getItemCount(t);
                if (m > 0 && data.getXValue(t, m - 1) == x && Math.abs(data.getYValue(t, m - 1) - y) <= tolerance) {
                    done[t] = true;
                    group++;
                }
            }
            if (group >= 2) {
                boolean below = plot.getRangeAxis() != null && y + 2 * lift > plot.getRangeAxis().getUpperBound();
                CoincidingLabel label = new CoincidingLabel(String.format(java.util.Locale.ROOT, "%d %s at %.0f%s ",
                        group, what, y, unit), x, below ? y - lift : y + lift);
                label.setFont(new Font("SansSerif", Font.BOLD, Math.round(11 * fontScale)));
                label.setTextAnchor(below ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
                label.setPaint(paint);
                plot.addAnnotation(label, false);
            }
        }
    }

    /**
     * The label of a group of coinciding lines (so it can be found and replaced), on a translucent box of the plot's
     * own background, read at each drawing (screen theme or exported white), so lines under it do not cross its text.
     */
    static final class CoincidingLabel extends XYTextAnnotation {
        private static final long serialVersionUID = 1L;

        CoincidingLabel(String text, double x, double y) {
            super(text, x, y);
            setNotify(false); // its box is set while drawing: that must not ask for another drawing
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, org.jfree.chart.axis.ValueAxis domainAxis,
                         org.jfree.chart.axis.ValueAxis rangeAxis, int rendererIndex,
                         org.jfree.chart.plot.PlotRenderingInfo info) {
            Color bg = plot.getBackgroundPaint() instanceof Color c ? c : Color.WHITE;
            setBackgroundPaint(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 215));
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
        }
    }
}
