package org.econlab.ui.charts;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One figure of each step as a decimated line (mean hours, Gini), with the multi-seed band of the same figure.
 * FX thread.
 */
public final class StepLineChart extends LiveChart {

    private final DecimatingSeries line;
    private final ToDoubleFunction<StepSnapshot> figure;

    /**
     * @param figure       the value drawn for a step
     * @param minimumRange smallest span of the value axis (a flat line gets readable ticks)
     * @param metric       the {@link SeedEnsemble} metric of the band
     */
    StepLineChart(String title, String axis, String seriesName, ToDoubleFunction<StepSnapshot> figure,
            double minimumRange, String metric) {
        this(ChartParts.series(seriesName), title, axis, figure, minimumRange, metric);
    }

    private StepLineChart(DecimatingSeries line, String title, String axis, ToDoubleFunction<StepSnapshot> figure,
            double minimumRange, String metric) {
        super(ChartParts.line(title, "Step", axis, new XYSeriesCollection(line.series()), false), true, true);
        this.line = line;
        this.figure = figure;
        ChartParts.minimumRange(chart, minimumRange);
        band = new EnsembleBand(chart, metric);
    }

    /** Mean labour hours per week over all workers. */
    static StepLineChart hours() {
        return new StepLineChart("Labour supply", "Mean hours / week", "Mean hours", StepSnapshot::meanHours, 1,
                SeedEnsemble.HOURS);
    }

    /** Gini coefficient of pre-tax income. */
    static StepLineChart gini() {
        return new StepLineChart("Income Gini", "Gini (0..1)", "Gini", StepSnapshot::gini, 0.01, SeedEnsemble.GINI);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        line.clear();
        line.publish();
        ensemble(ensembleKept);
    }

    @Override
    void append(List<LiveStep> batch) {
        for (LiveStep live : batch) {
            line.add(live.snapshot().step(), figure.applyAsDouble(live.snapshot()));
        }
        line.publish();
    }

}
