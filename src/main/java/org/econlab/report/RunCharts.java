package org.econlab.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.econlab.economy.WelfareFunction;

import java.awt.geom.Line2D;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The standard figures of one run, or of several runs overlaid: {@code swf}, {@code tax_rates},
 * {@code labor}, {@code income} and, when an election was held, {@code votes}. Each figure carries the
 * exact data it draws for CSV export. Pure: no JavaFX; safe on any thread.
 */
public final class RunCharts {

    public static final String SWF = "swf";
    public static final String TAX_RATES = "tax_rates";
    public static final String LABOR = "labor";
    public static final String INCOME = "income";
    public static final String VOTES = "votes";

    private RunCharts() {
    }

    /** All figures that apply to these runs, in a fixed order. */
    public static List<Figure> all(List<RunData> runs) {
        List<Figure> out = new ArrayList<>();
        out.add(swf(runs));
        out.add(taxRates(runs));
        out.add(labor(runs));
        out.add(income(runs));
        if (runs.stream().anyMatch(RunCharts::hasElection)) {
            out.add(votes(runs));
        }
        return out;
    }

    static boolean hasElection(RunData r) {
        if (!r.has("leader")) {
            return false;
        }
        for (double v : r.column("leader")) {
            if (v >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String runName(List<RunData> runs, int i) {
        return runs.size() == 1 ? "" : runs.get(i).shortLabel();
    }

    public static Figure swf(List<RunData> runs) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            lines.add(new Line(runs.size() == 1 ? "SWF" : runName(runs, i), runs.get(i).column("step"),
                    runs.get(i).column("swf"), i, i));
        }
        return shadeFinalTenth(xy(SWF, "Social welfare", "Step (tax year = T steps)", "SWF: " + welfareLabel(runs), lines,
                runs.size() > 1, null), runs);
    }

    /** Shades the final tenth as the window does, when every run was set to the same number of steps. */
    private static Figure shadeFinalTenth(Figure f, List<RunData> runs) {
        int steps = runs.get(0).stepsPlanned();
        if (runs.stream().allMatch(r -> r.stepsPlanned() == steps)) {
            FinalTenth.mark(f.chart().getXYPlot(), steps, 1f);
        }
        return f;
    }

    /** The welfare function the runs report, e.g. "inverse_skill (sum of u / (40 x skill))", or "mixed". */
    static String welfareLabel(List<RunData> runs) {
        java.util.Set<WelfareFunction> all = new java.util.LinkedHashSet<>();
        for (RunData r : runs) {
            all.add(r.welfare());
        }
        if (all.size() != 1) {
            return "welfare functions differ between runs";
        }
        WelfareFunction w = all.iterator().next();
        return w.displayName() + " (" + w.kind().label() + ")";
    }

    /** Rates closer than this (percentage points) are drawn side by side. */
    static final double SAME_RATE = 0.05;

    public static Figure taxRates(List<RunData> runs) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunData r = runs.get(i);
            for (int j = 0; j < r.bracketCount(); j++) {
                String name = r.bracketLabel(j) + (runs.size() == 1 ? "" : " (" + runName(runs, i) + ")");
                lines.add(new Line(name, r.column("step"), r.column("rate_" + j), j, i));
            }
        }
        Figure f = xy(TAX_RATES, "Marginal tax rates", "Step", "Marginal rate (%)", lines, true, new double[] {0, 100});
        // brackets at the same rate side by side and named, as the window draws them
        SideBySideLineRenderer sideBySide = new SideBySideLineRenderer(SAME_RATE);
        sideBySide.setAutoPopulateSeriesStroke(false);
        XYLineAndShapeRenderer plain = (XYLineAndShapeRenderer) f.chart().getXYPlot().getRenderer();
        for (int s = 0; s < lines.size(); s++) {
            sideBySide.setSeriesPaint(s, plain.getSeriesPaint(s));
            sideBySide.setSeriesStroke(s, plain.getSeriesStroke(s));
        }
        f.chart().getXYPlot().setRenderer(sideBySide);
        if (runs.size() == 1) {
            SideBySideLineRenderer.labelCoinciding(f.chart().getXYPlot(), "brackets", "%", SAME_RATE, 1f,
                    new java.awt.Color(0x55, 0x55, 0x55), 3);
        }
        if (runs.size() > 1) {
            // One legend entry per bracket (colour) and per run (line style), not one per line.
            LegendItemCollection legend = new LegendItemCollection();
            RunData first = runs.get(0);
            for (int j = 0; j < first.bracketCount(); j++) {
                legend.add(new LegendItem(first.bracketLabel(j), null, null, null, new Line2D.Double(-7, 0, 7, 0),
                        ChartStyle.stroke(0), ChartStyle.colour(j)));
            }
            for (int i = 0; i < runs.size(); i++) {
                legend.add(new LegendItem(runName(runs, i), null, null, null, new Line2D.Double(-7, 0, 7, 0),
                        ChartStyle.stroke(i), java.awt.Color.DARK_GRAY));
            }
            f.chart().getXYPlot().setFixedLegendItems(legend);
        }
        return shadeFinalTenth(f, runs);
    }

    public static Figure labor(List<RunData> runs) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            lines.add(new Line(runs.size() == 1 ? "Mean hours" : runName(runs, i), runs.get(i).column("step"),
                    runs.get(i).column("mean_labor"), i, i));
        }
        return shadeFinalTenth(xy(LABOR, "Labour supply", "Step", "Mean labour (hours per week)", lines, runs.size() > 1,
                null), runs);
    }

    /** Who led when: a row per elected worker, named by its persona, a bar per tenure ({@link LeaderStrip}). */
    public static Figure votes(List<RunData> runs) {
        return LeaderStrip.figure(VOTES, runs);
    }

    /** Workers per income bracket at the last recorded step. */
    public static Figure income(List<RunData> runs) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> header = new ArrayList<>(List.of("bracket"));
        List<List<String>> rows = new ArrayList<>();
        int k = runs.get(0).bracketCount();
        for (RunData r : runs) {
            header.add(runs.size() == 1 ? "workers" : r.shortLabel());
        }
        for (int j = 0; j < k; j++) {
            List<String> row = new ArrayList<>(List.of(runs.get(0).bracketLabel(j)));
            for (RunData r : runs) {
                double v = r.has("agents_in_bracket_" + j) ? r.last("agents_in_bracket_" + j) : Double.NaN;
                data.addValue(v, runs.size() == 1 ? "Workers" : r.shortLabel(), runs.get(0).bracketLabel(j));
                row.add(format(v));
            }
            rows.add(row);
        }
        JFreeChart chart = ChartFactory.createBarChart("Pre-tax income by bracket (last step)", "Income bracket (USD per year)",
                "Workers", data, PlotOrientation.VERTICAL, runs.size() > 1, false, false);
        ChartStyle.apply(chart);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        var renderer = chart.getCategoryPlot().getRenderer();
        for (int s = 0; s < runs.size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(s));
        }
        return new Figure(INCOME, chart, header, rows);
    }

    /** One drawn line: its legend name, points, colour index and run index (dash pattern). */
    private record Line(String name, double[] x, double[] y, int colour, int run) {
    }

    private static Figure xy(String name, String title, String xLabel, String yLabel, List<Line> lines, boolean legend,
                             double[] yRange) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries s = new XYSeries(uniqueKey(data, line.name()), false, true);
            for (int i = 0; i < line.x().length; i++) {
                s.add(line.x()[i], line.y()[i], false);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                legend, false, false);
        ChartStyle.apply(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setAutoPopulateSeriesStroke(false);
        for (int s = 0; s < lines.size(); s++) {
            r.setSeriesPaint(s, ChartStyle.colour(lines.get(s).colour()));
            r.setSeriesStroke(s, ChartStyle.stroke(lines.get(s).run()));
        }
        chart.getXYPlot().setRenderer(r);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        } else {
            y.setAutoRangeIncludesZero(false);
        }
        return new Figure(name, chart, csvHeader(xLabel, data), csvRows(data));
    }

    private static String uniqueKey(XYSeriesCollection data, String name) {
        String key = name;
        int n = 2;
        while (data.getSeriesIndex(key) >= 0) {
            key = name + " #" + n++;
        }
        return key;
    }

    private static List<String> csvHeader(String xLabel, XYSeriesCollection data) {
        List<String> h = new ArrayList<>(List.of("step"));
        for (int s = 0; s < data.getSeriesCount(); s++) {
            h.add(String.valueOf(data.getSeriesKey(s)));
        }
        return h;
    }

    /** Wide rows: one per x value, one column per series, empty where a series has no point. */
    private static List<List<String>> csvRows(XYSeriesCollection data) {
        TreeMap<Double, String[]> byX = new TreeMap<>();
        int n = data.getSeriesCount();
        for (int s = 0; s < n; s++) {
            XYSeries series = data.getSeries(s);
            for (int i = 0; i < series.getItemCount(); i++) {
                String[] row = byX.computeIfAbsent(series.getX(i).doubleValue(), x -> new String[n]);
                row[s] = format(series.getY(i).doubleValue());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Double, String[]> e : byX.entrySet()) {
            List<String> row = new ArrayList<>(List.of(format(e.getKey())));
            for (String v : e.getValue()) {
                row.add(v == null ? "" : v);
            }
            rows.add(row);
        }
        return rows;
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
