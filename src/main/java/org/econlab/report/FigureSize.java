package org.econlab.report;

import org.econlab.config.InvalidInputException;

/**
 * Size of an exported figure: {@code widthPx x heightPx} pixels for PNG at {@code dpi}. Vector files
 * get the same physical size: {@code widthPx * 72 / dpi} points wide. The chart is laid out at that
 * point size, so fonts keep their physical size whatever the DPI.
 *
 * <p>Bounded so an export never dies half-way: each side 50..20,000 pixels, at most {@value #MAX_PIXELS} pixels in
 * all (a PNG is drawn in memory at 4 bytes per pixel), and a page of at most {@value #MAX_PAGE_POINTS} points
 * (200 inches, the largest page PDF readers accept) per side.
 */
public record FigureSize(int widthPx, int heightPx, int dpi) {

    public static final FigureSize DEFAULT = new FigureSize(1200, 800, 150);
    /** The most pixels of one PNG: 50 megapixels (e.g. 8,000 x 6,000), 200 MB while it is drawn. */
    public static final long MAX_PIXELS = 50_000_000L;
    /** The largest page side of a vector figure, in points (200 inches). */
    public static final double MAX_PAGE_POINTS = 14_400;

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
        long pixels = (long) widthPx * heightPx;
        if (pixels > MAX_PIXELS) {
            throw new InvalidInputException("--width", String.format(java.util.Locale.ROOT,
                    "%d x %d is %.0f megapixels; a figure may have at most %d (e.g. 8000 x 6000)", widthPx, heightPx,
                    pixels / 1e6, MAX_PIXELS / 1_000_000));
        }
        double wPt = widthPx * 72.0 / dpi;
        double hPt = heightPx * 72.0 / dpi;
        if (wPt > MAX_PAGE_POINTS || hPt > MAX_PAGE_POINTS) {
            throw new InvalidInputException("--dpi", String.format(java.util.Locale.ROOT,
                    "%d x %d pixels at %d dpi is a page of %.0f x %.0f inches; at most 200 inches a side: raise --dpi",
                    widthPx, heightPx, dpi, wPt / 72, hPt / 72));
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
