package org.econlab.ui.charts;

import org.econlab.report.FinalTenth;
import org.econlab.simulation.Scenario;
import org.econlab.ui.run.AgentProbe;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board of a run's live charts: it owns one {@link LiveChart} component per chart and decides when each redraws.
 * Each batch of steps is added with the charts' notification off and every chart that is on screen redraws once
 * per batch; charts on hidden tabs redraw when shown, so a max-speed run never starves the FX thread. Colours come
 * from {@link org.econlab.report.ChartStyle#PALETTE} (one colour per bracket, the same on screen and in exported
 * figures); reference lines are series of the chart, so they are drawn, in the legend and in the chart's CSV.
 * FX thread.
 */
public final class LiveCharts {

    public final RatesChart rates = new RatesChart();
    public final WelfareChart welfare = new WelfareChart();
    public final StepLineChart gini = StepLineChart.gini();
    public final TaxChart tax = new TaxChart();
    public final StepLineChart hours = StepLineChart.hours();
    public final CountBarChart hoursNow = CountBarChart.hoursNow();
    public final LeaderChart leader = new LeaderChart();
    public final VotesChart votes = new VotesChart();
    public final CountBarChart bracketIncome = CountBarChart.bracketIncome();
    public final IncomeScatterChart incomeScatter = new IncomeScatterChart();
    public final WorkerHistoryChart workerHistory = new WorkerHistoryChart();

    /** Every component, in redraw order. */
    private final List<LiveChart> all = List.of(rates, welfare, gini, tax, hours, hoursNow, leader, votes, bracketIncome,
            incomeScatter, workerHistory);
    /** Identity set: JFreeChart's equals/hashCode follow its mutable content. */
    private final Set<JFreeChart> visible = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Visible charts whose data changed and that wait for their redraw, in order (identity). */
    private final List<JFreeChart> dirty = new ArrayList<>();
    private SeedEnsemble.Result ensemble;
    private float scale = 1f;
    private final javafx.beans.property.ReadOnlyBooleanWrapper empty = new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private final javafx.beans.property.ReadOnlyBooleanWrapper ensembleShown = new javafx.beans.property.ReadOnlyBooleanWrapper();

    public LiveCharts(Scenario scenario) {
        reset(scenario);
    }

    /** Clears all series and re-creates the bracket series for a new run of {@code scenario}. */
    public void reset(Scenario scenario) {
        // a multi-seed band stays while the scenario is the same (up to its seed): play a seed against it
        if (ensemble != null && !ensemble.scenario().withSeed(scenario.seed()).equals(scenario)) {
            ensemble = null;
            ensembleShown.set(false);
        }
        update(all, () -> all.forEach(c -> {
            c.reset(scenario, ensemble);
            if (c.showsEnsemble()) { // where a seed band flattens at the end, say why
                FinalTenth.mark(c.chart().getXYPlot(), scenario.steps(), scale);
            }
        }));
        all.forEach(LiveChart::resetView);
        empty.set(true);
    }

    /** Adds a batch of steps; each visible chart redraws once. */
    public void append(List<LiveStep> batch) {
        List<LiveChart> timeCharts = all.stream().filter(LiveChart::followsSteps).toList();
        update(timeCharts, () -> timeCharts.forEach(c -> c.append(batch)));
        empty.set(false);
    }

    /** True from a reset until the run's first step arrives (the empty charts say how to start). */
    public javafx.beans.property.ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Draws the reference rates (name to percent per bracket) on the rate chart. */
    public void references(Map<String, double[]> refs) {
        update(List.of(rates), () -> rates.references(refs));
    }

    /** Draws the reference planners' SWF (name to SWF) on the welfare chart. */
    public void swfReferences(Map<String, Double> refs) {
        update(List.of(welfare), () -> welfare.references(refs));
    }

    /** Shows welfare in total or per worker; redraws from the values kept. */
    public void setWelfareView(WelfareChart.View view) {
        update(List.of(welfare), () -> welfare.setView(view));
    }

    /** Log or linear welfare axis. */
    public void setLogScale(boolean log) {
        update(List.of(welfare), () -> welfare.setLogScale(log));
    }

    /** True while a multi-seed band is drawn (an empty chart with a band has data to show, not a hint). */
    public javafx.beans.property.ReadOnlyBooleanProperty ensembleShownProperty() {
        return ensembleShown.getReadOnlyProperty();
    }

    /** Overlays the mean and 95% band of a multi-seed run on the time charts (null removes it). */
    public void ensemble(SeedEnsemble.Result result) {
        ensemble = result;
        ensembleShown.set(result != null);
        List<LiveChart> banded = all.stream().filter(LiveChart::showsEnsemble).toList();
        update(banded, () -> banded.forEach(c -> c.ensemble(result)));
    }

    /** The multi-seed result shown, or null. */
    public SeedEnsemble.Result ensemble() {
        return ensemble;
    }

    /** Shows the agent sample's pre- and post-tax incomes. */
    public void agents(AgentProbe.Page page) {
        update(List.of(incomeScatter), () -> incomeScatter.show(page));
    }

    /** Shows the selected worker's history. */
    public void history(AgentProbe.History h) {
        update(List.of(workerHistory), () -> workerHistory.show(h));
    }

    /** Every chart, in the board's order. */
    public List<JFreeChart> charts() {
        return all.stream().map(LiveChart::chart).toList();
    }

    /** Which charts are on screen now; those redraw on change, the rest wait until shown. */
    public void setVisible(List<JFreeChart> onScreen) {
        visible.clear();
        visible.addAll(onScreen);
        for (LiveChart lc : all) {
            JFreeChart c = lc.chart();
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
    private void update(List<? extends LiveChart> charts, Runnable r) {
        for (LiveChart c : charts) {
            c.chart().setNotify(false);
        }
        r.run();
        for (LiveChart c : charts) {
            if (visible.contains(c.chart())) {
                markDirty(c.chart());
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
    public void redraw(long budgetNanos) {
        long start = System.nanoTime();
        while (!dirty.isEmpty()) {
            JFreeChart c = dirty.remove(0);
            c.setNotify(true); // draws once; stays on so zooming and resizing redraw as usual
            if (System.nanoTime() - start > budgetNanos) {
                break;
            }
        }
    }

    /** True when no chart waits to be redrawn. */
    public boolean drawn() {
        return dirty.isEmpty();
    }

    /**
     * Light or dark colours, and a scale for fonts and line widths; {@code presentationMode} also uses fewer
     * words in titles.
     */
    public void applyTheme(boolean darkTheme, float fontScale, boolean presentationMode) {
        scale = fontScale;
        for (LiveChart c : all) {
            c.chart().setNotify(false);
            c.applyTheme(darkTheme, fontScale, presentationMode);
        }
        update(all, () -> { });
    }

    /** The line and font scale in force (1 outside presentation mode). */
    public float scale() {
        return scale;
    }
}
