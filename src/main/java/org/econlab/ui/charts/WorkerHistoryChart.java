package org.econlab.ui.charts;

import org.econlab.simulation.Scenario;
import org.econlab.ui.run.AgentProbe;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The selected worker's pre-tax and post-tax income per step ($/yr); post-tax is income − tax + rebate, as in the
 * agent table ({@link AgentProbe#POST_TAX}). FX thread.
 */
public final class WorkerHistoryChart extends LiveChart {

    private final XYSeries income = new XYSeries("Pre-tax income", false, true);
    private final XYSeries postTax = new XYSeries(AgentProbe.POST_TAX, false, true);

    WorkerHistoryChart() {
        this(new XYSeriesCollection());
    }

    private WorkerHistoryChart(XYSeriesCollection data) {
        super(ChartParts.line("Selected worker", "Step", "$ / year", data, true), false, false);
        data.addSeries(income);
        data.addSeries(postTax);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        income.clear();
        postTax.clear();
        chart.setTitle("Selected worker");
    }

    /** Shows the selected worker's history (null: none). */
    void show(AgentProbe.History h) {
        income.clear();
        postTax.clear();
        if (h != null) {
            for (int k = 0; k < h.step().length; k++) {
                income.add(h.step()[k], h.income()[k], false);
                postTax.add(h.step()[k], h.postTax(k), false);
            }
            chart.setTitle("Worker #" + h.agent() + (h.step().length > 0 && h.step()[0] == 0
                    ? " from step 0" : " (last " + h.step().length + " steps)"));
        }
        income.fireSeriesChanged();
        postTax.fireSeriesChanged();
    }

    /** Steps of the selected worker drawn (0 without one). */
    public int pointCount() {
        return income.getItemCount();
    }
}
