package org.econlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;

/** Space plays or pauses and Right steps, unless the user is typing or moving in a table or slider. FX thread. */
final class PlayKeys {

    private final RunViewModel model;
    private final ScenarioDraft draft;

    PlayKeys(RunViewModel model, ScenarioDraft draft) {
        this.model = model;
        this.draft = draft;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl || focus instanceof ComboBox
                    || (focus instanceof TableView<?> t && t.getEditingCell() != null);
            if (typing) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && !(focus instanceof TableView) && !(focus instanceof Slider)) {
                if (draft.validProperty().get() || model.activeProperty().get()) {
                    model.step();
                }
                e.consume();
            }
        });
    }

    /** Pauses a playing run, else plays (a new run needs a valid scenario). */
    void togglePlay() {
        if (model.runningProperty().get()) {
            model.pause();
        } else if (draft.validProperty().get() || model.activeProperty().get()) {
            model.play();
        }
    }
}
