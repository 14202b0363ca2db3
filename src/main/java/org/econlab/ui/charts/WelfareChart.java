package org.econlab.ui.charts;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.econlab.economy.WelfareFunction;
import org.econlab.report.ChartStyle;
import org.econlab.report.FinalTenth;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Social welfare per step under the scenario's welfare function, in total or per worker, on a linear or log axis;
 * each tax year's median over it; the reference planners' SWF as dashed lines; a multi-seed band; shaded stretches
 * where idle workers contribute more than half of the paper's SWF. Keeps every raw value so a change of view
 * redraws from them. FX thread.
 */
public final class WelfareChart extends LiveChart {

    /** How the chart shows welfare. */
    public enum View { TOTAL, PER_WORKER }

    /** Most idle-dominated stretches marked; closer stretches merge beyond this. */
    private static final int MAX_IDLE_MARKS = 200;
    private static final Color MARK = new Color(0xD5, 0x5E, 0x00, 38);

    private final StepValues raw = new StepValues(200_000);
    private final XYSeries swf = new XYSeries("This run", false, true);
    /**
     * The median SWF of each tax year, drawn over the per-step line: one worker trying zero hours lifts the
     * paper's SWF by a whole rebate for a step, and the median shows the level the planner is choosing.
     */
    private final XYSeries yearMedian = new XYSeries("Tax-year median", false, true);
    private final List<double[]> medianRaw = new ArrayList<>();
    private final List<Double> currentYearSwf = new ArrayList<>();
    private int currentYear = -1;
    private int currentYearStart;
    private int lastYearStep;
    private final XYSeriesCollection referenceData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer referenceRenderer = ChartParts.lineRenderer();
    private Map<String, Double> references = Map.of();
    private final List<int[]> idleStretches = new ArrayList<>();
    private int idleSince = -1;
    private IntervalMarker openMark;
    private int lastStep;
    private View view = View.TOTAL;
    private boolean logScale;
    private WelfareFunction welfare = WelfareFunction.PAPER;
    private int workers = 1;

    WelfareChart() {
        this(new XYSeriesCollection());
    }

    private WelfareChart(XYSeriesCollection data) {
        super(ChartParts.line("Social welfare", "Step", "SWF", data, true), true, true);
        data.addSeries(swf);
        data.addSeries(yearMedian);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(1, ChartStyle.color(5));
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // median on top
        ChartLook.setStroke(plot.getRenderer(), 1, new BasicStroke(2.5f), 1f);
        plot.setDataset(1, referenceData);
        plot.setRenderer(1, referenceRenderer);
        ChartParts.minimumRange(chart, 1);
        band = new EnsembleBand(chart, SeedEnsemble.SWF);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        welfare = scenario.swf();
        workers = Math.max(1, scenario.population().agents());
        logScale = welfare.kind() == WelfareFunction.Kind.INVERSE_INCOME;
        ensemble = ensembleKept;
        references = Map.of();
        referenceData.removeAllSeries();
        raw.clear();
        swf.clear();
        yearMedian.clear();
        medianRaw.clear();
        currentYearSwf.clear();
        currentYear = -1;
        idleStretches.clear();
        idleSince = -1;
        openMark = null;
        chart.getXYPlot().clearDomainMarkers(0);
        lastStep = 0;
        showBand();
        applyAxis();
        titles();
        legend();
    }

    @Override
    void append(List<LiveStep> batch) {
        boolean legendChanged = false;
        for (LiveStep live : batch) {
            StepSnapshot s = live.snapshot();
            int k = s.step();
            raw.add(k, s.swf());
            if (raw.size() > 0 && raw.x(raw.size() - 1) == k) {
                ChartParts.addDecimated(swf, k, shown(s.swf()));
            }
            addToYearMedian(s);
            legendChanged |= idle(live, k);
        }
        placeYearMedian();
        lastStep = batch.get(batch.size() - 1).snapshot().step();
        ChartParts.extendReferences(referenceData, lastStep);
        swf.fireSeriesChanged();
        if (legendChanged) {
            legend();
        }
    }

    @Override
    void ensemble(SeedEnsemble.Result result) {
        ensemble = result;
        showBand();
        legend();
    }

    /** Draws the reference planners' SWF (name to SWF) as dashed horizontal lines across the run so far. */
    void references(Map<String, Double> refs) {
        references = new LinkedHashMap<>(refs);
        rebuildReferences();
        legend();
    }

    private void rebuildReferences() {
        referenceData.removeAllSeries();
        ChartLook.forgetStrokes(referenceRenderer);
        int i = 0;
        for (Map.Entry<String, Double> e : references.entrySet()) {
            referenceData.addSeries(ChartParts.flatLine(e.getKey(), shown(e.getValue()), lastStep));
            referenceRenderer.setSeriesPaint(i, ChartStyle.color(2 + i));
            ChartLook.setStroke(referenceRenderer, i, ChartParts.dashed(1.5f, ChartParts.DASHED), scale);
            i++;
        }
    }

    /** A raw SWF value as the current view shows it (per worker, NaN where the log scale cannot draw it). */
    private double shown(double v) {
        double w = view == View.PER_WORKER ? v / workers : v;
        return logScale && !(w > 0) ? Double.NaN : w;
    }

    private void showBand() {
        band.show(ensemble, this::shown, logScale);
    }

    /** Shows welfare in total or per worker; redraws from the values kept. True when it changed. */
    boolean setView(View v) {
        if (v == view) {
            return false;
        }
        view = v;
        rebuild();
        return true;
    }

