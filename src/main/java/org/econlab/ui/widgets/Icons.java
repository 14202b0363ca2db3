package org.econlab.ui.widgets;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * Toolbar icons drawn as vector paths (Material Design icon outlines, Apache 2.0), so they need no icon font
 * and stay sharp at any size; they take the text colour of the theme (style class {@code icon}).
 */
public final class Icons {

    public static final String PLAY = "M8 5v14l11-7z";
    public static final String PAUSE = "M6 19h4V5H6v14zm8-14v14h4V5h-4z";
    public static final String STEP = "M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z";
    public static final String STOP = "M6 6h12v12H6z";
    public static final String RESET = "M17.65 6.35C16.2 4.9 14.21 4 12 4c-4.42 0-7.99 3.58-7.99 8s3.57 8 7.99 8c3.73 0 "
            + "6.84-2.55 7.73-6h-2.08c-.82 2.33-3.04 4-5.65 4-3.31 0-6-2.69-6-6s2.69-6 6-6c1.66 0 3.14.69 4.22 "
            + "1.78L13 11h7V4l-2.35 2.35z";
    public static final String RUN_N = "M4 18l8.5-6L4 6v12zm9-12v12l8.5-6L13 6z";
    public static final String EDITOR = "M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z";
    public static final String SLIDERS = "M3 17v2h6v-2H3zM3 5v2h10V5H3zm10 16v-2h8v-2h-8v-2h-2v6h2zM7 9v2H3v2h4v2h2V9H7zm14 "
            + "4v-2H11v2h10zm-6-4h2V7h4V5h-4V3h-2v6z";
    public static final String SEEDS = "M11.99 18.54l-7.37-5.73L3 14.07l9 7 9-7-1.63-1.27-7.38 5.74zM12 16l7.36-5.73L21 "
            + "9l-9-7-9 7 1.63 1.27L12 16z";

    private Icons() {
    }

    /** An icon of about {@code size} pixels. */
    public static Node icon(String path, double size) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        double k = size / 24.0;
        p.setScaleX(k);
        p.setScaleY(k);
        return new Group(p);
    }
}
