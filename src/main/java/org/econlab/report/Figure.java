package org.econlab.report;

import org.jfree.chart.JFreeChart;

import java.util.List;

/**
 * One exportable chart together with exactly the data it draws, as a table (for CSV export).
 *
 * @param name    file stem, e.g. {@code swf}
 * @param chart   the chart
 * @param header  CSV column names
 * @param rows    CSV rows, each as long as the header
 */
public record Figure(String name, JFreeChart chart, List<String> header, List<List<String>> rows) {

    public Figure {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