    /** Log or linear axis (the paper's SWF jumps by orders of magnitude when a worker stops working). */
    boolean setLogScale(boolean log) {
        if (log == logScale) {
            return false;
        }
        logScale = log;
        rebuild();
        return true;
    }

    public boolean logScale() {
        return logScale;
    }

    public View view() {
        return view;
    }

    /** The welfare function the chart names. */
    public WelfareFunction welfare() {
        return welfare;
    }

    private void rebuild() {
        swf.clear();
        int stride = Math.max(1, (raw.size() + ChartParts.MAX_POINTS - 1) / ChartParts.MAX_POINTS);
        for (int i = 0; i < raw.size(); i += stride) {
            swf.add(raw.x(i), shown(raw.y(i)), false);
        }
        yearMedian.clear();
        for (double[] m : medianRaw) {
            yearMedian.add(m[0], shown(m[1]), false);
        }
        swf.fireSeriesChanged();
        yearMedian.fireSeriesChanged();
        rebuildReferences();
        showBand();
        applyAxis();
        titles();
    }

    @Override
    void titles() {
        String perWorker = view == View.PER_WORKER ? " per worker" : "";
        chart.setTitle("Social welfare" + perWorker + " · " + (presentation ? welfare.displayName() : welfare.kind().label()));
        ChartLook.setAxisLabels(chart, "Step", axisLabel());
    }

    private String axisLabel() {
        return (view == View.PER_WORKER ? "SWF / N" : "SWF") + (logScale ? " (log)" : "");
    }

    private void applyAxis() {
        ValueAxis axis;
        if (logScale) {
            LogAxis log = new LogAxis(axisLabel());
            log.setBase(10);
            log.setSmallestValue(1e-3);
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole powers of ten: 100, 1,000, 10,000
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            log.setMinorTickMarksVisible(false);
            axis = log;
        } else {
            NumberAxis n = new NumberAxis(axisLabel());
            n.setAutoRangeIncludesZero(false);
            n.setAutoRangeMinimumSize(view == View.PER_WORKER ? 0.01 : 1);
            n.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            axis = n;
        }
        ChartParts.replaceRangeAxis(chart, axis);
    }

    private void legend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(ChartParts.lineItem("This run", new BasicStroke(2f), ChartStyle.color(0)));
        items.add(ChartParts.lineItem("Tax-year median", new BasicStroke(2.5f), ChartStyle.color(5)));
        int i = 0;
        for (String name : references.keySet()) {
            items.add(ChartParts.lineItem(name, ChartParts.dashed(1.5f, ChartParts.DASHED), ChartStyle.color(2 + i)));
            i++;
        }
        if (ensemble != null) {
            items.add(ChartParts.lineItem(ensemble.seeds() + " seeds: mean, 95% band",
                    ChartParts.dashed(1.5f, ChartParts.DASH_DOT), ChartParts.BAND));
        }
        if (!idleStretches.isEmpty() || idleSince >= 0) {
            items.add(new LegendItem("idle workers > ½ of SWF", null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), new Color(0xD5, 0x5E, 0x00, 110)));
        }
        chart.getXYPlot().setFixedLegendItems(items);
    }

    /** Adds a step's SWF to its tax year; a finished year gets its median point. */
    private void addToYearMedian(StepSnapshot s) {
        if (s.taxYear() != currentYear) {
            placeYearMedian();
            currentYear = s.taxYear();
            currentYearStart = s.step();
            currentYearSwf.clear();
        }
        currentYearSwf.add(s.swf());
        lastYearStep = s.step();
    }

    /** Places (or moves) the current year's median point: once per batch and once when a year ends. */
    private void placeYearMedian() {
        if (currentYearSwf.isEmpty()) {
            return;
        }
        double median = new Median().evaluate(currentYearSwf.stream().mapToDouble(Double::doubleValue).toArray());
        double x = (currentYearStart + lastYearStep) / 2.0;
        if (!medianRaw.isEmpty() && medianRaw.get(medianRaw.size() - 1)[2] == currentYear) {
            medianRaw.remove(medianRaw.size() - 1);
            yearMedian.remove(yearMedian.getItemCount() - 1);
        }
        medianRaw.add(new double[] {x, median, currentYear});
        yearMedian.add(x, shown(median), false);
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

    private void markIdle(int from, int to) {
        XYPlot plot = chart.getXYPlot();
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
        XYPlot plot = chart.getXYPlot();
        var marks = plot.getDomainMarkers(0, Layer.BACKGROUND); // the idle stretches only; the final tenth's mark stays
        for (Object m : marks == null ? List.of() : List.copyOf(marks)) {
            if (!FinalTenth.isMark((Marker) m)) {
                plot.removeDomainMarker(0, (Marker) m, Layer.BACKGROUND, false);
            }
        }
        openMark = null;
        for (int[] s : idleStretches) {
            plot.addDomainMarker(0, new IntervalMarker(s[0] - 0.5, s[1] + 0.5, MARK), Layer.BACKGROUND, false);
        }
    }

    /** Stretches marked as idle-dominated so far. */
    public int idleMarkCount() {
        return idleStretches.size() + (idleSince >= 0 ? 1 : 0);
    }

    /** Points of the tax-year median line (one per tax year seen). */
    public int yearMedianPointCount() {
        return yearMedian.getItemCount();
    }

    /** SWF points drawn (after decimation). */
    public int pointCount() {
        return swf.getItemCount();
    }

    /** Points of the multi-seed band drawn. */
    public int bandPointCount() {
        return band.pointCount();
    }
}
