package org.econlab.ui;

import org.econlab.economy.TaxBrackets;
import org.econlab.simulation.StepSnapshot;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The live charts of a run: social welfare and the marginal rate of each bracket against the step.
 * Series are decimated to stay cheap to draw. FX thread only.
 */
final class LiveCharts {

    /** Okabe-Ito colour-blind-safe palette, one colour per bracket in every chart. */
    static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00),
        new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00)
    };

    private static final int MAX_POINTS = 4000;

    private final JFreeChart swfChart;
    private final JFreeChart ratesChart;
    private final DecimatingSeries swf;
    private final XYSeriesCollection ratesData = new XYSeriesCollection();
    private final List<DecimatingSeries> rates = new ArrayList<>();

    LiveCharts(TaxBrackets brackets) {
        swf = new DecimatingSeries(new XYSeries("SWF", false, true), MAX_POINTS);
        swfChart = ChartFactory.createXYLineChart("Social welfare", "Step", "SWF = Σ u/max(z,1)",
                new XYSeriesCollection(swf.series()), PlotOrientation.VERTICAL, false, true, false);
        style(swfChart, false);
        ((NumberAxis) swfChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        swfChart.getXYPlot().getRenderer().setSeriesPaint(0, PALETTE[0]);

        for (int j = 0; j < brackets.count(); j++) {
            DecimatingSeries s = new DecimatingSeries(new XYSeries(brackets.label(j), false, true), MAX_POINTS);
            rates.add(s);
            ratesData.addSeries(s.series());
        }
        ratesChart = ChartFactory.createXYLineChart("Marginal tax rates", "Step", "Rate (%)", ratesData,
                PlotOrientation.VERTICAL, true, true, false);
        style(ratesChart, true);
        NumberAxis y = (NumberAxis) ratesChart.getXYPlot().getRangeAxis();
        y.setRange(0, 100);
        for (int j = 0; j < brackets.count(); j++) {
            ratesChart.getXYPlot().getRenderer().setSeriesPaint(j, PALETTE[j % PALETTE.length]);
        }
    }

    private static void style(JFreeChart chart, boolean legend) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDefaultStroke(new BasicStroke(2f));
        r.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (legend && chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
    }

    JFreeChart swfChart() {
        return swfChart;
    }

    JFreeChart ratesChart() {
        return ratesChart;
    }

    /** Number of SWF points drawn (after decimation). */
    int swfPointCount() {
        return swf.series().getItemCount();
    }

    /** Adds a batch of steps and redraws each chart once. */
    void append(List<StepSnapshot> batch) {
        swfChart.setNotify(false);
        ratesChart.setNotify(false);
        for (StepSnapshot s : batch) {
            swf.add(s.step(), s.swf());
            for (int j = 0; j < rates.size() && j < s.bracketCount(); j++) {
                rates.get(j).add(s.step(), s.ratePercent(j));
            }
        }
        swf.publish();
        rates.forEach(DecimatingSeries::publish);
        swfChart.setNotify(true);
        ratesChart.setNotify(true);
    }

    void clear() {
        swf.clear();
        rates.forEach(DecimatingSeries::clear);
        swf.publish();
        rates.forEach(DecimatingSeries::publish);
    }
}
