package org.econlab.ui;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.econlab.economy.TaxBrackets;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live charts of a run. Each batch of snapshots is added with the charts' notification off and
 * every chart that is on screen redraws once per batch; charts on hidden tabs redraw when shown, so a
 * max-speed run never starves the FX thread. Time series are decimated to stay cheap to draw (the run
 * record keeps every step). FX thread only.
 */
final class LiveCharts {

    /** Okabe-Ito colour-blind-safe palette, one colour per bracket in every chart. */
    static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00),
        new Color(0xF0, 0xE4, 0x42), new Color(0x99, 0x99, 0x99)
    };

    private static final int MAX_POINTS = 4000;
    /** Points drawn in the post- vs pre-tax scatter (software rendering of many shapes is slow). */
    private static final int SCATTER_POINTS = 500;

    private final List<JFreeChart> all = new ArrayList<>();
    /** Identity set: JFreeChart's equals/hashCode follow its mutable content. */
    private final Set<JFreeChart> visible = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<JFreeChart> timeCharts = new ArrayList<>();
    /** Visible charts whose data changed and that wait for their redraw, in order (identity). */
    private final List<JFreeChart> dirty = new ArrayList<>();

    final JFreeChart ratesChart;
    final JFreeChart swfChart;
    final JFreeChart giniChart;
    final JFreeChart taxChart;
    final JFreeChart hoursChart;
    final JFreeChart hoursHistogramChart;
    final JFreeChart leaderChart;
    final JFreeChart votesChart;
    final JFreeChart bracketIncomeChart;
    final JFreeChart prePostChart;
    final JFreeChart agentHistoryChart;

    private final XYSeriesCollection ratesData = new XYSeriesCollection();
    private final List<DecimatingSeries> rates = new ArrayList<>();
    private final DecimatingSeries swf = series("This run");
    /**
     * The median SWF of each tax year, drawn over the per-step line: one worker trying zero hours lifts the
     * paper's SWF by a whole rebate for a step, and the median shows the level the planner is choosing.
     */
    private final XYSeries swfYearMedian = new XYSeries("Tax-year median", false, true);
    private final List<Double> currentYearSwf = new ArrayList<>();
    private int currentYear = -1;
    private int currentYearStart;
    private int lastYearStep;
    private boolean yearPointPlaced;
    private final XYSeriesCollection swfData = new XYSeriesCollection();
    private final List<XYSeries> swfReferenceLines = new ArrayList<>();
    private int lastStep;
    private final DecimatingSeries gini = series("Gini");
    private final DecimatingSeries totalTax = series("Total tax ($)");
    private final DecimatingSeries rebate = series("Rebate per worker ($)");
    private final DecimatingSeries meanHours = series("Mean hours");
    private final DecimatingSeries leader = series("Leader");
    private final DefaultCategoryDataset hoursHistogram = new DefaultCategoryDataset();
    private final DefaultCategoryDataset votes = new DefaultCategoryDataset();
    private final DefaultCategoryDataset bracketCounts = new DefaultCategoryDataset();
    private final XYSeries preTaxPostTax = new XYSeries("Workers (sample)", false, true);
    private final XYSeries diagonal = new XYSeries("No tax, no rebate", false, true);
    private final XYSeries historyIncome = new XYSeries("Pre-tax income", false, true);
    private final XYSeries historyPostTax = new XYSeries("Post-tax income", false, true);
    private TaxBrackets brackets;
    private boolean dark;
    private float fontScale = 1f;

    LiveCharts(Scenario scenario) {
        ratesChart = line("Marginal tax rates (dashed: Saez; dotted: Stackelberg, rational workers)", "Step", "Rate (%)", ratesData, true);
        ((NumberAxis) ratesChart.getXYPlot().getRangeAxis()).setRange(0, 100);

        swfData.addSeries(swf.series());
        swfData.addSeries(swfYearMedian);
        swfChart = line("Social welfare (orange: tax-year median; dashed: reference planners)", "Step", "SWF", swfData, true);
        swfChart.getXYPlot().getRenderer().setSeriesPaint(1, PALETTE[5]);
        swfChart.getXYPlot().setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // median on top
        ((XYLineAndShapeRenderer) swfChart.getXYPlot().getRenderer()).setSeriesStroke(1, new BasicStroke(2.5f));
        giniChart = line("Income Gini", "Step", "Gini (0..1)", new XYSeriesCollection(gini.series()), false);
        XYSeriesCollection taxData = new XYSeriesCollection(totalTax.series());
        taxChart = line("Total tax (rebated equally)", "Step", "Total tax ($/yr)", taxData, true);
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
        rebateRenderer.setSeriesPaint(0, PALETTE[1]);
        taxPlot.setRenderer(1, rebateRenderer);

        hoursChart = line("Labour supply", "Step", "Mean hours / week", new XYSeriesCollection(meanHours.series()), false);
        hoursHistogramChart = bars("Hours now", "Hours per week (10-hour bins from)", "Workers", hoursHistogram);

        leaderChart = line("Elected leader", "Step", "Leader (agent index)", new XYSeriesCollection(leader.series()), false);
        leaderChart.getXYPlot().setRenderer(new XYStepRenderer());
        leaderChart.getXYPlot().getRenderer().setSeriesPaint(0, PALETTE[2]);
        leaderChart.getXYPlot().getRenderer().setSeriesStroke(0, new BasicStroke(2f));
        // Agent indices are whole numbers; candidates' labels may be wider than their bars.
        ((NumberAxis) leaderChart.getXYPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        votesChart = bars("Last election", "Candidate (agent index)", "Ballots", votes);
        ((CategoryPlot) votesChart.getPlot()).getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);

        bracketIncomeChart = bars("Workers per income bracket", "Bracket of pre-tax income", "Workers", bracketCounts);
        ((CategoryPlot) bracketIncomeChart.getPlot()).getDomainAxis()
                .setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        XYSeriesCollection prePost = new XYSeriesCollection();
        prePost.addSeries(preTaxPostTax);
        prePost.addSeries(diagonal);
        prePostChart = line("Post-tax vs pre-tax income", "Pre-tax income z ($/yr)", "Post-tax income ($/yr)", prePost, true);
        XYLineAndShapeRenderer scatter = new XYLineAndShapeRenderer(false, true);
        scatter.setSeriesLinesVisible(1, true);
        scatter.setSeriesShapesVisible(1, false);
        scatter.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-1.5, -1.5, 3, 3)); // cheap to fill
        scatter.setSeriesPaint(0, PALETTE[0]);
        scatter.setSeriesPaint(1, PALETTE[7]);
        prePostChart.getXYPlot().setRenderer(scatter);

        XYSeriesCollection history = new XYSeriesCollection();
        history.addSeries(historyIncome);
        history.addSeries(historyPostTax);
        agentHistoryChart = line("Selected agent", "Step", "$ / year", history, true);
        minimumRange(swfChart, 1);
        minimumRange(giniChart, 0.01);
        minimumRange(hoursChart, 1);
        minimumRange(leaderChart, 1);
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
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
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
        r.setSeriesPaint(0, PALETTE[0]);
        r.setItemMargin(0.02);
        c.setNotify(false);
        all.add(c);
        return c;
    }

    /** Clears all series and re-creates the bracket series for a new run. */
    void reset(Scenario scenario) {
        brackets = scenario.brackets();
        update(all, () -> {
            ratesData.removeAllSeries();
            rates.clear();
            for (int j = 0; j < brackets.count(); j++) {
                DecimatingSeries s = series(brackets.label(j));
                rates.add(s);
                ratesData.addSeries(s.series());
            }
            ratesChart.getXYPlot().clearRangeMarkers();
            for (XYSeries r : swfReferenceLines) {
                swfData.removeSeries(r);
            }
            swfReferenceLines.clear();
            swfYearMedian.clear();
            currentYearSwf.clear();
            currentYear = -1;
            yearPointPlaced = false;
            lastStep = 0;
            for (DecimatingSeries s : List.of(swf, gini, totalTax, rebate, meanHours, leader)) {
                s.clear();
                s.publish();
            }
            hoursHistogram.clear();
            votes.clear();
            bracketCounts.clear();
            preTaxPostTax.clear();
            diagonal.clear();
            historyIncome.clear();
            historyPostTax.clear();
        });
    }

    /** Draws the reference rates (percent per bracket) as dashed lines in each bracket's colour. */
    void references(Map<String, double[]> refs) {
        XYPlot plot = ratesChart.getXYPlot();
        ratesChart.setNotify(false);
        plot.clearRangeMarkers();
        float[] dash = {6f, 4f};
        int style = 0;
        for (Map.Entry<String, double[]> e : refs.entrySet()) {
            double[] r = e.getValue();
            for (int j = 0; j < r.length && j < rates.size(); j++) {
                ValueMarker m = new ValueMarker(r[j], PALETTE[j % PALETTE.length],
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                                style == 0 ? dash : new float[] {2f, 3f}, 0f));
                if (j == 0) {
                    m.setLabel(e.getKey());
                    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    m.setLabelPaint(dark ? Color.LIGHT_GRAY : Color.DARK_GRAY);
                }
                plot.addRangeMarker(m);
            }
            style++;
        }
        if (visible.contains(ratesChart)) {
            markDirty(ratesChart);
        }
    }

    /** Draws the reference planners' SWF as dashed horizontal lines across the run so far. */
    void swfReferences(Map<String, Double> refs) {
        update(List.of(swfChart), () -> {
            for (XYSeries r : swfReferenceLines) {
                swfData.removeSeries(r);
            }
            swfReferenceLines.clear();
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) swfChart.getXYPlot().getRenderer();
            int i = 2; // after the run's line and its tax-year median
            for (Map.Entry<String, Double> e : refs.entrySet()) {
                XYSeries line = new XYSeries(e.getKey(), false, true);
                line.add(0, e.getValue(), false);
                line.add(Math.max(1, lastStep), e.getValue(), false);
                swfReferenceLines.add(line);
                swfData.addSeries(line);
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                        new float[] {6f, 4f}, 0f));
                i++;
            }
            r.setSeriesStroke(0, new BasicStroke(2f));
        });
    }

    /** Adds a step's SWF to its tax year; a finished year gets its median point. */
    private void addToYearMedian(StepSnapshot s) {
        if (s.taxYear() != currentYear) {
            placeYearMedian();
            currentYear = s.taxYear();
            currentYearStart = s.step();
            currentYearSwf.clear();
            yearPointPlaced = false;
        }
        currentYearSwf.add(s.swf());
        lastYearStep = s.step();
    }

    /** Places (or moves) the current year's median point: once per batch and once when a year ends. */
    private void placeYearMedian() {
        if (currentYearSwf.isEmpty()) {
            return;
        }
        if (yearPointPlaced) {
            swfYearMedian.remove(swfYearMedian.getItemCount() - 1);
        }
        double median = new Median().evaluate(currentYearSwf.stream().mapToDouble(Double::doubleValue).toArray());
        swfYearMedian.add((currentYearStart + lastYearStep) / 2.0, median, false);
        yearPointPlaced = true;
    }

    /** For tests: points of the tax-year median SWF line (one per tax year seen). */
    int swfYearMedianPointCount() {
        return swfYearMedian.getItemCount();
    }

    /** Number of SWF points drawn (after decimation). */
    int swfPointCount() {
        return swf.series().getItemCount();
    }

    List<JFreeChart> charts() {
        return all;
    }

    /** Adds a batch of steps; each visible chart redraws once. */
    void append(List<StepSnapshot> batch) {
        update(timeCharts, () -> {
            for (StepSnapshot s : batch) {
                int k = s.step();
                for (int j = 0; j < rates.size() && j < s.bracketCount(); j++) {
                    rates.get(j).add(k, s.ratePercent(j));
                }
                swf.add(k, s.swf());
                addToYearMedian(s);
                gini.add(k, s.gini());
                totalTax.add(k, s.totalTaxUsd());
                rebate.add(k, s.rebateUsd());
                meanHours.add(k, s.meanHours());
                if (s.leader() >= 0) {
                    leader.add(k, s.leader());
                }
            }
            placeYearMedian();
            lastStep = batch.get(batch.size() - 1).step();
            for (XYSeries ref : swfReferenceLines) {
                if (ref.getItemCount() == 2) {
                    double y = ref.getY(0).doubleValue();
                    ref.remove(1);
                    ref.add(Math.max(1, lastStep), y);
                }
            }
            rates.forEach(DecimatingSeries::publish);
            for (DecimatingSeries d : List.of(swf, gini, totalTax, rebate, meanHours, leader)) {
                d.publish();
            }
            StepSnapshot last = batch.get(batch.size() - 1);
            int[] h = last.hoursHistogram();
            for (int b = 0; b < h.length; b++) {
                hoursHistogram.setValue(h[b], "Workers", Integer.toString(b * 10));
            }
            int[] counts = last.bracketCounts();
            for (int j = 0; j < counts.length && j < brackets.count(); j++) {
                bracketCounts.setValue(counts[j], "Workers", brackets.label(j));
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

    /** Most candidates shown as their own bar in the last-election chart; the rest are summed. */
    static final int MAX_CANDIDATE_BARS = 8;

    /** The last election's ballots per candidate: the leader first, then by ballots, the rest as "Others". */
    private void showTally(int leaderAgent, Map<Integer, Integer> tally) {
        List<Map.Entry<Integer, Integer>> byVotes = new java.util.ArrayList<>(tally.entrySet());
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

    /** Shows the agent sample's pre- and post-tax incomes. */
    void agents(AgentProbe.Page page) {
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

    /** Shows the selected agent's history. */
    void history(AgentProbe.History h) {
        update(List.of(agentHistoryChart), () -> {
            historyIncome.clear();
            historyPostTax.clear();
            if (h != null) {
                for (int k = 0; k < h.step().length; k++) {
                    historyIncome.add(h.step()[k], h.income()[k], false);
                    historyPostTax.add(h.step()[k], h.income()[k] - h.tax()[k], false);
                }
                agentHistoryChart.setTitle("Agent #" + h.agent() + " (last " + h.step().length + " steps; post-tax before rebate)");
            }
            historyIncome.fireSeriesChanged();
            historyPostTax.fireSeriesChanged();
        });

    }

    /** Which charts are on screen now; those redraw on change, the rest wait until shown. */
    void setVisible(List<JFreeChart> onScreen) {
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
    void redraw(long budgetNanos) {
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
    boolean drawn() {
        return dirty.isEmpty();
    }

    /** Light or dark colours and a font scale (presentation mode) for every chart. */
    void applyTheme(boolean darkTheme, float scale) {
        this.dark = darkTheme;
        this.fontScale = scale;
        for (JFreeChart c : all) {
            c.setNotify(false);
            style(c, dark, fontScale);
        }
        update(all, () -> { });
    }

    /** Styles one chart (colours for the theme, fonts scaled); redraws it if it notifies. */
    static void style(JFreeChart c, boolean dark, float fontScale) {
        boolean notify = c.isNotify();
        c.setNotify(false);
        Color bg = dark ? new Color(0x2B, 0x2B, 0x2B) : Color.WHITE;
        Color plotBg = dark ? new Color(0x1E, 0x1E, 0x1E) : Color.WHITE;
        Color fg = dark ? new Color(0xE0, 0xE0, 0xE0) : new Color(0x20, 0x20, 0x20);
        Color grid = dark ? new Color(0x44, 0x44, 0x44) : new Color(0xDD, 0xDD, 0xDD);
        c.setBackgroundPaint(bg);
        TextTitle t = c.getTitle();
        if (t != null) {
            t.setPaint(fg);
            t.setFont(new Font("SansSerif", Font.BOLD, Math.round(14 * fontScale)));
        }
        LegendTitle legend = c.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(bg);
            legend.setItemPaint(fg);
            legend.setItemFont(new Font("SansSerif", Font.PLAIN, Math.round(11 * fontScale)));
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
            if (d instanceof NumberAxis n && "Step".equals(d.getLabel())) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
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
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(12 * fontScale)));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(11 * fontScale)));
        }
        c.setNotify(notify);
    }

    /** For tests: points of the leader-over-time series. */
    int leaderPointCount() {
        return leader.series().getItemCount();
    }

    /** For tests: bars of the last election's vote shares. */
    int voteBarCount() {
        return votes.getColumnCount();
    }

    /** For tests: points in each bracket's rate series. */
    Map<String, Integer> ratePointCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (DecimatingSeries s : rates) {
            m.put((String) s.series().getKey(), s.series().getItemCount());
        }
        return m;
    }
}
