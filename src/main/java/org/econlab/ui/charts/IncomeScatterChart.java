package org.econlab.ui.charts;

import org.econlab.report.ChartStyle;
import org.econlab.simulation.Scenario;
import org.econlab.ui.run.AgentProbe;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Rectangle2D;

/** Each worker of the agent sample as a dot: post-tax against pre-tax income ($/yr), with the no-tax diagonal. FX thread. */
public final class IncomeScatterChart extends LiveChart {

    /** Points drawn (software rendering of many shapes is slow). */
    private static final int SCATTER_POINTS = 500;

    private final XYSeries workers = new XYSeries("Workers (sample)", false, true);
    private final XYSeries diagonal = new XYSeries("No tax, no rebate", false, true);

    IncomeScatterChart() {
        this(new XYSeriesCollection());
    }

    private IncomeScatterChart(XYSeriesCollection data) {
        super(ChartParts.line("Post-tax vs pre-tax income", "Pre-tax income z ($/yr)", "Post-tax income ($/yr)", data,
                true), false, false);
        data.addSeries(workers);
        data.addSeries(diagonal);
        XYLineAndShapeRenderer scatter = new XYLineAndShapeRenderer(false, true);
        scatter.setSeriesLinesVisible(1, true);
        scatter.setSeriesShapesVisible(1, false);
        scatter.setSeriesShape(0, new Rectangle2D.Double(-1.5, -1.5, 3, 3)); // cheap to fill
        scatter.setSeriesPaint(0, ChartStyle.color(0));
        scatter.setSeriesPaint(1, ChartStyle.color(7));
        chart.getXYPlot().setRenderer(scatter);
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        workers.clear();
        diagonal.clear();
    }

    /** Shows the agent sample's pre- and post-tax incomes. */
    void show(AgentProbe.Page page) {
        workers.clear();
        double max = 0;
        int stride = Math.max(1, page.size() / SCATTER_POINTS); // the shape shows with fewer points
        for (int k = 0; k < page.size(); k += stride) {
            workers.add(page.income()[k], page.postTax()[k], false);
        }
        for (int k = 0; k < page.size(); k++) {
            max = Math.max(max, page.income()[k]);
        }
        diagonal.clear();
        diagonal.add(0, 0, false);
        diagonal.add(max, max, false);
        workers.fireSeriesChanged();
        diagonal.fireSeriesChanged();
    }
}
