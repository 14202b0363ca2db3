package org.econlab.ui.charts;

import org.econlab.ui.run.AgentProbe;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.widgets.Numbers;
import org.econlab.ui.run.SeedEnsemble;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.WelfareFunction;
import org.econlab.report.ChartStyle;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live charts of a run. Each batch of steps is added with the charts' notification off and every chart
 * that is on screen redraws once per batch; charts on hidden tabs redraw when shown, so a max-speed run never
 * starves the FX thread. Time series are decimated to stay cheap to draw (the run record keeps every step).
 * Colours come from {@link ChartStyle#PALETTE} (one colour per bracket, the same on screen and in exported
 * figures); reference lines are series of the chart, so they are drawn, in the legend and in the chart's CSV.
 * FX thread.
 */
public final class LiveCharts {

    private static final int MAX_POINTS = 4000;
    /** Points drawn in the post- vs pre-tax scatter (software rendering of many shapes is slow). */
    private static final int SCATTER_POINTS = 500;
    /** Most idle-dominated stretches marked on the SWF chart; closer stretches merge beyond this. */
    private static final int MAX_IDLE_MARKS = 200;

    public static final float[] DASHED = {6f, 4f};
    public static final float[] DOTTED = {2f, 3f};
    private static final Color MARK = new Color(0xD5, 0x5E, 0x00, 38);
    private static final Color NEUTRAL = new Color(0x55, 0x55, 0x55);
    private static final Color BAND = new Color(0x44, 0x44, 0x44);

    /** How the SWF chart shows welfare. */
    public enum WelfareView { TOTAL, PER_WORKER }

    private final List<JFreeChart> all = new ArrayList<>();
    /** Identity set: JFreeChart's equals/hashCode follow its mutable content. */
    private final Set<JFreeChart> visible = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<JFreeChart> timeCharts = new ArrayList<>();
    /** Visible charts whose data changed and that wait for their redraw, in order (identity). */
    private final List<JFreeChart> dirty = new ArrayList<>();

    public final JFreeChart ratesChart;
    public final JFreeChart swfChart;
    public final JFreeChart giniChart;
    public final JFreeChart taxChart;
    public final JFreeChart hoursChart;
    public final JFreeChart hoursHistogramChart;
    public final JFreeChart leaderChart;
    public final JFreeChart votesChart;
    public final JFreeChart bracketIncomeChart;
    public final JFreeChart prePostChart;
    public final JFreeChart agentHistoryChart;

    private final XYSeriesCollection ratesData = new XYSeriesCollection();
    private final XYSeriesCollection rateReferenceData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer rateReferenceRenderer = lineRenderer();
    private final List<DecimatingSeries> rates = new ArrayList<>();
    private Map<String, double[]> rateReferences = Map.of();
    private final List<Integer> interventions = new ArrayList<>();

    private final StepValues swfRaw = new StepValues(200_000);
    private final XYSeries swf = new XYSeries("This run", false, true);
    /**
     * The median SWF of each tax year, drawn over the per-step line: one worker trying zero hours lifts the
     * paper's SWF by a whole rebate for a step, and the median shows the level the planner is choosing.
     */
    private final XYSeries swfYearMedian = new XYSeries("Tax-year median", false, true);
    private final List<double[]> medianRaw = new ArrayList<>();
    private final List<Double> currentYearSwf = new ArrayList<>();
    private int currentYear = -1;
    private int currentYearStart;
    private int lastYearStep;
    private final XYSeriesCollection swfData = new XYSeriesCollection();
    private final XYSeriesCollection swfReferenceData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer swfReferenceRenderer = lineRenderer();
    private Map<String, Double> swfReferences = Map.of();
    private final List<int[]> idleStretches = new ArrayList<>();
    private int idleSince = -1;
    private int lastStep;
    private WelfareView welfareView = WelfareView.TOTAL;
    private boolean logScale;
    private WelfareFunction welfare = WelfareFunction.PAPER;
    private int workers = 1;

    private final DecimatingSeries gini = series("Gini");
    private final DecimatingSeries totalTax = series("Total tax ($/yr)");
    private final DecimatingSeries rebate = series("Rebate per worker ($/yr)");
    private final DecimatingSeries meanHours = series("Mean hours");
    private int leaderSteps;
    private final List<int[]> tenures = new ArrayList<>(); // {leader, first step, last step}
    private final List<Integer> leadersSeen = new ArrayList<>();
    private final XYIntervalSeriesCollection leaderData = new XYIntervalSeriesCollection();
    private final DefaultCategoryDataset hoursHistogram = new DefaultCategoryDataset();
    private final DefaultCategoryDataset votes = new DefaultCategoryDataset();
    private final DefaultCategoryDataset bracketCounts = new DefaultCategoryDataset();
    private final XYSeries preTaxPostTax = new XYSeries("Workers (sample)", false, true);
    private final XYSeries diagonal = new XYSeries("No tax, no rebate", false, true);
    private final XYSeries historyIncome = new XYSeries("Pre-tax income", false, true);
    private final XYSeries historyPostTax = new XYSeries("Post-tax income", false, true);
    private final Map<JFreeChart, YIntervalSeriesCollection> bands = new IdentityHashMap<>();
    private SeedEnsemble.Result ensemble;
    private TaxBrackets brackets;
    private String plannerKind = "";
    private boolean dark;
    private float scale = 1f;
    private boolean presentation;

