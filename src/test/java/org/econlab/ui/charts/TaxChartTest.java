package org.econlab.ui.charts;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.econlab.ui.run.LiveStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rebate is total tax ÷ N (paper-model: all revenue rebated equally), so the tax chart draws one line and its right
 * axis reads that line as the rebate per worker; no second line hides under the first.
 */
class TaxChartTest {

    @Test
    void theRightAxisIsTheLeftDividedByTheWorkers() {
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withAgents(50);
        TaxChart chart = new TaxChart();
        chart.reset(s, null);
        List<LiveStep> steps = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            steps.add(CoincidingBracketsTest.step(k, new double[] {10, 12, 22, 24, 32, 35, 37}));
        }
        chart.append(steps);
        var left = chart.chart().getXYPlot().getRangeAxis().getRange();
        assertEquals(left.getLowerBound() / 50, chart.rebateRange().getLowerBound(), 1e-9);
        assertEquals(left.getUpperBound() / 50, chart.rebateRange().getUpperBound(), 1e-9);
        assertTrue(chart.chart().getXYPlot().getRangeAxis(1).isAutoRange(), "not zoomed: the window offers no Reset view");
        var copy = ChartExport.publicationCopy(chart.chart()).getXYPlot(); // the exported figure reads the same
        assertEquals(copy.getRangeAxis().getRange().getUpperBound() / 50, copy.getRangeAxis(1).getRange().getUpperBound(),
                1e-9);
        assertEquals(1, chart.chart().getXYPlot().getDatasetCount() - countEmpty(chart), "one line, plus the seed band's slot");
    }

    private static int countEmpty(TaxChart chart) {
        int empty = 0;
        for (int d = 0; d < chart.chart().getXYPlot().getDatasetCount(); d++) {
            var data = chart.chart().getXYPlot().getDataset(d);
            if (data == null || data.getSeriesCount() == 0) {
                empty++;
            }
        }
        return empty;
    }
}
