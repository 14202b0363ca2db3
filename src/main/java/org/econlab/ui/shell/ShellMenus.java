package org.econlab.ui.shell;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;

import java.util.List;
import java.util.function.Supplier;

/** The menu bar: File, Edit, Run, View, Figures, Help. Builds menu items and binds them; owns no state. FX thread. */
final class ShellMenus {

    private ShellMenus() {
    }

    /** A menu item with an id, an action and an optional accelerator. */
    static MenuItem item(String text, String id, Runnable action, KeyCombination accelerator) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        return m;
    }

    /** Menu items of the lessons and the side-by-side run. */
    record Extras(Runnable lessons, Runnable sideBySide) {
    }

    static MenuBar build(ScenarioFiles files, ScenarioDraft draft, RunViewModel model, PlayKeys keys, Runnable seeds,
            CheckMenuItem editorItem, ShellTheme theme, FigureActions figures, Supplier<Window> window, Extras extras) {
        MenuItem undo = item("Undo", "undo-item", draft::undo, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(draft.canUndoProperty().not());
        MenuItem redo = item("Redo", "redo-item", draft::redo, new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.disableProperty().bind(draft.canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo);

        MenuItem playPause = item("Play / Pause", "play-pause-item", keys::togglePlay, null);
        MenuItem step = item("Step", "step-item", model::step, null);
        MenuItem reset = item("Reset", "reset-item", model::reset, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        MenuItem stop = item("Stop", "stop-item", model::stop, null);
        MenuItem seedsItem = item("Run several seeds", "seeds-item", seeds, null);
        MenuItem sideItem = item("Run side by side (two policies)", "side-by-side-item", extras.sideBySide(), null);
        Menu run = new Menu("Run", null, playPause, step, stop, reset, new SeparatorMenuItem(), seedsItem, sideItem);

        editorItem.setAccelerator(new KeyCodeCombination(KeyCode.F9));
        MenuItem lessons = item("Lessons…", "lessons-item", extras.lessons(),
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        Menu view = new Menu("View", null, lessons, new SeparatorMenuItem(), editorItem, theme.darkItem,
                theme.presentationItem);

        MenuItem exportRun = item("Export figures of this run…", "export-run-item", figures::exportRunFigures,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem showRecord = item("Show a saved run in the charts…", "show-record-item", figures::showRecordWithChooser, null);
        MenuItem publish = item("Runs, comparisons and sweeps…", "publish-item", figures::openPublishWindow, null);
        Menu figuresMenu = new Menu("Figures", null, exportRun, showRecord, new SeparatorMenuItem(), publish);

        Supplier<List<String>> css = theme::stylesheets;
        MenuItem about = item("About the model", "about-item", () -> HelpDialogs.about(window.get(), css.get()),
                new KeyCodeCombination(KeyCode.F1));
        MenuItem glossary = item("Glossary", "glossary-item", () -> HelpDialogs.glossary(window.get(), css.get()), null);
        MenuItem keysItem = item("Keyboard shortcuts", "shortcuts-item", () -> HelpDialogs.shortcuts(window.get(), css.get()), null);
        Menu help = new Menu("Help", null, about, glossary, keysItem);
        return new MenuBar(files.menu(), edit, run, view, figuresMenu, help);
    }
}
