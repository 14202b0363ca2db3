package org.econlab.ui.publish;

import org.econlab.ui.widgets.WindowPlacement;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * "Runs & figures": the run history (compare, export) and sweeps, in a window of its own beside the lab.
 */
public final class PublishWindow {

    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final RunHistoryView history;
    private final SweepView sweeps = new SweepView();

    public PublishWindow(Path runsDirectory) {
        history = new RunHistoryView(new RunHistoryModel(runsDirectory), tabs);
        Tab historyTab = new Tab("Run history", history.root());
        historyTab.setClosable(false);
        Tab sweepTab = new Tab("Sweeps", sweeps.root());
        sweepTab.setClosable(false);
        tabs.getTabs().addAll(historyTab, sweepTab);
        stage.setTitle("Runs & figures — LLM Economist Lab");
        java.util.prefs.Preferences place = java.util.prefs.Preferences.userRoot().node("org/econlab/lab/runs-window");
        WindowPlacement.Box box = WindowPlacement.restore(place, 1200, 820);
        stage.setScene(new Scene(tabs, box.width(), box.height()));
        WindowPlacement.apply(stage, box, place);
    }

    /** Shows the window (refreshing the history), optionally owned by the lab window. */
    public void show(Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
        }
        history.refresh();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    RunHistoryView history() {
        return history;
    }

    SweepView sweeps() {
        return sweeps;
    }

    TabPane tabs() {
        return tabs;
    }
}
