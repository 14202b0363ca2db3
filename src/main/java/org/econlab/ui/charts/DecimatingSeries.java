package org.econlab.ui.charts;

import org.jfree.data.xy.XYSeries;

/**
 * Keeps a chart series bounded for drawing: once it holds more than {@code maxPoints}, every other point
 * is dropped and later points are kept at twice the stride, so a long run keeps its whole shape at a
 * fixed cost. The run record keeps every step. FX thread only.
 */
public final class DecimatingSeries {

    private final XYSeries series;
    private final int maxPoints;
    private int stride = 1;
    private long seen;

    public DecimatingSeries(XYSeries series, int maxPoints) {
        this.series = series;
        this.maxPoints = maxPoints;
    }

    public XYSeries series() {
        return series;
    }

    /** Adds a point without notifying listeners; call {@link #publish()} after a batch. */
    public void add(double x, double y) {
        if (seen++ % stride != 0) {
            return;
        }
        series.add(x, y, false);
        if (series.getItemCount() > maxPoints) {
            for (int i = series.getItemCount() - 2; i >= 1; i -= 2) {
                series.remove(i);
            }
            stride *= 2;
        }
    }

    public void publish() {
        series.fireSeriesChanged();
    }

    public void clear() {
        series.clear();
        stride = 1;
        seen = 0;
    }
}
