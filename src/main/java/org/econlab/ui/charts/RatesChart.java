package org.econlab.ui.charts;

import org.econlab.economy.TaxBrackets;
import org.econlab.report.ChartStyle;
import org.econlab.report.SideBySideLineRenderer;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.econlab.ui.widgets.Numbers;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marginal tax rate of each bracket per step, in the bracket's palette colour; reference rates (Saez dashed, the
 * Stackelberg optimum dotted) in the same colours, and a ✎ marker at each step whose rates were set by hand.
 * Brackets at the same rate are drawn side by side (stripes of their colours) and named at the right end
 * ("4 brackets at 60%"), the same in exports ({@link SideBySideLineRenderer}).
 * Rates are percent (0..100). FX thread.
 */
public final class RatesChart extends LiveChart {

    private final XYSeriesCollection ratesData;
    private final XYSeriesCollection referenceData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer referenceRenderer = ChartParts.lineRenderer();
    private final List<DecimatingSeries> rates = new ArrayList<>();
    private Map<String, double[]> references = Map.of();
    private final List<Integer> interventions = new ArrayList<>();
    private TaxBrackets brackets;
    private String plannerKind = "";
    private int lastStep;
    /** Rates closer than this (percentage points) are drawn side by side and named together. */
    static final double SAME_RATE = 0.05;

    RatesChart() {
        this(new XYSeriesCollection());
    }

    private RatesChart(XYSeriesCollection data) {
        super(ChartParts.line("Marginal tax rates", "Step", "Rate (%)", data, true), true, true);
        ratesData = data;
        XYPlot plot = chart.getXYPlot();
        SideBySideLineRenderer sideBySide = new SideBySideLineRenderer(SAME_RATE);
        sideBySide.setDefaultStroke(new BasicStroke(2f));
        sideBySide.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(sideBySide);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.setDataset(1, referenceData);
        plot.setRenderer(1, referenceRenderer);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        brackets = scenario.brackets();
        plannerKind = scenario.planner().kind();
        ensemble = ensembleKept;
        ratesData.removeAllSeries();
        rates.clear();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int j = 0; j < brackets.count(); j++) {
            DecimatingSeries s = ChartParts.series(brackets.label(j)); // full label in the CSV; the legend is short
            rates.add(s);
            ratesData.addSeries(s.series());
            r.setSeriesPaint(j, ChartStyle.color(j));
        }
        references = Map.of();
        referenceData.removeAllSeries();
        interventions.clear();
        chart.getXYPlot().clearDomainMarkers();
        SideBySideLineRenderer.labelCoinciding(chart.getXYPlot(), "brackets", "%", SAME_RATE, scale, ChartParts.ON_ANY_BACKGROUND, 3);
        lastStep = 0;
        titles();
        legend();
    }

    @Override
    void resetView() {
        XYPlot xy = chart.getXYPlot();
        xy.getDomainAxis().setAutoRange(true);
        xy.getRangeAxis().setRange(0, 100);
    }

    @Override
    void append(List<LiveStep> batch) {
        boolean legendChanged = false;
        for (LiveStep live : batch) {
            StepSnapshot s = live.snapshot();
            int k = s.step();
            for (int j = 0; j < rates.size() && j < s.bracketCount(); j++) {
                rates.get(j).add(k, s.ratePercent(j));
            }
            if (s.intervened()) {
                interventions.add(k);
                ValueMarker m = new ValueMarker(k, ChartParts.NEUTRAL, new BasicStroke(1f));
                m.setLabel("✎");
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelFont(new Font("SansSerif", Font.BOLD, Math.round(11 * scale)));
                m.setLabelPaint(dark ? Color.LIGHT_GRAY : ChartParts.NEUTRAL);
                chart.getXYPlot().addDomainMarker(0, m, Layer.FOREGROUND, false);
                legendChanged = true;
            }
        }
        lastStep = batch.get(batch.size() - 1).snapshot().step();
        ChartParts.extendReferences(referenceData, lastStep);
        rates.forEach(DecimatingSeries::publish);
        SideBySideLineRenderer.labelCoinciding(chart.getXYPlot(), "brackets", "%", SAME_RATE, scale, ChartParts.ON_ANY_BACKGROUND, 3);
        if (legendChanged) {
            legend();
        }
    }

    @Override
    void ensemble(SeedEnsemble.Result result) {
        super.ensemble(result);
        legend();
    }

    /** Draws the reference rates (percent per bracket) as dashed (first) and dotted (second) lines. */
    void references(Map<String, double[]> refs) {
        references = new LinkedHashMap<>(refs);
        referenceData.removeAllSeries();
        ChartLook.forgetStrokes(referenceRenderer);
        int style = 0;
        int s = 0;
        for (Map.Entry<String, double[]> e : references.entrySet()) {
            double[] r = e.getValue();
            for (int j = 0; j < r.length && j < brackets.count(); j++) {
                referenceData.addSeries(ChartParts.flatLine(e.getKey() + " " + brackets.label(j), r[j], lastStep));
                referenceRenderer.setSeriesPaint(s, ChartStyle.color(j));
                ChartLook.setStroke(referenceRenderer, s,
                        ChartParts.dashed(1.5f, style == 0 ? ChartParts.DASHED : ChartParts.DOTTED), scale);
                s++;
            }
            style++;
        }
        legend();
    }

    @Override
    void titles() {
        String planner = switch (plannerKind) {
            case "democratic" -> "set by the elected leader";
            case "" -> "";
            default -> presentation ? "" : plannerKind + " planner";
        };
        chart.setTitle(planner.isEmpty() ? "Marginal tax rates" : "Marginal tax rates · " + planner);
        if (brackets != null) { // the font follows presentation mode
            SideBySideLineRenderer.labelCoinciding(chart.getXYPlot(), "brackets", "%", SAME_RATE, scale,
                    ChartParts.ON_ANY_BACKGROUND, 3);
        }
    }

    /** One entry per bracket, then only the reference styles actually drawn. */
    private void legend() {
        LegendItemCollection items = new LegendItemCollection();
        for (int j = 0; j < brackets.count(); j++) {
            items.add(ChartParts.lineItem(Numbers.shortBracket(brackets, j), new BasicStroke(2f), ChartStyle.color(j)));
        }
        int style = 0;
        for (String name : references.keySet()) {
            items.add(ChartParts.lineItem(name, ChartParts.dashed(1.5f, style == 0 ? ChartParts.DASHED : ChartParts.DOTTED),
                    ChartParts.NEUTRAL));
            style++;
        }
        // no entry for a multi-seed run: its band is drawn on the SWF, hours, Gini and tax charts, not on the rates
        if (!interventions.isEmpty()) {
            items.add(ChartParts.lineItem("rates set by hand", new BasicStroke(1f), ChartParts.NEUTRAL));
        }
        chart.getXYPlot().setFixedLegendItems(items);
    }

    /** Points in each bracket's rate series, by the series' name. */
    public Map<String, Integer> pointCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (DecimatingSeries s : rates) {
            m.put((String) s.series().getKey(), s.series().getItemCount());
        }
        return m;
    }

    /** Steps at which rates were set by hand. */
    public List<Integer> interventions() {
        return List.copyOf(interventions);
    }
}
