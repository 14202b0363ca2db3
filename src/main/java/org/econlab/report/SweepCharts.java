package org.econlab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The results figure of a sweep: an outcome (mean +- sd over seeds) against the first swept parameter,
 * one line per combination of the other parameters.
 */
public final class SweepCharts {

    private SweepCharts() {
    }

    /** One point of the summary: the first parameter's value, the others' values, mean and sd. */
    public record Point(String x, String others, double mean, double sd) {
    }

    public static Figure outcomeVsParameter(String outcome, String parameter, List<Point> points) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        List<List<String>> rows = new ArrayList<>();
        for (Point p : points) {
            String series = p.others().isEmpty() ? outcome : p.others();
            data.add(p.mean(), p.sd(), series, p.x());
            rows.add(List.of(p.x(), p.others(), RunCharts.format(p.mean()), RunCharts.format(p.sd())));
        }
        CategoryAxis x = new CategoryAxis(parameter);
        NumberAxis y = new NumberAxis(outcome + " (mean ± sd over seeds)");
        y.setAutoRangeIncludesZero(false);
        StatisticalLineAndShapeRenderer r = new StatisticalLineAndShapeRenderer(true, true);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(outcome + " vs " + parameter, JFreeChart.DEFAULT_TITLE_FONT, plot,
                data.getRowCount() > 1);
        ChartStyle.apply(chart);
        for (int s = 0; s < data.getRowCount(); s++) {
            r.setSeriesPaint(s, ChartStyle.colour(s));
            r.setErrorIndicatorPaint(java.awt.Color.DARK_GRAY);
        }
        return new Figure("sweep-" + outcome, chart, List.of(parameter, "other_parameters", outcome + "_mean",
                outcome + "_sd"), rows);
    }
}
