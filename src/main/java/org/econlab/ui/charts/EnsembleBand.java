package org.econlab.ui.charts;

import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.util.function.DoubleUnaryOperator;

/** The mean and 95% band of a multi-seed run drawn over a time chart (dataset 2 of its plot). FX thread. */
final class EnsembleBand {

    private final YIntervalSeriesCollection band = new YIntervalSeriesCollection();
    private final String metric;

    /** Adds the band's dataset and renderer to {@code chart}; {@code metric} is a {@link SeedEnsemble} metric name. */
    EnsembleBand(JFreeChart chart, String metric) {
        this.metric = metric;
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        r.setSeriesPaint(0, ChartParts.BAND);
        r.setSeriesFillPaint(0, ChartParts.BAND);
        r.setAutoPopulateSeriesFillPaint(false);
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, ChartParts.DASH_DOT, 0f));
        chart.getXYPlot().setDataset(2, band);
        chart.getXYPlot().setRenderer(2, r);
    }

    /** Draws {@code ensemble}'s band as is (null removes it). */
    void show(SeedEnsemble.Result ensemble) {
        show(ensemble, v -> v, false);
    }

    /**
     * Draws {@code ensemble}'s band with each value mapped by {@code shown}; with {@code lowFallsToMean} a low edge the
     * mapping cannot draw (NaN, e.g. on a log axis) is drawn at the mean.
     */
    void show(SeedEnsemble.Result ensemble, DoubleUnaryOperator shown, boolean lowFallsToMean) {
        band.removeAllSeries();
        if (ensemble == null) {
            return;
        }
        SeedEnsemble.Band b = ensemble.bands().get(metric);
        YIntervalSeries s = new YIntervalSeries(ensemble.seeds() + " seeds: mean (95% band)", false, true);
        int stride = Math.max(1, (b.step().length + ChartParts.MAX_POINTS - 1) / ChartParts.MAX_POINTS);
        for (int k = 0; k < b.step().length; k += stride) {
            double m = shown.applyAsDouble(b.mean()[k]);
            double lo = shown.applyAsDouble(b.low()[k]);
            double hi = shown.applyAsDouble(b.high()[k]);
            if (lowFallsToMean && Double.isNaN(lo)) {
                lo = m;
            }
            s.add(b.step()[k], m, lo, hi);
        }
        band.addSeries(s);
    }

    /** Points of the band drawn (0 without one). */
    int pointCount() {
        return band.getSeriesCount() == 0 ? 0 : band.getItemCount(0);
    }
}
