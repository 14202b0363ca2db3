package org.econlab.ui.shell;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The window's look: light or dark theme and presentation mode (big text, thick lines, fewer words), as menu items,
 * remembered in the user's preferences. Calls {@code onChange} after every change. FX thread.
 */
final class ShellTheme {

    /** Chart font and line scale in presentation mode. */
    static final float PRESENTATION_SCALE = 1.5f;
    static final String LIGHT_CSS = ShellTheme.class.getResource("lab.css").toExternalForm();
    static final String DARK_CSS = ShellTheme.class.getResource("lab-dark.css").toExternalForm();

    final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    final CheckMenuItem presentationItem = new CheckMenuItem("Presentation mode (big text, thick lines)");
    private final Runnable onChange;
    private Preferences prefs;

    ShellTheme(Runnable onChange) {
        this.onChange = onChange;
        darkItem.setOnAction(e -> {
            onChange.run();
            remember("dark", darkItem.isSelected());
        });
        presentationItem.setOnAction(e -> {
            onChange.run();
            remember("presentation", presentationItem.isSelected());
        });
        presentationItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
    }

    /** Restores the theme and presentation mode from {@code p} and remembers later choices there. */
    void rememberIn(Preferences p) {
        prefs = p;
        setDark(p.getBoolean("dark", false));
        setPresentation(p.getBoolean("presentation", false));
    }

    /** The preferences choices are remembered in, or null. */
    Preferences prefs() {
        return prefs;
    }

    void remember(String key, boolean value) {
        if (prefs != null) {
            try {
                prefs.putBoolean(key, value);
                prefs.flush();
            } catch (BackingStoreException | RuntimeException e) {
                // a convenience only
            }
        }
    }

    void setDark(boolean dark) {
        darkItem.setSelected(dark);
        onChange.run();
    }

    void setPresentation(boolean on) {
        presentationItem.setSelected(on);
        onChange.run();
    }

    boolean dark() {
        return darkItem.isSelected();
    }

    boolean presentation() {
        return presentationItem.isSelected();
    }

    /** Font and line scale of the charts. */
    float scale() {
        return presentation() ? PRESENTATION_SCALE : 1f;
    }

    List<String> stylesheets() {
        return dark() ? List.of(LIGHT_CSS, DARK_CSS) : List.of(LIGHT_CSS);
    }
}
