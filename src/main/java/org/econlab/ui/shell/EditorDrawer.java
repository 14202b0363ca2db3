package org.econlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;

/**
 * The scenario editor as a drawer on the left of the sections: shown or hidden from the toolbar toggle or the View
 * menu (F9), the choice remembered; an open drawer gets room for its fields. FX thread.
 */
final class EditorDrawer {

    final CheckMenuItem menuItem = new CheckMenuItem("Scenario editor");
    private final SplitPane split;
    private final Node editor;
    private final ToggleButton toggle;
    private final ShellTheme theme;
    private double divider = 0.3;

    EditorDrawer(Node editor, Node sections, ToggleButton toggle, ShellTheme theme) {
        this.editor = editor;
        this.toggle = toggle;
        this.theme = theme;
        split = new SplitPane(sections);
        SplitPane.setResizableWithParent(editor, false);
        menuItem.setOnAction(e -> show(menuItem.isSelected(), true));
    }

    SplitPane root() {
        return split;
    }

    /** Shows or hides the drawer; {@code remember} keeps the choice. */
    void show(boolean show, boolean remember) {
        boolean shown = shown();
        if (show && !shown) {
            split.getItems().add(0, editor);
            split.setDividerPositions(divider);
        } else if (!show && shown) {
            divider = split.getDividerPositions()[0];
            split.getItems().remove(editor);
        }
        toggle.setSelected(show);
        menuItem.setSelected(show);
        if (remember) {
            theme.remember("editor", show);
        }
    }

    boolean shown() {
        return split.getItems().contains(editor);
    }

    /** Room for the fields in a window {@code width} wide (wider in presentation mode's big text). */
    void fit(double width) {
        divider = Math.min(0.6, Math.max(0.3, (theme.presentation() ? 520 : 380) / width));
        if (shown()) {
            split.setDividerPositions(divider);
        }
    }
}
