package org.econlab.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.econlab.config.InvalidInputException;
import org.econlab.errors.ErrorPolicy;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.Dialogs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The File menu: new, open, open a sample, open recent, save, save as. Unsaved edits are asked about before they are
 * replaced; a bad file is explained in a dialog and the edits are kept. FX thread.
 */
final class ScenarioFiles {

    private final ScenarioDraft draft;
    private final RunViewModel model;
    private final RecentFiles recent;
    private final Supplier<Window> window;
    private final Supplier<List<String>> stylesheets;
    private final Menu recentMenu = new Menu("Open recent");

    ScenarioFiles(ScenarioDraft draft, RunViewModel model, RecentFiles recent, Supplier<Window> window,
            Supplier<List<String>> stylesheets) {
        this.draft = draft;
        this.model = model;
        this.recent = recent;
        this.window = window;
        this.stylesheets = stylesheets;
        rebuildRecent();
    }

    Menu menu() {
        MenuItem newItem = ShellMenus.item("New", "new-item", this::newScenario, shortcut(KeyCode.N));
        MenuItem open = ShellMenus.item("Open…", "open-item", this::openWithChooser, shortcut(KeyCode.O));
        MenuItem openSample = ShellMenus.item("Open sample…", "open-sample-item", this::openSample, null);
        MenuItem save = ShellMenus.item("Save", "save-item", this::save, shortcut(KeyCode.S));
        MenuItem saveAs = ShellMenus.item("Save As…", "save-as-item", this::saveAs,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        return new Menu("File", null, newItem, open, openSample, recentMenu, new SeparatorMenuItem(), save, saveAs);
    }

    private static KeyCombination shortcut(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN);
    }

    /** Asks about unsaved edits; false when the user cancelled. */
    boolean confirmDiscard() {
        if (!draft.dirtyProperty().get()) {
            return true;
        }
        return switch (Dialogs.askUnsaved(window.get(), stylesheets.get(), draft.scenarioProperty().get().name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private void newScenario() {
        if (confirmDiscard()) {
            draft.replace(ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO), null);
            model.reset();
        }
    }

    private void openWithChooser() {
        if (!confirmDiscard()) {
            return;
        }
        java.io.File f = chooser("Open scenario").showOpenDialog(window.get());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    private void openSample() {
        if (confirmDiscard()) {
            SampleChooser.choose(window.get(), stylesheets.get(), Samples.list()).ifPresent(this::openSample);
        }
    }

    /** Opens a bundled sample as a new, unsaved scenario; the charts start over. */
    void openSample(Samples.Sample sample) {
        draft.replace(sample.scenario(), null);
        model.reset();
    }

    /**
     * Opens {@code scenario} (a lesson step's economy) as a new, unsaved scenario after asking about unsaved edits;
     * the charts start over. False when the user cancelled.
     */
    boolean openScenario(org.econlab.simulation.Scenario scenario) {
        if (!confirmDiscard()) {
            return false;
        }
        draft.replace(scenario, null);
        model.reset();
        return true;
    }

    /** Opens a scenario file; a bad file is explained in a dialog and the current edits are kept. */
    boolean openFile(Path path) {
        try {
            draft.open(path);
            recent.add(path);
            rebuildRecent();
            model.reset(); // charts and legends start over for the opened scenario
            return true;
        } catch (InvalidInputException e) {
            Dialogs.error(window.get(), stylesheets.get(), "Cannot open " + path.getFileName(),
                    (e.fieldPath().isEmpty() ? "" : "The file has a problem at ") + e.getMessage()
                            + "\n\nThe scenario you were editing is unchanged.");
            return false;
        } catch (RuntimeException e) {
            Dialogs.error(window.get(), stylesheets.get(), "Cannot open " + path.getFileName(),
                    ErrorPolicy.classify(e).line() + "\n\nThe scenario you were editing is unchanged.");
            return false;
        }
    }

    private boolean save() {
        Path f = draft.fileProperty().get();
        if (f == null || f.toString().startsWith("/sample-scenarios")) {
            return saveAs();
        }
        return saveTo(f);
    }

    private boolean saveAs() {
        FileChooser fc = chooser("Save scenario");
        String stem = draft.scenarioProperty().get().name().replaceAll("[^A-Za-z0-9._-]+", "-");
        fc.setInitialFileName((stem.length() > 50 ? stem.substring(0, 50) : stem) + ".json");
        java.io.File f = fc.showSaveDialog(window.get());
        return f != null && saveTo(f.toPath());
    }

    /** Saves the draft to {@code path}; problems are explained in a dialog and nothing is lost. */
    boolean saveTo(Path path) {
        try {
            draft.save(path);
            recent.add(path);
            rebuildRecent();
            return true;
        } catch (InvalidInputException e) {
            Dialogs.error(window.get(), stylesheets.get(), "Not saved: the scenario has a problem", e.getMessage());
        } catch (IOException | RuntimeException e) {
            Dialogs.error(window.get(), stylesheets.get(), "Cannot save " + path.getFileName(),
                    ErrorPolicy.classify(e).line() + "\n\nYour edits are kept; save them elsewhere.");
        }
        return false;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        Path f = draft.fileProperty().get();
        if (f != null && f.getParent() != null && f.getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(f.getParent().toFile());
        } else if (Path.of("sample-scenarios").toFile().isDirectory()) {
            fc.setInitialDirectory(Path.of("sample-scenarios").toAbsolutePath().toFile());
        }
        return fc;
    }

    private void rebuildRecent() {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : recent.list()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            m.setOnAction(e -> {
                if (confirmDiscard()) {
                    openFile(p);
                }
            });
            items.add(m);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
        recentMenu.getItems().setAll(items);
    }
}
