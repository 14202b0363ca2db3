package org.econlab.ui.charts;

import org.econlab.report.ChartStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Line2D;

/**
 * The parts every live chart is built from: line and bar charts in the shared palette ({@link ChartStyle#PALETTE},
 * the same on screen and in exported figures), dashed reference strokes, legend entries and decimation. FX thread.
 */
final class ChartParts {

    /** Most points a live time series keeps (the run record keeps every step). */
    static final int MAX_POINTS = 4000;
    static final float[] DASHED = {6f, 4f};
    static final float[] DOTTED = {2f, 3f};
    /** The dash of a multi-seed mean line. */
    static final float[] DASH_DOT = {8f, 3f, 2f, 3f};
    static final Color NEUTRAL = new Color(0x55, 0x55, 0x55);
    static final Color BAND = new Color(0x44, 0x44, 0x44);
    /** Grey that reads on the light and the dark theme and on exported white (labels drawn on the plot). */
    static final Color ON_ANY_BACKGROUND = new Color(0x8A, 0x8A, 0x8A);

    private ChartParts() {
    }

    /** A decimated series of at most {@link #MAX_POINTS} points. */
    static DecimatingSeries series(String name) {
        return new DecimatingSeries(new XYSeries(name, false, true), MAX_POINTS);
    }

    /** A line chart in the palette, notification off (the board turns it on when it redraws). */
    static JFreeChart line(String title, String x, String y, XYSeriesCollection data, boolean legend) {
        JFreeChart c = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, legend, true, false);
        XYPlot plot = c.getXYPlot();
        XYLineAndShapeRenderer r = lineRenderer();
        for (int i = 0; i < ChartStyle.PALETTE.length; i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
        }
        plot.setRenderer(r);
        NumberAxis yAxis = (NumberAxis) plot.getRangeAxis();
        yAxis.setAutoRangeIncludesZero(false);
        yAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        c.setNotify(false);
        return c;
    }

    static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(new BasicStroke(2f));
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    /** A bar chart of one series in the palette's first colour, notification off. */
    static JFreeChart bars(String title, String x, String y, DefaultCategoryDataset data) {
        JFreeChart c = ChartFactory.createBarChart(title, x, y, data, PlotOrientation.VERTICAL, false, true, false);
        BarRenderer r = (BarRenderer) ((CategoryPlot) c.getPlot()).getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ChartStyle.color(0));
        r.setItemMargin(0.02);
        c.setNotify(false);
        return c;
    }

    static BasicStroke dashed(float width, float[] dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f);
    }

    static LegendItem lineItem(String name, Stroke stroke, Color paint) {
        return new LegendItem(name, null, null, null, new Line2D.Double(-8, 0, 8, 0), stroke, paint);
    }

    /** A flat series still gets a readable axis instead of ticks that differ in the eighth digit. */
    static void minimumRange(JFreeChart c, double size) {
        ((NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeMinimumSize(size);
    }

    /** Puts {@code axis} in place of the chart's range axis with the old one's fonts and colours. */
    static void replaceRangeAxis(JFreeChart chart, ValueAxis axis) {
        ValueAxis current = chart.getXYPlot().getRangeAxis();
        axis.setLabelFont(current.getLabelFont());
        axis.setTickLabelFont(current.getTickLabelFont());
        axis.setLabelPaint(current.getLabelPaint());
        axis.setTickLabelPaint(current.getTickLabelPaint());
        axis.setAxisLinePaint(current.getAxisLinePaint());
        if (axis instanceof SymbolAxis symbols) {
            symbols.setGridBandsVisible(false);
        }
        chart.getXYPlot().setRangeAxis(axis);
    }

    /** Adds to a series kept under {@link #MAX_POINTS} by dropping every other point when full. */
    static void addDecimated(XYSeries s, double x, double y) {
        s.add(x, y, false);
        if (s.getItemCount() > MAX_POINTS) {
            for (int i = s.getItemCount() - 2; i >= 1; i -= 2) {
                s.remove(i);
            }
        }
    }

    /** Stretches each two-point reference line of {@code refs} to {@code lastStep}. */
    static void extendReferences(XYSeriesCollection refs, int lastStep) {
        for (int i = 0; i < refs.getSeriesCount(); i++) {
            XYSeries ref = refs.getSeries(i);
            if (ref.getItemCount() == 2) {
                double y = ref.getY(0).doubleValue();
                ref.remove(1);
                ref.add(Math.max(1, lastStep), y);
            }
        }
    }

    /** A horizontal reference line from step 0 to {@code lastStep}. */
    static XYSeries flatLine(String name, double y, int lastStep) {
        XYSeries line = new XYSeries(name, false, true);
        line.add(0, y, false);
        line.add(Math.max(1, lastStep), y, false);
        return line;
    }

}