    public LiveCharts(Scenario scenario) {
        ratesChart = line("Marginal tax rates", "Step", "Rate (%)", ratesData, true);
        XYPlot ratesPlot = ratesChart.getXYPlot();
        ((NumberAxis) ratesPlot.getRangeAxis()).setRange(0, 100);
        ratesPlot.setDataset(1, rateReferenceData);
        ratesPlot.setRenderer(1, rateReferenceRenderer);

        swfData.addSeries(swf);
        swfData.addSeries(swfYearMedian);
        swfChart = line("Social welfare", "Step", "SWF", swfData, true);
        XYPlot swfPlot = swfChart.getXYPlot();
        swfPlot.getRenderer().setSeriesPaint(1, ChartStyle.color(5));
        swfPlot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // median on top
        ChartLook.setStroke(swfPlot.getRenderer(), 1, new BasicStroke(2.5f), 1f);
        swfPlot.setDataset(1, swfReferenceData);
        swfPlot.setRenderer(1, swfReferenceRenderer);

        giniChart = line("Income Gini", "Step", "Gini (0..1)", new XYSeriesCollection(gini.series()), false);
        taxChart = line("Total tax (rebated equally)", "Step", "Total tax ($/yr)",
                new XYSeriesCollection(totalTax.series()), true);
        XYPlot taxPlot = taxChart.getXYPlot();
        NumberAxis rebateAxis = new NumberAxis("Rebate ($/yr per worker)");
        rebateAxis.setAutoRangeIncludesZero(false);
        rebateAxis.setAutoRangeMinimumSize(10);
        rebateAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        minimumRange(taxChart, 1000);
        ((NumberAxis) taxPlot.getRangeAxis()).setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        taxPlot.setRangeAxis(1, rebateAxis);
        taxPlot.setDataset(1, new XYSeriesCollection(rebate.series()));
        taxPlot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer rebateRenderer = lineRenderer();
        rebateRenderer.setSeriesPaint(0, ChartStyle.color(1));
        taxPlot.setRenderer(1, rebateRenderer);

        hoursChart = line("Labour supply", "Step", "Mean hours / week", new XYSeriesCollection(meanHours.series()), false);
        hoursHistogramChart = bars("Hours now", "Hours per week (10-hour bins from)", "Workers", hoursHistogram);

        leaderChart = ChartFactory.createXYLineChart("Elected leader", "Step", "Leader", leaderData,
                PlotOrientation.VERTICAL, false, true, false);
        XYBarRenderer strip = new XYBarRenderer();
        strip.setUseYInterval(true);
        strip.setBarPainter(new StandardXYBarPainter());
        strip.setShadowVisible(false);
        strip.setSeriesPaint(0, ChartStyle.color(2));
        strip.setDrawBarOutline(false);
        leaderChart.getXYPlot().setRenderer(strip);
        leaderChart.getXYPlot().setRangeAxis(new SymbolAxis("Leader", new String[0]));
        leaderChart.setNotify(false);
        all.add(leaderChart);
        votesChart = bars("Last election", "Candidate (agent index)", "Ballots", votes);
        CategoryPlot votesPlot = (CategoryPlot) votesChart.getPlot();
        votesPlot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
        votesPlot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        bracketIncomeChart = bars("Workers per income bracket", null, "Workers", bracketCounts);
        CategoryPlot bracketPlot = (CategoryPlot) bracketIncomeChart.getPlot();
        bracketPlot.setOrientation(PlotOrientation.HORIZONTAL); // bracket names read across, at any chart height
        bracketPlot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        bracketPlot.getDomainAxis().setCategoryMargin(0.15);
        bracketPlot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        bracketPlot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((CategoryPlot) hoursHistogramChart.getPlot()).getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYSeriesCollection prePost = new XYSeriesCollection();
        prePost.addSeries(preTaxPostTax);
        prePost.addSeries(diagonal);
        prePostChart = line("Post-tax vs pre-tax income", "Pre-tax income z ($/yr)", "Post-tax income ($/yr)", prePost, true);
        XYLineAndShapeRenderer scatter = new XYLineAndShapeRenderer(false, true);
        scatter.setSeriesLinesVisible(1, true);
        scatter.setSeriesShapesVisible(1, false);
        scatter.setSeriesShape(0, new Rectangle2D.Double(-1.5, -1.5, 3, 3)); // cheap to fill
        scatter.setSeriesPaint(0, ChartStyle.color(0));
        scatter.setSeriesPaint(1, ChartStyle.color(7));
        prePostChart.getXYPlot().setRenderer(scatter);

        XYSeriesCollection history = new XYSeriesCollection();
        history.addSeries(historyIncome);
        history.addSeries(historyPostTax);
        agentHistoryChart = line("Selected worker", "Step", "$ / year", history, true);
        minimumRange(swfChart, 1);
        minimumRange(giniChart, 0.01);
        minimumRange(hoursChart, 1);
        for (JFreeChart c : List.of(swfChart, hoursChart, giniChart, taxChart)) {
            YIntervalSeriesCollection band = new YIntervalSeriesCollection();
            DeviationRenderer r = new DeviationRenderer(true, false);
            r.setAlpha(0.18f);
            r.setSeriesPaint(0, BAND);
            r.setSeriesFillPaint(0, BAND);
            r.setAutoPopulateSeriesFillPaint(false);
            r.setAutoPopulateSeriesStroke(false);
            r.setDefaultStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 3f, 2f, 3f}, 0f));
            c.getXYPlot().setDataset(2, band);
            c.getXYPlot().setRenderer(2, r);
            bands.put(c, band);
        }
        timeCharts.addAll(all);
        timeCharts.removeIf(c -> c == prePostChart || c == agentHistoryChart);
        reset(scenario);
    }

    /** A flat series still gets a readable axis instead of ticks that differ in the eighth digit. */
    private static void minimumRange(JFreeChart c, double size) {
        ((NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeMinimumSize(size);
    }

    private static DecimatingSeries series(String name) {
        return new DecimatingSeries(new XYSeries(name, false, true), MAX_POINTS);
    }

    private JFreeChart line(String title, String x, String y, XYSeriesCollection data, boolean legend) {
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
        all.add(c);
        return c;
    }

    private static XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(new BasicStroke(2f));
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    private JFreeChart bars(String title, String x, String y, DefaultCategoryDataset data) {
        JFreeChart c = ChartFactory.createBarChart(title, x, y, data, PlotOrientation.VERTICAL, false, true, false);
        BarRenderer r = (BarRenderer) ((CategoryPlot) c.getPlot()).getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ChartStyle.color(0));
        r.setItemMargin(0.02);
        c.setNotify(false);
        all.add(c);
        return c;
    }

    private static BasicStroke dashed(float width, float[] dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f);
    }

    /** Clears all series and re-creates the bracket series for a new run of {@code scenario}. */
    public void reset(Scenario scenario) {
        brackets = scenario.brackets();
        welfare = scenario.swf();
        workers = Math.max(1, scenario.population().agents());
        plannerKind = scenario.planner().kind();
        logScale = welfare.kind() == WelfareFunction.Kind.INVERSE_INCOME;
        update(all, () -> {
            ratesData.removeAllSeries();
            rates.clear();
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) ratesChart.getXYPlot().getRenderer();
            for (int j = 0; j < brackets.count(); j++) {
                DecimatingSeries s = series(brackets.label(j)); // full label in the CSV; the legend is short
                rates.add(s);
                ratesData.addSeries(s.series());
                r.setSeriesPaint(j, ChartStyle.color(j));
            }
            rateReferences = Map.of();
            rateReferenceData.removeAllSeries();
            interventions.clear();
            ratesChart.getXYPlot().clearDomainMarkers();
            swfReferences = Map.of();
            swfReferenceData.removeAllSeries();
            swfRaw.clear();
            swf.clear();
            swfYearMedian.clear();
            medianRaw.clear();
            currentYearSwf.clear();
            currentYear = -1;
            idleStretches.clear();
            idleSince = -1;
            swfChart.getXYPlot().clearDomainMarkers();
            lastStep = 0;
            for (DecimatingSeries s : List.of(gini, totalTax, rebate, meanHours)) {
                s.clear();
                s.publish();
            }
            leaderSteps = 0;
            tenures.clear();
            leadersSeen.clear();
            leaderData.removeAllSeries();
            replaceRangeAxis(leaderChart, new SymbolAxis(null, new String[0]));
            hoursHistogram.clear();
            votes.clear();
            bracketCounts.clear();
            preTaxPostTax.clear();
            diagonal.clear();
            historyIncome.clear();
            historyPostTax.clear();
            agentHistoryChart.setTitle("Selected worker");
            // a multi-seed band stays while the scenario is the same (up to its seed): play a seed against it
            if (ensemble != null && !ensemble.scenario().withSeed(scenario.seed()).equals(scenario)) {
                ensemble = null;
            }
            showBand(swfChart, SeedEnsemble.SWF);
            showBand(hoursChart, SeedEnsemble.HOURS);
            showBand(giniChart, SeedEnsemble.GINI);
            showBand(taxChart, SeedEnsemble.TAX);
            applyWelfareAxis();
            titles();
            rateLegend();
            swfLegend();
        });
        resetViews();
    }

    /** Zoomed axes go back to their home range (a new run starts with the whole view). */
    private void resetViews() {
        for (JFreeChart c : all) {
            if (c.getPlot() instanceof XYPlot xy) {
                xy.getDomainAxis().setAutoRange(true);
                if (c != ratesChart) {
                    xy.getRangeAxis().setAutoRange(true);
                } else {
                    xy.getRangeAxis().setRange(0, 100);
                }
            }
        }
    }

    /** Chart titles: short, one line; the planner in force on the rate chart and the welfare function on the SWF chart. */
    private void titles() {
        String planner = switch (plannerKind) {
            case "democratic" -> "set by the elected leader";
            case "" -> "";
            default -> presentation ? "" : plannerKind + " planner";
        };
        ratesChart.setTitle(planner.isEmpty() ? "Marginal tax rates" : "Marginal tax rates · " + planner);
        String perWorker = welfareView == WelfareView.PER_WORKER ? " per worker" : "";
        swfChart.setTitle("Social welfare" + perWorker + " · " + (presentation ? welfare.displayName() : welfare.kind().label()));
        ChartLook.setAxisLabels(swfChart, "Step", welfareAxisLabel());
    }

    private String welfareAxisLabel() {
        return (welfareView == WelfareView.PER_WORKER ? "SWF / N" : "SWF") + (logScale ? " (log)" : "");
    }

    /** The welfare function the charts name (FX thread). */
    public WelfareFunction welfare() {
        return welfare;
    }

    /** Legend of the rate chart: one entry per bracket, then only the reference styles actually drawn. */
    private void rateLegend() {
        LegendItemCollection items = new LegendItemCollection();
        for (int j = 0; j < brackets.count(); j++) {
            items.add(lineItem(Numbers.shortBracket(brackets, j), new BasicStroke(2f), ChartStyle.color(j)));
        }
        int style = 0;
        for (String name : rateReferences.keySet()) {
            items.add(lineItem(name, dashed(1.5f, style == 0 ? DASHED : DOTTED), NEUTRAL));
            style++;
        }
        if (ensemble != null) {
            items.add(lineItem(ensemble.seeds() + "-seed mean", dashed(1.5f, new float[] {8f, 3f, 2f, 3f}), BAND));
        }
        if (!interventions.isEmpty()) {
            items.add(lineItem("rates set by hand", new BasicStroke(1f), NEUTRAL));
        }
        ratesChart.getXYPlot().setFixedLegendItems(items);
    }

    private void swfLegend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(lineItem("This run", new BasicStroke(2f), ChartStyle.color(0)));
        items.add(lineItem("Tax-year median", new BasicStroke(2.5f), ChartStyle.color(5)));
        int i = 0;
        for (String name : swfReferences.keySet()) {
            items.add(lineItem(name, dashed(1.5f, DASHED), ChartStyle.color(2 + i)));
            i++;
        }
        if (ensemble != null) {
            items.add(lineItem(ensemble.seeds() + " seeds: mean, 95% band", dashed(1.5f, new float[] {8f, 3f, 2f, 3f}), BAND));
        }
        if (!idleStretches.isEmpty() || idleSince >= 0) {
            LegendItem idle = new LegendItem("idle workers > ½ of SWF", null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), new Color(0xD5, 0x5E, 0x00, 110));
            items.add(idle);
        }
        swfChart.getXYPlot().setFixedLegendItems(items);
    }

    private static LegendItem lineItem(String name, Stroke stroke, Color paint) {
        return new LegendItem(name, null, null, null, new Line2D.Double(-8, 0, 8, 0), stroke, paint);
    }

    /** Draws the reference rates (percent per bracket) as dashed (first) and dotted (second) lines in each bracket's colour. */
    public void references(Map<String, double[]> refs) {
        update(List.of(ratesChart), () -> {
            rateReferences = new LinkedHashMap<>(refs);
            rebuildRateReferences();
            rateLegend();
        });
    }

    private void rebuildRateReferences() {
        rateReferenceData.removeAllSeries();
        ChartLook.forgetStrokes(rateReferenceRenderer);
        int style = 0;
        int s = 0;
        for (Map.Entry<String, double[]> e : rateReferences.entrySet()) {
            double[] r = e.getValue();
            for (int j = 0; j < r.length && j < brackets.count(); j++) {
                XYSeries line = new XYSeries(e.getKey() + " " + brackets.label(j), false, true);
                line.add(0, r[j], false);
                line.add(Math.max(1, lastStep), r[j], false);
                rateReferenceData.addSeries(line);
                rateReferenceRenderer.setSeriesPaint(s, ChartStyle.color(j));
                ChartLook.setStroke(rateReferenceRenderer, s, dashed(1.5f, style == 0 ? DASHED : DOTTED), scale);
                s++;
            }
            style++;
        }
    }

    /** Draws the reference planners' SWF as dashed horizontal lines across the run so far. */
    public void swfReferences(Map<String, Double> refs) {
        update(List.of(swfChart), () -> {
            swfReferences = new LinkedHashMap<>(refs);
            rebuildSwfReferences();
            swfLegend();
        });
    }

    private void rebuildSwfReferences() {
        swfReferenceData.removeAllSeries();
        ChartLook.forgetStrokes(swfReferenceRenderer);
        int i = 0;
        for (Map.Entry<String, Double> e : swfReferences.entrySet()) {
            XYSeries line = new XYSeries(e.getKey(), false, true);
            double y = shown(e.getValue());
            line.add(0, y, false);
            line.add(Math.max(1, lastStep), y, false);
            swfReferenceData.addSeries(line);
            swfReferenceRenderer.setSeriesPaint(i, ChartStyle.color(2 + i));
            ChartLook.setStroke(swfReferenceRenderer, i, dashed(1.5f, DASHED), scale);
            i++;
        }
    }

    /** A raw SWF value as the current view shows it (per worker, NaN where the log scale cannot draw it). */
    private double shown(double raw) {
        double v = welfareView == WelfareView.PER_WORKER ? raw / workers : raw;
        return logScale && !(v > 0) ? Double.NaN : v;
    }

    /** Shows welfare in total or per worker; redraws from the values kept. */
    public void setWelfareView(WelfareView view) {
        if (view == welfareView) {
            return;
        }
        welfareView = view;
        rebuildWelfare();
    }

    /** Log or linear welfare axis (the paper's SWF jumps by orders of magnitude when a worker stops working). */
    public void setLogScale(boolean log) {
        if (log == logScale) {
            return;
        }
        logScale = log;
        rebuildWelfare();
    }

    public boolean logScale() {
        return logScale;
    }

    public WelfareView welfareView() {
        return welfareView;
    }

    private void rebuildWelfare() {
        update(List.of(swfChart), () -> {
            swf.clear();
            int stride = Math.max(1, (swfRaw.size() + MAX_POINTS - 1) / MAX_POINTS);
            for (int i = 0; i < swfRaw.size(); i += stride) {
                swf.add(swfRaw.x(i), shown(swfRaw.y(i)), false);
            }
            swfYearMedian.clear();
            for (double[] m : medianRaw) {
                swfYearMedian.add(m[0], shown(m[1]), false);
            }
            swf.fireSeriesChanged();
            swfYearMedian.fireSeriesChanged();
            rebuildSwfReferences();
            showBand(swfChart, SeedEnsemble.SWF);
            applyWelfareAxis();
            titles();
        });
    }

    private void applyWelfareAxis() {
        ValueAxis axis;
        if (logScale) {
            LogAxis log = new LogAxis(welfareAxisLabel());
            log.setBase(10);
            log.setSmallestValue(1e-3);
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole powers of ten: 100, 1,000, 10,000
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            log.setMinorTickMarksVisible(false);
            axis = log;
        } else {
            NumberAxis n = new NumberAxis(welfareAxisLabel());
            n.setAutoRangeIncludesZero(false);
            n.setAutoRangeMinimumSize(welfareView == WelfareView.PER_WORKER ? 0.01 : 1);
            n.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            axis = n;
        }
        replaceRangeAxis(swfChart, axis);
    }

    /** Puts {@code axis} in place of the chart's range axis with the old one's fonts and colours. */
    private static void replaceRangeAxis(JFreeChart chart, ValueAxis axis) {
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

    /** Adds a step's SWF to its tax year; a finished year gets its median point. */
    private void addToYearMedian(StepSnapshot s) {
        if (s.taxYear() != currentYear) {
            placeYearMedian(true);
            currentYear = s.taxYear();
            currentYearStart = s.step();
            currentYearSwf.clear();
        }
        currentYearSwf.add(s.swf());
        lastYearStep = s.step();
    }

    /** Places (or moves) the current year's median point: once per batch and once when a year ends. */
    private void placeYearMedian(boolean yearEnds) {
        if (currentYearSwf.isEmpty()) {
            return;
        }
        double median = new Median().evaluate(currentYearSwf.stream().mapToDouble(Double::doubleValue).toArray());
        double x = (currentYearStart + lastYearStep) / 2.0;
        if (!medianRaw.isEmpty() && medianRaw.get(medianRaw.size() - 1)[2] == currentYear) {
            medianRaw.remove(medianRaw.size() - 1);
            swfYearMedian.remove(swfYearMedian.getItemCount() - 1);
        }
        medianRaw.add(new double[] {x, median, currentYear});
        swfYearMedian.add(x, shown(median), false);
    }

    /** For tests: points of the tax-year median SWF line (one per tax year seen). */
    public int swfYearMedianPointCount() {
        return swfYearMedian.getItemCount();
    }

    /** Number of SWF points drawn (after decimation). */
    public int swfPointCount() {
        return swf.getItemCount();
    }

    public List<JFreeChart> charts() {
        return all;
    }

    /** Adds a batch of steps; each visible chart redraws once. */
    public void append(List<LiveStep> batch) {
        update(timeCharts, () -> {
            boolean legendChanged = false;
            for (LiveStep live : batch) {
                StepSnapshot s = live.snapshot();
                int k = s.step();
                for (int j = 0; j < rates.size() && j < s.bracketCount(); j++) {
                    rates.get(j).add(k, s.ratePercent(j));
                }
                if (s.intervened()) {
                    interventions.add(k);
                    ValueMarker m = new ValueMarker(k, NEUTRAL, new BasicStroke(1f));
                    m.setLabel("✎");
                    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    m.setLabelFont(new Font("SansSerif", Font.BOLD, Math.round(11 * scale)));
                    m.setLabelPaint(dark ? Color.LIGHT_GRAY : NEUTRAL);
                    ratesChart.getXYPlot().addDomainMarker(0, m, Layer.FOREGROUND, false);
                    legendChanged = true;
                }
                swfRaw.add(k, s.swf());
                if (swfRaw.size() > 0 && swfRaw.x(swfRaw.size() - 1) == k) {
                    addDecimated(swf, k, shown(s.swf()));
                }
                addToYearMedian(s);
                legendChanged |= idle(live, k);
                gini.add(k, s.gini());
                totalTax.add(k, s.totalTaxUsd());
                rebate.add(k, s.rebateUsd());
                meanHours.add(k, s.meanHours());
                if (s.leader() >= 0) {
                    leaderSteps++;
                    tenure(s.leader(), k);
                }
            }
            placeYearMedian(false);
            lastStep = batch.get(batch.size() - 1).snapshot().step();
            extendReferences(rateReferenceData);
            extendReferences(swfReferenceData);
            rates.forEach(DecimatingSeries::publish);
            swf.fireSeriesChanged();
            for (DecimatingSeries d : List.of(gini, totalTax, rebate, meanHours)) {
                d.publish();
            }
            if (!tenures.isEmpty()) {
                drawTenures();
            }
            if (legendChanged) {
                rateLegend();
                swfLegend();
            }
            StepSnapshot last = batch.get(batch.size() - 1).snapshot();
            int[] h = last.hoursHistogram();
            for (int b = 0; b < h.length; b++) {
                hoursHistogram.setValue(h[b], "Workers", Integer.toString(b * 10));
            }
            int[] counts = last.bracketCounts();
            for (int j = 0; j < counts.length && j < brackets.count(); j++) {
                bracketCounts.setValue(counts[j], "Workers", Numbers.shortBracket(brackets, j));
            }
            if (!last.lastTally().isEmpty()) {
                showTally(last.leader(), last.lastTally());
            } else if (last.leader() >= 0) {
                int total = counts.length == 0 ? 0 : java.util.Arrays.stream(counts).sum();
                String bar = "Leader #" + last.leader();
                if (votes.getColumnCount() != 2 || !votes.getColumnKey(0).equals(bar)) {
                    votes.clear(); // a new leader: drop the previous leader's bar
                }
                votes.setValue(last.votesForLeader(), "Ballots", "Leader #" + last.leader());
                votes.setValue(Math.max(0, total - last.votesForLeader()), "Ballots", "Others");
            }
        });
    }

    /** Adds to a series kept under {@link #MAX_POINTS} by dropping every other point when full. */
    private static void addDecimated(XYSeries s, double x, double y) {
        s.add(x, y, false);
        if (s.getItemCount() > MAX_POINTS) {
            for (int i = s.getItemCount() - 2; i >= 1; i -= 2) {
                s.remove(i);
            }
        }
    }

    private void extendReferences(XYSeriesCollection refs) {
        for (int i = 0; i < refs.getSeriesCount(); i++) {
            XYSeries ref = refs.getSeries(i);
            if (ref.getItemCount() == 2) {
                double y = ref.getY(0).doubleValue();
                ref.remove(1);
                ref.add(Math.max(1, lastStep), y);
            }
        }
    }

    /** Tracks stretches of steps where idle workers dominate the paper's SWF; true when the first one appears. */
    private boolean idle(LiveStep live, int k) {
        boolean first = idleStretches.isEmpty() && idleSince < 0;
        if (live.idleDominated()) {
            if (idleSince < 0) {
                idleSince = k;
            }
            markIdle(idleSince, k);
            return first;
        }
        if (idleSince >= 0) {
            idleStretches.add(new int[] {idleSince, k - 1});
            idleSince = -1;
            if (idleStretches.size() > MAX_IDLE_MARKS) {
                mergeIdleStretches();
            }
            redrawIdleMarks();
        }
        return false;
    }

    private IntervalMarker openMark;

    private void markIdle(int from, int to) {
        XYPlot plot = swfChart.getXYPlot();
        if (openMark != null) {
            plot.removeDomainMarker(0, openMark, Layer.BACKGROUND, false);
        }
        openMark = new IntervalMarker(from - 0.5, to + 0.5, MARK);
        plot.addDomainMarker(0, openMark, Layer.BACKGROUND, false);
    }

    private void mergeIdleStretches() {
        List<int[]> merged = new ArrayList<>();
        for (int i = 0; i < idleStretches.size(); i += 2) {
            int[] a = idleStretches.get(i);
            int[] b = i + 1 < idleStretches.size() ? idleStretches.get(i + 1) : a;
            merged.add(new int[] {a[0], b[1]});
        }
        idleStretches.clear();
        idleStretches.addAll(merged);
    }

    private void redrawIdleMarks() {
        XYPlot plot = swfChart.getXYPlot();
        plot.clearDomainMarkers();
        openMark = null;
        for (int[] s : idleStretches) {
            plot.addDomainMarker(0, new IntervalMarker(s[0] - 0.5, s[1] + 0.5, MARK), Layer.BACKGROUND, false);
        }
    }

    /** Steps marked as idle-dominated so far (tests). */
    public int idleMarkCount() {
        return idleStretches.size() + (idleSince >= 0 ? 1 : 0);
    }

    private void tenure(int leader, int k) {
        int[] last = tenures.isEmpty() ? null : tenures.get(tenures.size() - 1);
        if (last != null && last[0] == leader && last[2] >= k - 1) {
            last[2] = k;
        } else {
            tenures.add(new int[] {leader, k, k});
            if (!leadersSeen.contains(leader)) {
                leadersSeen.add(leader);
                String[] names = leadersSeen.stream().map(l -> "#" + l).toArray(String[]::new);
                replaceRangeAxis(leaderChart, new SymbolAxis(null, names));
            }
        }
    }

    /** The leader as a strip: one bar per tenure on the leader's own row (no comb of vertical lines). */
    private void drawTenures() {
        XYIntervalSeries s = new XYIntervalSeries("Leader");
        for (int[] t : tenures) {
            double row = leadersSeen.indexOf(t[0]);
            s.add((t[1] + t[2] + 1) / 2.0, t[1], t[2] + 1, row, row - 0.35, row + 0.35);
        }
        leaderData.removeAllSeries();
        leaderData.addSeries(s);
    }

    /** Most candidates shown as their own bar in the last-election chart; the rest are summed. */
    public static final int MAX_CANDIDATE_BARS = 8;

    /** The last election's ballots per candidate: the leader first, then by ballots, the rest as "Others". */
    private void showTally(int leaderAgent, Map<Integer, Integer> tally) {
        List<Map.Entry<Integer, Integer>> byVotes = new ArrayList<>(tally.entrySet());
        byVotes.sort((a, b) -> a.getKey() == leaderAgent ? -1 : b.getKey() == leaderAgent ? 1
                : b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey() - b.getKey());
        votes.clear();
        int others = 0;
        for (int i = 0; i < byVotes.size(); i++) {
            Map.Entry<Integer, Integer> e = byVotes.get(i);
            if (i < MAX_CANDIDATE_BARS) {
                String label = (e.getKey() == leaderAgent ? "Leader #" : "#") + e.getKey();
                votes.setValue(e.getValue(), "Ballots", label);
            } else {
                others += e.getValue();
            }
        }
        if (others > 0) {
            votes.setValue(others, "Ballots", "Others");
        }
    }

    /** Overlays the mean and 95% band of a multi-seed run on the SWF, hours, Gini and tax charts (null removes it). */
    public void ensemble(SeedEnsemble.Result result) {
        ensemble = result;
        update(List.of(swfChart, hoursChart, giniChart, taxChart, ratesChart), () -> {
            showBand(swfChart, SeedEnsemble.SWF);
            showBand(hoursChart, SeedEnsemble.HOURS);
            showBand(giniChart, SeedEnsemble.GINI);
            showBand(taxChart, SeedEnsemble.TAX);
            rateLegend();
            swfLegend();
        });
    }

    private void showBand(JFreeChart chart, String metric) {
        YIntervalSeriesCollection target = bands.get(chart);
        target.removeAllSeries();
        if (ensemble == null) {
            return;
        }
        SeedEnsemble.Band b = ensemble.bands().get(metric);
        YIntervalSeries s = new YIntervalSeries(ensemble.seeds() + " seeds: mean (95% band)", false, true);
        int stride = Math.max(1, (b.step().length + MAX_POINTS - 1) / MAX_POINTS);
        boolean welfareChart = chart == swfChart;
        for (int k = 0; k < b.step().length; k += stride) {
            double m = welfareChart ? shown(b.mean()[k]) : b.mean()[k];
            double lo = welfareChart ? shown(b.low()[k]) : b.low()[k];
            double hi = welfareChart ? shown(b.high()[k]) : b.high()[k];
            if (welfareChart && logScale && Double.isNaN(lo)) {
                lo = m;
            }
            s.add(b.step()[k], m, lo, hi);
        }
        target.addSeries(s);
    }

    /** The multi-seed result shown, or null. */
    public SeedEnsemble.Result ensemble() {
        return ensemble;
    }

    /** Points of the multi-seed band on the SWF chart (tests). */
    public int bandPointCount() {
        YIntervalSeriesCollection b = bands.get(swfChart);
        return b.getSeriesCount() == 0 ? 0 : b.getItemCount(0);
    }

    /** Shows the agent sample's pre- and post-tax incomes. */
    public void agents(AgentProbe.Page page) {
        update(List.of(prePostChart), () -> {
            preTaxPostTax.clear();
            double max = 0;
            int stride = Math.max(1, page.size() / SCATTER_POINTS); // the shape shows with fewer points
            for (int k = 0; k < page.size(); k += stride) {
                preTaxPostTax.add(page.income()[k], page.postTax()[k], false);
            }
            for (int k = 0; k < page.size(); k++) {
                max = Math.max(max, page.income()[k]);
            }
            diagonal.clear();
            diagonal.add(0, 0, false);
            diagonal.add(max, max, false);
            preTaxPostTax.fireSeriesChanged();
            diagonal.fireSeriesChanged();
        });
    }

    /** Shows the selected worker's history. */
    public void history(AgentProbe.History h) {
        update(List.of(agentHistoryChart), () -> {
            historyIncome.clear();
            historyPostTax.clear();
            if (h != null) {
                for (int k = 0; k < h.step().length; k++) {
                    historyIncome.add(h.step()[k], h.income()[k], false);
                    historyPostTax.add(h.step()[k], h.income()[k] - h.tax()[k], false);
                }
                agentHistoryChart.setTitle("Worker #" + h.agent() + (h.step().length > 0 && h.step()[0] == 0
                        ? " from step 0" : " (last " + h.step().length + " steps)"));
            }
            historyIncome.fireSeriesChanged();
            historyPostTax.fireSeriesChanged();
        });
    }

    /** Which charts are on screen now; those redraw on change, the rest wait until shown. */
    public void setVisible(List<JFreeChart> onScreen) {
        visible.clear();
        visible.addAll(onScreen);
        for (JFreeChart c : all) {
            if (visible.contains(c)) {
                if (!c.isNotify()) {
                    markDirty(c);
                }
            } else {
                c.setNotify(false);
                dirty.removeIf(d -> d == c);
            }
        }
        redraw(Long.MAX_VALUE);
    }

    /** Runs a batch of changes to {@code charts} with their notification off; visible ones are queued to redraw. */
    private void update(List<JFreeChart> charts, Runnable r) {
        for (JFreeChart c : charts) {
            c.setNotify(false);
        }
        r.run();
        for (JFreeChart c : charts) {
            if (visible.contains(c)) {
                markDirty(c);
            }
        }
    }

    /** Queues a chart for redrawing once (by identity: JFreeChart's equals follows its content). */
    private void markDirty(JFreeChart c) {
        for (JFreeChart d : dirty) {
            if (d == c) {
                return;
            }
        }
        dirty.add(c);
    }

    /**
     * Redraws queued charts, oldest first, until {@code budgetNanos} is spent (at least one chart per
     * call). Called once per frame: with several live charts on screen and a slow software pipeline,
     * the redraws of one batch spread over a few frames instead of blocking one frame for all of them.
     */
    public void redraw(long budgetNanos) {
        long start = System.nanoTime();
        while (!dirty.isEmpty()) {
            JFreeChart c = dirty.remove(0);
            c.setNotify(true); // draws once; stays on so zooming and resizing redraw as usual
            if (System.nanoTime() - start > budgetNanos) {
                break;
            }
        }
    }

    /** True when no chart waits to be redrawn (tests). */
    public boolean drawn() {
        return dirty.isEmpty();
    }

    /**
     * Light or dark colours, and a scale for fonts and line widths; {@code presentationMode} also uses fewer
     * words in titles.
     */
    public void applyTheme(boolean darkTheme, float fontScale, boolean presentationMode) {
        this.dark = darkTheme;
        this.scale = fontScale;
        this.presentation = presentationMode;
        titles();
        for (JFreeChart c : all) {
            c.setNotify(false);
            ChartLook.style(c, dark, scale);
        }
        update(all, () -> { });
    }

    /** The line and font scale in force (1 outside presentation mode). */
    public float scale() {
        return scale;
    }

    /** For tests: steps that had an elected leader. */
    public int leaderPointCount() {
        return leaderSteps;
    }

    /** For tests: bars of the last election's vote shares. */
    public int voteBarCount() {
        return votes.getColumnCount();
    }

    /** For tests: points in each bracket's rate series. */
    public Map<String, Integer> ratePointCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (DecimatingSeries s : rates) {
            m.put((String) s.series().getKey(), s.series().getItemCount());
        }
        return m;
    }

    /** Steps at which rates were set by hand (tests). */
    public List<Integer> interventions() {
        return List.copyOf(interventions);
    }
}
