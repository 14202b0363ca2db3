package org.econlab.ui.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-screen look of the window's charts: colours for the light or dark theme, a scale for fonts and line
 * widths (presentation mode: bigger and thicker), and a "fit level" that trades decorations for plot area when a
 * chart is small (1: no x-axis label, 2: the legend moves inside the plot, 3: no title and no y-axis label). The
 * decorations are kept, so {@link #restoreDecorations} gives an exported copy the full look back. FX thread.
 */
public final class ChartLook {

    /** Highest fit level. */
    public static final int MAX_LEVEL = 3;

    /** What a chart shows at level 0, remembered the first time the chart is styled. */
    private record Decorations(String domainLabel, String rangeLabel, boolean legend, boolean title) {
    }

    /** Charts by identity (JFreeChart's equals follows its content). */
    private static final Map<JFreeChart, Decorations> ORIGINAL = new IdentityHashMap<>();
    /** Base (scale 1) stroke of every series drawn, by renderer, so that scaling never compounds. */
    private static final Map<Object, Map<Integer, Stroke>> BASE_STROKES = new IdentityHashMap<>();

    private ChartLook() {
    }

    /** Colours for the theme and fonts and line widths times {@code scale}; keeps the chart's fit level. */
    public static void style(JFreeChart c, boolean dark, float scale) {
        boolean notify = c.isNotify();
        c.setNotify(false);
        remember(c);
        Color bg = dark ? new Color(0x2B, 0x2B, 0x2B) : Color.WHITE;
        Color plotBg = dark ? new Color(0x1E, 0x1E, 0x1E) : Color.WHITE;
        Color fg = dark ? new Color(0xE0, 0xE0, 0xE0) : new Color(0x20, 0x20, 0x20);
        Color grid = dark ? new Color(0x44, 0x44, 0x44) : new Color(0xDD, 0xDD, 0xDD);
        c.setBackgroundPaint(bg);
        TextTitle t = c.getTitle();
        if (t != null) {
            t.setPaint(fg);
            t.setFont(new Font("SansSerif", Font.BOLD, Math.round(13 * scale)));
            t.setMaximumLinesToDisplay(1);
            t.setPadding(new RectangleInsets(2, 2, 1, 2));
        }
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            Title sub = c.getSubtitle(i);
            if (sub instanceof LegendTitle legend) {
                styleLegend(legend, bg, fg, scale);
            } else if (sub instanceof TextTitle text) {
                text.setPaint(fg);
                text.setFont(new Font("SansSerif", Font.PLAIN, Math.round(11 * scale)));
                text.setMaximumLinesToDisplay(1);
            }
        }
        Plot p = c.getPlot();
        p.setBackgroundPaint(plotBg);
        p.setOutlinePaint(grid);
        List<Axis> axes = new ArrayList<>();
        if (p instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axes.add(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axes.add(xy.getRangeAxis(i));
            }
            ValueAxis d = xy.getDomainAxis();
            if (d instanceof NumberAxis n && isStepAxis(c)) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            for (XYAnnotation a : xy.getAnnotations()) {
                if (a instanceof XYTitleAnnotation ta && ta.getTitle() instanceof LegendTitle legend) {
                    styleLegend(legend, translucent(bg), fg, scale);
                }
            }
            for (int d2 = 0; d2 < xy.getDatasetCount(); d2++) {
                XYDataset data = xy.getDataset(d2);
                XYItemRenderer r = data == null ? null : xy.getRendererForDataset(data);
                if (r != null) {
                    scaleStrokes(r, data.getSeriesCount(), scale);
                }
            }
        } else if (p instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(grid);
            CategoryAxis d = cp.getDomainAxis();
            axes.add(d);
            axes.add(cp.getRangeAxis());
        }
        for (Axis a : axes) {
            if (a == null) {
                continue;
            }
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(grid);
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(11 * scale)));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(10 * scale)));
        }
        c.setNotify(notify);
    }

    private static boolean isStepAxis(JFreeChart c) {
        Decorations d = ORIGINAL.get(c);
        return d != null && d.domainLabel() != null && d.domainLabel().startsWith("Step");
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 200);
    }

    private static void styleLegend(LegendTitle legend, java.awt.Paint bg, Color fg, float scale) {
        legend.setBackgroundPaint(bg);
        legend.setItemPaint(fg);
        legend.setItemFont(new Font("SansSerif", Font.PLAIN, Math.round(10 * scale)));
        legend.setFrame(BlockBorder.NONE);
        legend.setItemLabelPadding(new RectangleInsets(0, 2, 0, 6));
        legend.setPadding(new RectangleInsets(1, 1, 1, 1));
    }

    /** Line widths times {@code scale} (from each series' remembered base stroke). */
    private static void scaleStrokes(XYItemRenderer r, int series, float scale) {
        if (!(r instanceof org.jfree.chart.renderer.AbstractRenderer ar)) {
            return;
        }
        Map<Integer, Stroke> base = BASE_STROKES.computeIfAbsent(r, k -> new java.util.HashMap<>());
        for (int s = 0; s < series; s++) {
            Stroke b = base.computeIfAbsent(s, ar::lookupSeriesStroke);
            r.setSeriesStroke(s, scaled(b, scale), false);
        }
    }

    /** Sets series {@code s}'s base (scale 1) stroke and draws it at {@code scale}. */
    public static void setStroke(XYItemRenderer r, int s, Stroke base, float scale) {
        BASE_STROKES.computeIfAbsent(r, k -> new java.util.HashMap<>()).put(s, base);
        r.setSeriesStroke(s, scaled(base, scale), false);
    }

    /** Forgets a renderer's base strokes (its series were replaced); the next {@link #style} re-reads them. */
    public static void forgetStrokes(Object renderer) {
        BASE_STROKES.remove(renderer);
    }

    public static Stroke scaled(Stroke s, float scale) {
        if (!(s instanceof BasicStroke b) || scale == 1f) {
            return s;
        }
        float[] dash = b.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) {
                dash[i] *= scale;
            }
        }
        return new BasicStroke(b.getLineWidth() * scale, b.getEndCap(), b.getLineJoin(), b.getMiterLimit(), dash,
                b.getDashPhase() * scale);
    }

    private static Decorations remember(JFreeChart c) {
        return ORIGINAL.computeIfAbsent(c, k -> {
            String domain = null;
            String range = null;
            if (k.getPlot() instanceof XYPlot xy) {
                domain = xy.getDomainAxis() == null ? null : xy.getDomainAxis().getLabel();
                range = xy.getRangeAxis() == null ? null : xy.getRangeAxis().getLabel();
            } else if (k.getPlot() instanceof CategoryPlot cp) {
                domain = cp.getDomainAxis() == null ? null : cp.getDomainAxis().getLabel();
                range = cp.getRangeAxis() == null ? null : cp.getRangeAxis().getLabel();
            }
            return new Decorations(domain, range, k.getLegend() != null && k.getLegend().isVisible(),
                    k.getTitle() != null && k.getTitle().isVisible());
        });
    }

    /** Sets the x- or y-axis label shown at level 0 (and now, unless the fit level hides it). */
    public static void setAxisLabels(JFreeChart c, String domain, String range) {
        Decorations d = remember(c);
        ORIGINAL.put(c, new Decorations(domain, range, d.legend(), d.title()));
    }

    /** Applies fit level {@code level} (0 = everything shown) to {@code c}. */
    public static void fit(JFreeChart c, int level) {
        Decorations d = remember(c);
        boolean notify = c.isNotify();
        c.setNotify(false);
        Plot p = c.getPlot();
        Axis domain = p instanceof XYPlot xy ? xy.getDomainAxis() : p instanceof CategoryPlot cp ? cp.getDomainAxis() : null;
        Axis range = p instanceof XYPlot xy ? xy.getRangeAxis() : p instanceof CategoryPlot cp ? cp.getRangeAxis() : null;
        if (domain != null) {
            domain.setLabel(level >= 1 ? null : d.domainLabel());
        }
        if (range != null) {
            range.setLabel(level >= 3 ? null : d.rangeLabel());
        }
        if (c.getTitle() != null) {
            c.getTitle().setVisible(d.title() && level < 3);
        }
        LegendTitle legend = c.getLegend();
        if (legend != null && d.legend()) {
            removeInPlotLegend(c);
            if (level >= 2) {
                legend.setVisible(false);
                if (p instanceof XYPlot xy) {
                    LegendTitle inside = new LegendTitle(xy);
                    inside.setItemFont(legend.getItemFont());
                    inside.setItemPaint(legend.getItemPaint());
                    inside.setBackgroundPaint(legend.getBackgroundPaint() instanceof Color bg ? translucent(bg)
                            : legend.getBackgroundPaint());
                    inside.setFrame(BlockBorder.NONE);
                    inside.setItemLabelPadding(legend.getItemLabelPadding());
                    inside.setPosition(RectangleEdge.RIGHT);
                    xy.addAnnotation(new XYTitleAnnotation(0.995, 0.995, inside, RectangleAnchor.TOP_RIGHT), false);
                }
            } else {
                legend.setVisible(true);
            }
        }
        c.setNotify(notify);
    }

    /** Gives a copy of a styled chart its full decorations (title, axis labels, legend below the plot). */
    public static void restoreDecorations(JFreeChart original, JFreeChart copy) {
        Decorations d = ORIGINAL.get(original);
        if (d == null) {
            return;
        }
        ORIGINAL.put(copy, d);
        fit(copy, 0);
        ORIGINAL.remove(copy);
    }

    private static void removeInPlotLegend(JFreeChart c) {
        if (c.getPlot() instanceof XYPlot xy) {
            for (XYAnnotation a : new ArrayList<>(xy.getAnnotations())) {
                if (a instanceof XYTitleAnnotation ta && ta.getTitle() instanceof LegendTitle) {
                    xy.removeAnnotation(a, false);
                }
            }
        }
    }

}
