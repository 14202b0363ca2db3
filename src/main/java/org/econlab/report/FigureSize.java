package org.econlab.report;

import org.econlab.config.InvalidInputException;

/**
 * Size of an exported figure: {@code widthPx x heightPx} pixels for PNG at {@code dpi}. Vector files
 * get the same physical size: {@code widthPx * 72 / dpi} points wide. The chart is laid out at that
 * point size, so fonts keep their physical size whatever the DPI.
 */
public record FigureSize(int widthPx, int heightPx, int dpi) {

    public static final FigureSize DEFAULT = new FigureSize(1200, 800, 150);

    public FigureSize {
        if (widthPx < 50 || widthPx > 20_000) {
            throw new InvalidInputException("--width", widthPx + " is outside 50..20000");
        }
        if (heightPx < 50 || heightPx > 20_000) {
            throw new InvalidInputException("--height", heightPx + " is outside 50..20000");
        }
        if (dpi < 36 || dpi > 2400) {
            throw new InvalidInputException("--dpi", dpi + " is outside 36..2400");
        }
    }

    /** Pixels per point. */
    public double scale() {
        return dpi / 72.0;
    }

    /** Layout width in points. */
    public double widthPt() {
        return widthPx / scale();
    }

    /** Layout height in points. */
    public double heightPt() {
        return heightPx / scale();
    }
}
