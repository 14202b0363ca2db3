package org.econlab.lesson;

import java.util.List;

/**
 * The data of one figure of a step, free of any drawing library: the window draws it on its charts, the command
 * line exports it ({@link LessonFigures}). Lines share the axes.
 *
 * @param name   file stem, e.g. {@code step2-laffer-revenue}
 * @param title  a title for the figure
 * @param xLabel the x axis
 * @param yLabel the y axis
 * @param lines  one line per series
 */
public record LessonChart(String name, String title, String xLabel, String yLabel, List<Line> lines) {

    public LessonChart {
        lines = List.copyOf(lines);
    }

    /** One series: its label and its points. */
    public record Line(String label, double[] x, double[] y) {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("one y per x");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }
}
