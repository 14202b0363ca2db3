package org.econlab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes any chart exportable: the data its plot draws, read back from its datasets, as a table. XY plots
 * give one row per x value and one column per series (across all datasets); category plots give one row
 * per category and one column per series. Read on the thread that owns the chart.
 */
public final class ChartData {

    private ChartData() {
    }

    /** A {@link Figure} of {@code chart} under the file stem {@code name}. */
    public static Figure figureOf(String name, JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy) {
            return xyFigure(name, chart, xy);
        }
        if (plot instanceof CategoryPlot cat) {
            return categoryFigure(name, chart, cat);
        }
        return new Figure(name, chart, List.of("note"), List.of(List.of("this chart type has no tabular data")));
    }

    private static Figure xyFigure(String name, JFreeChart chart, XYPlot plot) {
        List<String> header = new ArrayList<>();
        header.add(plot.getDomainAxis() == null || plot.getDomainAxis().getLabel() == null ? "x"
                : plot.getDomainAxis().getLabel());
        Map<Double, Map<Integer, String>> byX = new TreeMap<>();
        int column = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                header.add(String.valueOf(data.getSeriesKey(s)));
                for (int i = 0; i < data.getItemCount(s); i++) {
                    byX.computeIfAbsent(data.getXValue(s, i), x -> new LinkedHashMap<>())
                            .put(column, RunCharts.format(data.getYValue(s, i)));
                }
                column++;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Double, Map<Integer, String>> e : byX.entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(RunCharts.format(e.getKey()));
            for (int c = 0; c < column; c++) {
                row.add(e.getValue().getOrDefault(c, ""));
            }
            rows.add(row);
        }
        return new Figure(name, chart, header, rows);
    }

    private static Figure categoryFigure(String name, JFreeChart chart, CategoryPlot plot) {
        List<String> header = new ArrayList<>(List.of("category"));
        CategoryDataset data = plot.getDataset();
        List<List<String>> rows = new ArrayList<>();
        if (data != null) {
            for (int r = 0; r < data.getRowCount(); r++) {
                header.add(String.valueOf(data.getRowKey(r)));
            }
            for (int c = 0; c < data.getColumnCount(); c++) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(data.getColumnKey(c))));
                for (int r = 0; r < data.getRowCount(); r++) {
                    Number v = data.getValue(r, c);
                    row.add(v == null ? "" : RunCharts.format(v.doubleValue()));
                }
                rows.add(row);
            }
        }
        return new Figure(name, chart, header, rows);
    }
}
