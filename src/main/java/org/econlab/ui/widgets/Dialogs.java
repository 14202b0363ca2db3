package org.econlab.ui.widgets;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** The lab's dialogs, styled with the window's theme. Messages are sentences, never stack traces. */
public final class Dialogs {

    /** What to do with unsaved edits. */
    public enum Unsaved { SAVE, DISCARD, CANCEL }

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    private Dialogs() {
    }

    public static void error(Window owner, List<String> stylesheets, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        style(a, owner, stylesheets);
        a.setTitle("LLM Economist Lab");
        a.setHeaderText(header);
        Label text = new Label(message == null || message.isBlank() ? "No details were given." : message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.setPrefWidth(520); // else the dialog takes the unwrapped text's width: a long error line spans the screen
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(text);
        a.show();
    }

    public static Unsaved askUnsaved(Window owner, List<String> stylesheets, String name) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DISCARD, ButtonType.CANCEL);
        style(a, owner, stylesheets);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to \"" + name + "\"?");
        a.setContentText("Your edits to this scenario are not saved yet.");
        Optional<ButtonType> b = a.showAndWait();
        if (b.isEmpty() || b.get() == ButtonType.CANCEL) {
            return Unsaved.CANCEL;
        }
        return b.get() == SAVE ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    /**
     * Asks before an action that throws work away: {@code header} says what will happen, {@code message} what is
     * lost, {@code action} names the button that goes ahead ("Start class"); Cancel is the default. True to go ahead.
     */
    public static boolean confirm(Window owner, List<String> stylesheets, String header, String message, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        style(a, owner, stylesheets);
        a.setTitle(action);
        a.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        text.setPrefWidth(480);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(text);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return a.showAndWait().orElse(ButtonType.CANCEL) == go;
    }

    private static void style(Alert a, Window owner, List<String> stylesheets) {
        if (owner != null) {
            a.initOwner(owner);
        }
        a.getDialogPane().getStylesheets().setAll(stylesheets);
        if (owner != null && owner.getScene() != null) {
            a.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().filtered(
                    c -> c.equals("presentation")));
        }
    }
}
