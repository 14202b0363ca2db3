package org.econlab.ui.charts;

import org.apache.batik.svggen.SVGGraphics2D;
import org.econlab.report.FinalTenth;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.geom.Rectangle2D;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 21: every time chart that can carry a multi-seed band shades and names the final tenth, where learning agents
 * stop exploring and lines go flat by design; drawn on screen and in the exported copy alike.
 */
class FinalTenthShadingTest {

    /** The text {@code chart} draws, as Batik's SVG of it. */
    private static String drawnText(JFreeChart chart) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                .createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGraphics2D g = new SVGGraphics2D(doc);
        chart.draw(g, new Rectangle2D.Double(0, 0, 1024, 500));
        StringWriter out = new StringWriter();
        g.stream(out, true);
        return out.toString();
    }

    @Test
    void theRatesWelfareTaxAndHoursChartsShadeTheFinalTenthOnScreenAndInTheExport() throws Exception {
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(100);
        LiveCharts charts = new LiveCharts(s);
        List<org.econlab.ui.run.LiveStep> run = new java.util.ArrayList<>();
        for (int k = 0; k < 100; k++) {
            run.add(CoincidingBracketsTest.step(k, new double[] {10, 12, 22, 24, 32, 35, 37}));
        }
        charts.append(run);
        for (LiveChart c : List.of(charts.rates, charts.welfare, charts.tax, charts.hours, charts.gini)) {
            String title = c.chart().getTitle().getText();
            assertTrue(drawnText(c.chart()).contains(FinalTenth.LABEL), title + " on screen");
            assertTrue(drawnText(ChartExport.publicationCopy(c.chart())).contains(FinalTenth.LABEL), title + " exported");
        }
    }

    @Test
    void aRunTooShortForATenthIsNotShaded() throws Exception {
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);
        LiveCharts charts = new LiveCharts(s.withSteps(10));
        assertFalse(drawnText(charts.rates.chart()).contains(FinalTenth.LABEL));
    }
}
