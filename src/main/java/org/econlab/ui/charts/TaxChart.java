package org.econlab.ui.charts;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/**
 * Total tax collected per step ($/yr, left axis). The rebate per worker is that total divided by the N workers, so it
 * is the same curve: the right axis reads the line as the rebate (left axis ÷ N) instead of a second line drawn
 * exactly under the first. FX thread.
 */
public final class TaxChart extends LiveChart {

    private final DecimatingSeries totalTax;
    private final NumberAxis rebateAxis = new NumberAxis("Rebate per worker ($/yr) = total ÷ N") {
        @Override
        protected void autoAdjustRange() { // "auto range" here means: follow the left axis (re-fitted first)
            followTaxAxis();
        }
    };
    private int workers = 1;

    TaxChart() {
        this(ChartParts.series("Total tax ($/yr)"));
    }

    private TaxChart(DecimatingSeries totalTax) {
        super(ChartParts.line("Total tax (rebated equally)", "Step", "Total tax ($/yr)",
                new XYSeriesCollection(totalTax.series()), true), true, true);
        this.totalTax = totalTax;
        XYPlot plot = chart.getXYPlot();
        rebateAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        ChartParts.minimumRange(chart, 1000);
        NumberAxis taxAxis = (NumberAxis) plot.getRangeAxis();
        taxAxis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        plot.setRangeAxis(1, rebateAxis);
        taxAxis.addChangeListener(e -> {
            if (rebateAxis.isAutoRange()) {
                rebateAxis.configure();
            }
        });
        band = new EnsembleBand(chart, SeedEnsemble.TAX);
    }

    /** The right axis shows the left one divided by the number of workers. */
    private void followTaxAxis() {
        org.jfree.data.Range r = chart.getXYPlot().getRangeAxis().getRange();
        rebateAxis.setRange(new org.jfree.data.Range(r.getLowerBound() / workers, r.getUpperBound() / workers), false,
                false);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        workers = Math.max(1, scenario.population().agents());
        totalTax.clear();
        totalTax.publish();
        rebateAxis.configure();
        ensemble(ensembleKept);
    }

    @Override
    void append(List<LiveStep> batch) {
        for (LiveStep live : batch) {
            StepSnapshot s = live.snapshot();
            totalTax.add(s.step(), s.totalTaxUsd());
        }
        totalTax.publish();
    }

    /** The right axis's range, the rebate per worker the line's height reads as (tests). */
    org.jfree.data.Range rebateRange() {
        return rebateAxis.getRange();
    }
}
