package org.econlab.ui.charts;

import org.econlab.report.ChartStyle;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.LabApp;
import org.econlab.ui.run.LiveStep;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: when all seven brackets sit at 60% (step 193 of the default run), every bracket's colour is still drawn in
 * the rate chart's plot area, on screen and in the exported copy, and a label says how many brackets share the rate.
 */
class CoincidingBracketsTest {

    /** Step {@code k} of a run at {@code rates} (other figures plain). */
    static LiveStep step(int k, double[] rates) {
        return new LiveStep(new StepSnapshot(k, k / 25, rates, false, false, 1, 40, 1000, 1, 0, 0, 0, new int[7],
                new int[StepSnapshot.HOURS_BINS], -1, 0, List.of(), new double[0], Map.of(), Map.of()), 0, 0);
    }

    /** The rate chart after 100 steps: brackets apart for 40 steps, then all seven at 60%. */
    private static RatesChart coinciding() {
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);
        RatesChart chart = new RatesChart();
        chart.reset(s, null);
        List<LiveStep> batch = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            double[] rates = new double[7];
            for (int j = 0; j < 7; j++) {
                rates[j] = k < 40 ? 10 + 10 * j : 60;
            }
            batch.add(step(k, rates));
        }
        chart.append(batch);
        return chart;
    }

    /** Which of the palette's first {@code colours} colours are missing from the right half of {@code chart}'s plot. */
    static List<Integer> missingColours(JFreeChart chart, int colours) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(1024, 500, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        List<Integer> missing = new ArrayList<>();
        for (int j = 0; j < colours; j++) {
            Color c = ChartStyle.color(j);
            boolean found = false;
            for (int x = (int) (area.getCenterX()); x < area.getMaxX() - 1 && !found; x++) {
                for (int y = (int) area.getMinY() + 1; y < area.getMaxY() - 1 && !found; y++) {
                    Color p = new Color(img.getRGB(x, y));
                    found = Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                            + Math.abs(p.getBlue() - c.getBlue()) < 30;
                }
            }
            if (!found) {
                missing.add(j);
            }
        }
        return missing;
    }

    @Test
    void everyBracketAtTheSameRateKeepsItsColourOnScreenAndInTheExport() {
        RatesChart chart = coinciding();
        assertEquals(List.of(), missingColours(chart.chart(), 7), "bracket colours hidden on screen");
        assertEquals(List.of(), missingColours(ChartExport.publicationCopy(chart.chart()), 7), "hidden in the export");
    }

    @Test
    void twoEconomiesAtTheSameRateSideBySideAreBothDrawn() {
        PairedLineChart rates = PairedLineChart.meanRate();
        rates.reset("The class", "Rational workers");
        List<org.econlab.simulation.SideBySide.Pair> batch = new ArrayList<>();
        double[] thirty = {30, 30, 30, 30, 30, 30, 30};
        for (int k = 0; k < 100; k++) {
            batch.add(new org.econlab.simulation.SideBySide.Pair(step(k, thirty).snapshot(), step(k, thirty).snapshot()));
        }
        rates.append(batch);
        assertEquals(List.of(), missingColours(rates.chart(), 2), "one economy's line hidden under the other's");
    }

    @Test
    void aLabelNamesTheBracketsThatShareARate() {
        RatesChart chart = coinciding();
        List<String> labels = chart.chart().getXYPlot().getAnnotations().stream()
                .filter(a -> a instanceof XYTextAnnotation).map(a -> ((XYTextAnnotation) a).getText().strip()).toList();
        assertEquals(List.of("7 brackets at 60%"), labels);
        assertTrue(ChartExport.publicationCopy(chart.chart()).getXYPlot().getAnnotations().size() == 1, "and in the export");
    }
}
