package org.econlab.lesson;

import org.econlab.report.ChartData;
import org.econlab.report.ChartStyle;
import org.econlab.report.Figure;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A step's {@link LessonChart} as an exportable {@link Figure} (publication look of the report package, one colour per
 * line, the data drawn as CSV). Pure AWT: runs headless.
 */
public final class LessonFigures {

    private LessonFigures() {
    }

    public static Figure figure(LessonChart c) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (LessonChart.Line line : c.lines()) {
            XYSeries s = new XYSeries(line.label(), false, true);
            double[] x = line.x();
            double[] y = line.y();
            for (int i = 0; i < x.length; i++) {
                s.add(x[i], y[i], false);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(c.title(), c.xLabel(), c.yLabel(), data,
                PlotOrientation.VERTICAL, c.lines().size() > 1, false, false);
        ChartStyle.apply(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, c.lines().get(0).x().length <= 30);
        for (int s = 0; s < c.lines().size(); s++) {
            r.setSeriesPaint(s, ChartStyle.colour(s));
            r.setSeriesStroke(s, ChartStyle.stroke(s));
        }
        chart.getXYPlot().setRenderer(r);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return ChartData.figureOf(c.name(), chart);
    }
}
