package org.econlab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * Shades the final tenth of a run's steps on a time chart, labelled "last tenth: agents stop exploring". Built-in
 * learning planners and workers explore until then and play their best schedule and hours after it, so lines (and a
 * multi-seed band) go flat there by design, not by a fault; LLM agents are asked for their best there instead of being
 * told to explore (paper-model §3.4 and §5.3: the word "best" after 0.9 x steps). The same mark on screen and in
 * exported figures. Pure; any thread that owns the chart.
 */
public final class FinalTenth {

    /** The words on the shaded stretch. */
    public static final String LABEL = "last tenth: agents stop exploring";
    /** Runs shorter than this get no shading (a tenth of them is a step or two). */
    static final int MIN_STEPS = 20;
    /** Grey that reads on the light and the dark theme and on exported white. */
    private static final Color LABEL_GREY = new Color(0x8A, 0x8A, 0x8A);

    private FinalTenth() {
    }

    /**
     * Replaces the plot's shading with the final tenth of {@code steps} (none below {@link #MIN_STEPS}). The mark sits
     * on the first renderer's background layer (JFreeChart draws a renderer's markers only when the renderer exists);
     * other marks there stay.
     *
     * @param scale font scale of the label (1 = 10 pt)
     */
    public static void mark(XYPlot plot, int steps, float scale) {
        var marks = plot.getDomainMarkers(0, Layer.BACKGROUND);
        for (Object m : marks == null ? List.of() : List.copyOf(marks)) {
            if (isMark((Marker) m)) {
                plot.removeDomainMarker(0, (Marker) m, Layer.BACKGROUND, false);
            }
        }
        if (steps < MIN_STEPS) {
            return;
        }
        IntervalMarker m = new IntervalMarker(0.9 * steps, steps, new Color(0x88, 0x88, 0x88, 28));
        m.setLabel(LABEL);
        m.setLabelFont(new Font("SansSerif", Font.PLAIN, Math.round(10 * scale)));
        m.setLabelPaint(LABEL_GREY);
        m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addDomainMarker(0, m, Layer.BACKGROUND, false);
    }

    /** The first step the chart shades as the final tenth, or -1 when it shades none (captions say what is shaded). */
    static double shadedFrom(JFreeChart chart) {
        if (!(chart.getPlot() instanceof XYPlot plot)) {
            return -1;
        }
        var marks = plot.getDomainMarkers(0, Layer.BACKGROUND);
        for (Object m : marks == null ? List.of() : marks) {
            if (m instanceof IntervalMarker i && isMark(i)) {
                return i.getStartValue();
            }
        }
        return -1;
    }

    /** Whether {@code m} is the final tenth's shading (other marks of a plot are left alone). */
    public static boolean isMark(Marker m) {
        return LABEL.equals(m.getLabel());
    }
}
