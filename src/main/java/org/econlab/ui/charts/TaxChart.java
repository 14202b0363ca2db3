package org.econlab.ui.charts;

import org.econlab.report.ChartStyle;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/** Total tax collected per step ($/yr, left axis) and the equal rebate per worker ($/yr, right axis). FX thread. */
public final class TaxChart extends LiveChart {

    private final DecimatingSeries totalTax;
    private final DecimatingSeries rebate = ChartParts.series("Rebate per worker ($/yr)");

    TaxChart() {
        this(ChartParts.series("Total tax ($/yr)"));
    }

    private TaxChart(DecimatingSeries totalTax) {
        super(ChartParts.line("Total tax (rebated equally)", "Step", "Total tax ($/yr)",
                new XYSeriesCollection(totalTax.series()), true), true, true);
        this.totalTax = totalTax;
        XYPlot plot = chart.getXYPlot();
        NumberAxis rebateAxis = new NumberAxis("Rebate ($/yr per worker)");
        rebateAxis.setAutoRangeIncludesZero(false);
        rebateAxis.setAutoRangeMinimumSize(10);
        rebateAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        ChartParts.minimumRange(chart, 1000);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        plot.setRangeAxis(1, rebateAxis);
        plot.setDataset(1, new XYSeriesCollection(rebate.series()));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer rebateRenderer = ChartParts.lineRenderer();
        rebateRenderer.setSeriesPaint(0, ChartStyle.color(1));
        plot.setRenderer(1, rebateRenderer);
        band = new EnsembleBand(chart, SeedEnsemble.TAX);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        for (DecimatingSeries s : List.of(totalTax, rebate)) {
            s.clear();
            s.publish();
        }
        ensemble(ensembleKept);
    }

    @Override
    void append(List<LiveStep> batch) {
        for (LiveStep live : batch) {
            StepSnapshot s = live.snapshot();
            totalTax.add(s.step(), s.totalTaxUsd());
            rebate.add(s.step(), s.rebateUsd());
        }
        totalTax.publish();
        rebate.publish();
    }

}
