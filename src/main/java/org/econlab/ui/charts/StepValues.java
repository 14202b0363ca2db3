package org.econlab.ui.charts;

import java.util.Arrays;

/**
 * A growing list of (step, value) pairs in primitive arrays, bounded like {@link DecimatingSeries}: past
 * {@code max} points every other point is dropped and later ones are kept at twice the stride. Keeps what
 * a chart needs to be redrawn in another view (per worker, log scale) without the run record. FX thread.
 */
public final class StepValues {

    private final int max;
    private double[] x = new double[256];
    private double[] y = new double[256];
    private int size;
    private int stride = 1;
    private long seen;

    public StepValues(int max) {
        this.max = max;
    }

    public void add(double step, double value) {
        if (seen++ % stride != 0) {
            return;
        }
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
        }
        x[size] = step;
        y[size] = value;
        size++;
        if (size > max) {
            int kept = 0;
            for (int i = 0; i < size; i += 2) {
                x[kept] = x[i];
                y[kept] = y[i];
                kept++;
            }
            size = kept;
            stride *= 2;
        }
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double lastY() {
        return size == 0 ? Double.NaN : y[size - 1];
    }

    public void clear() {
        size = 0;
        stride = 1;
        seen = 0;
    }
}
