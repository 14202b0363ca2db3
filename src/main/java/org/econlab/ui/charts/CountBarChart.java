package org.econlab.ui.charts;

import org.econlab.economy.TaxBrackets;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.econlab.ui.widgets.Numbers;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.List;

/**
 * How many workers fall in each bin of the newest step: 10-hour bins of weekly hours, or the scenario's income
 * brackets (drawn across, so bracket names read at any chart height). FX thread.
 */
public final class CountBarChart extends LiveChart {

    private final DefaultCategoryDataset counts;
    private final boolean byBracket;
    private TaxBrackets brackets;

    private CountBarChart(DefaultCategoryDataset counts, String title, String axis, boolean byBracket) {
        super(ChartParts.bars(title, axis, "Workers", counts), true, false);
        this.counts = counts;
        this.byBracket = byBracket;
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        if (byBracket) {
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
            plot.getDomainAxis().setCategoryMargin(0.15);
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        }
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    /** Workers per 10-hour bin of weekly hours. */
    static CountBarChart hoursNow() {
        return new CountBarChart(new DefaultCategoryDataset(), "Hours now", "Hours per week (10-hour bins from)", false);
    }

    /** Workers per income bracket. */
    static CountBarChart bracketIncome() {
        return new CountBarChart(new DefaultCategoryDataset(), "Workers per income bracket", null, true);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        brackets = scenario.brackets();
        counts.clear();
    }

    @Override
    void append(List<LiveStep> batch) {
        StepSnapshot last = batch.get(batch.size() - 1).snapshot();
        if (byBracket) {
            int[] c = last.bracketCounts();
            for (int j = 0; j < c.length && j < brackets.count(); j++) {
                counts.setValue(c[j], "Workers", Numbers.shortBracket(brackets, j));
            }
        } else {
            int[] h = last.hoursHistogram();
            for (int b = 0; b < h.length; b++) {
                counts.setValue(h[b], "Workers", Integer.toString(b * 10));
            }
        }
    }
}
