package org.econlab.ui.widgets;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.prefs.Preferences;

/**
 * Where a window opens and how big: on the screen it opens on, no bigger than that screen's usable area (a
 * projector at 1024 x 768 gets the whole screen, a large monitor a comfortable 1440 x 900), or where the user
 * last left it when that is still on a screen. Remembers size, position and maximised state. The arithmetic is
 * pure ({@link #place}); {@link #restore} and {@link #rememberOn} touch the stage (FX thread).
 */
public final class WindowPlacement {

    /** A rectangle in screen coordinates. */
    public record Box(double x, double y, double width, double height) {
        double centreX() {
            return x + width / 2;
        }

        double centreY() {
            return y + height / 2;
        }

        boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    /** Screens up to this size are used whole; larger ones get at most the preferred size. */
    public static final double SMALL_SCREEN_WIDTH = 1366;
    public static final double SMALL_SCREEN_HEIGHT = 800;

    private WindowPlacement() {
    }

    /**
     * The window's box: {@code saved} clamped to the screen under its centre when it is on one of {@code screens},
     * else {@code preferred} size (or the whole usable area of a small screen) centred on {@code primary}.
     */
    public static Box place(Box primary, List<Box> screens, Box saved, double preferredWidth, double preferredHeight) {
        if (saved != null && saved.width() > 100 && saved.height() > 100) {
            for (Box s : screens) {
                if (s.contains(saved.centreX(), saved.centreY())) {
                    double w = Math.min(saved.width(), s.width());
                    double h = Math.min(saved.height(), s.height());
                    double x = Math.max(s.x(), Math.min(saved.x(), s.x() + s.width() - w));
                    double y = Math.max(s.y(), Math.min(saved.y(), s.y() + s.height() - h));
                    return new Box(x, y, w, h);
                }
            }
        }
        if (primary.width() <= SMALL_SCREEN_WIDTH || primary.height() <= SMALL_SCREEN_HEIGHT) {
            return primary;
        }
        double w = Math.min(preferredWidth, primary.width() * 0.95);
        double h = Math.min(preferredHeight, primary.height() * 0.95);
        return new Box(primary.x() + (primary.width() - w) / 2, primary.y() + (primary.height() - h) / 2, w, h);
    }

    /** The box for a window remembered under {@code prefs} (or a new one) on the screens of this machine. */
    public static Box restore(Preferences prefs, double preferredWidth, double preferredHeight) {
        Box saved = null;
        if (prefs != null && prefs.getDouble("w", 0) > 0) {
            saved = new Box(prefs.getDouble("x", 0), prefs.getDouble("y", 0), prefs.getDouble("w", 0), prefs.getDouble("h", 0));
        }
        List<Box> screens = Screen.getScreens().stream().map(s -> box(s.getVisualBounds())).toList();
        return place(box(Screen.getPrimary().getVisualBounds()), screens, saved, preferredWidth, preferredHeight);
    }

    /** Puts the stage at {@code b}, maximised when it was last time, and remembers its place when it closes. */
    public static void apply(Stage stage, Box b, Preferences prefs) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (prefs != null) {
            stage.setMaximized(prefs.getBoolean("maximized", false));
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> rememberOn(stage, prefs));
        }
    }

    /** Remembers the stage's box and maximised state. */
    public static void rememberOn(Stage stage, Preferences prefs) {
        try {
            prefs.putBoolean("maximized", stage.isMaximized());
            if (!stage.isMaximized() && stage.getWidth() > 100 && stage.getHeight() > 100) {
                prefs.putDouble("x", stage.getX());
                prefs.putDouble("y", stage.getY());
                prefs.putDouble("w", stage.getWidth());
                prefs.putDouble("h", stage.getHeight());
            }
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException | RuntimeException e) {
            // a convenience only
        }
    }

    private static Box box(Rectangle2D r) {
        return new Box(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
