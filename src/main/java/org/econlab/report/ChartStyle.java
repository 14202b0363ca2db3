package org.econlab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;

/**
 * The look of figures for papers and projectors: white background, no grey plot area, light grid,
 * readable fonts, and the Okabe-Ito colour-blind-safe palette with one fixed colour per bracket (or per
 * run) across every chart. {@link #PALETTE} is the single palette of the lab: the window's live charts, the
 * editor's previews and every exported figure take their colours from it.
 */
public final class ChartStyle {

    /**
     * Okabe-Ito palette (colour-blind safe); index j is bracket j's colour in every chart, on screen (light and
     * dark) and in exported figures. Okabe-Ito's yellow and black are replaced by an olive and a mid grey, which
     * read on a white page and on the dark theme alike.
     */
    public static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00),
        new Color(0x99, 0x88, 0x22), new Color(0x88, 0x88, 0x88)
    };

    /** Bracket or series {@code index}'s colour as a {@link Color}. */
    public static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Dash patterns that tell runs apart when each run already uses the bracket colours. */
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    public static Paint colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    public static Stroke stroke(int runIndex) {
        float[] dash = DASHES[Math.floorMod(runIndex, DASHES.length)];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The theme applied to every exported chart. */
    public static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("publication");
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 16));
        t.setLargeFont(new Font(FONT, Font.BOLD, 13));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    /**
     * The publication look for a copy of a chart drawn on screen: fonts, white background and grid as
     * {@link #apply}, while every series keeps the colour and dash pattern it has on screen and in its legend
     * (the theme would otherwise repaint the lines in JFreeChart's default red, blue, green). Line widths are
     * divided by {@code lineScale}, the factor by which the screen thickened them (1 outside presentation mode).
     */
    public static JFreeChart publish(JFreeChart chart, float lineScale) {
        List<Runnable> restore = new ArrayList<>();
        float scale = lineScale > 0 ? lineScale : 1f;
        if (chart.getPlot() instanceof XYPlot xy) {
            for (int d = 0; d < xy.getDatasetCount(); d++) {
                XYDataset data = xy.getDataset(d);
                XYItemRenderer found = data == null ? null : xy.getRendererForDataset(data);
                if (!(found instanceof AbstractRenderer r)) {
                    continue;
                }
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    int series = s;
                    Paint paint = r.lookupSeriesPaint(s);
                    Stroke stroke = r.lookupSeriesStroke(s);
                    restore.add(() -> {
                        r.setSeriesPaint(series, paint, false);
                        r.setSeriesStroke(series, thinner(stroke, scale), false);
                    });
                }
            }
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            for (int d = 0; d < cat.getDatasetCount(); d++) {
                CategoryDataset data = cat.getDataset(d);
                CategoryItemRenderer found = data == null ? null : cat.getRendererForDataset(data);
                if (!(found instanceof AbstractRenderer r)) {
                    continue;
                }
                for (int s = 0; s < data.getRowCount(); s++) {
                    int series = s;
                    Paint paint = r.lookupSeriesPaint(s);
                    restore.add(() -> r.setSeriesPaint(series, paint, false));
                }
            }
        }
        apply(chart);
        restore.forEach(Runnable::run);
        return chart;
    }

    /** {@code stroke} with its width divided by {@code scale} (dash pattern kept). */
    static Stroke thinner(Stroke stroke, float scale) {
        if (!(stroke instanceof BasicStroke b) || scale == 1f) {
            return stroke;
        }
        float[] dash = b.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) {
                dash[i] /= scale;
            }
        }
        return new BasicStroke(b.getLineWidth() / scale, b.getEndCap(), b.getLineJoin(), b.getMiterLimit(), dash,
                b.getDashPhase() / scale);
    }

    /** Applies the publication look to a finished chart. */
    public static JFreeChart apply(JFreeChart chart) {
        theme().apply(chart);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setOutlineVisible(false);
            if (xy.getDomainAxis() instanceof NumberAxis n) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            if (xy.getRenderer() instanceof XYLineAndShapeRenderer r) {
                r.setDefaultShapesVisible(false);
            }
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setBackgroundPaint(Color.WHITE);
            cat.setOutlineVisible(false);
            if (cat.getRenderer() instanceof BarRenderer b) {
                b.setShadowVisible(false);
                b.setDrawBarOutline(false);
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }
}
