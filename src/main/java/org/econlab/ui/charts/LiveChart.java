package org.econlab.ui.charts;

import org.econlab.simulation.Scenario;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

import java.util.List;

/**
 * One live chart of a run: its JFreeChart, the series model behind it and how a batch of steps, a new run, a
 * multi-seed result and the theme change it. The {@link LiveCharts} board decides when it redraws. FX thread.
 */
public abstract class LiveChart {

    /** The chart drawn on screen and exported as it is. */
    protected final JFreeChart chart;
    /** The multi-seed result shown, or null. */
    protected SeedEnsemble.Result ensemble;
    protected boolean dark;
    protected float scale = 1f;
    protected boolean presentation;
    /** The multi-seed band drawn over the chart, or null. */
    EnsembleBand band;
    private final boolean followsSteps;
    private final boolean showsEnsemble;

    /**
     * @param followsSteps  whether {@link #append} changes the chart
     * @param showsEnsemble whether {@link #ensemble} changes it
     */
    protected LiveChart(JFreeChart chart, boolean followsSteps, boolean showsEnsemble) {
        this.chart = chart;
        this.followsSteps = followsSteps;
        this.showsEnsemble = showsEnsemble;
    }

    /** The chart itself (to show it in a pane or export it). */
    public final JFreeChart chart() {
        return chart;
    }

    /** Clears the data for a new run of {@code scenario}; {@code ensembleKept} is the multi-seed result that stays. */
    abstract void reset(Scenario scenario, SeedEnsemble.Result ensembleKept);

    /** Adds a batch of steps (time-step charts); the others ignore it. */
    void append(List<LiveStep> batch) {
    }

    final boolean followsSteps() {
        return followsSteps;
    }

    /** Shows a multi-seed result (null removes it): its band, when the chart has one. */
    void ensemble(SeedEnsemble.Result result) {
        ensemble = result;
        if (band != null) {
            band.show(result);
        }
    }

    final boolean showsEnsemble() {
        return showsEnsemble;
    }

    /** Light or dark, font and line scale, fewer words in presentation mode. */
    void applyTheme(boolean darkTheme, float fontScale, boolean presentationMode) {
        dark = darkTheme;
        scale = fontScale;
        presentation = presentationMode;
        titles();
        ChartLook.style(chart, dark, scale);
    }

    /** Sets titles that depend on the theme or the run (most charts have a fixed one). */
    void titles() {
    }

    /** Zoomed axes go back to their home range (a new run starts with the whole view). */
    void resetView() {
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.getDomainAxis().setAutoRange(true);
            xy.getRangeAxis().setAutoRange(true);
        }
    }
}
