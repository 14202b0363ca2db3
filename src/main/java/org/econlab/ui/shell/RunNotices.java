package org.econlab.ui.shell;

import javafx.stage.Window;

import org.controlsfx.control.Notifications;
import org.econlab.simulation.SimulationRunner;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.Dialogs;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Tells the user when a run fails (a dialog with the reason) or finishes (a notification). FX thread. */
final class RunNotices {

    private RunNotices() {
    }

    static void install(RunViewModel model, Supplier<Window> window, Supplier<List<String>> stylesheets,
            Consumer<String> announce) {
        model.failureProperty().addListener((o, a, f) -> {
            if (f != null && !f.isEmpty()) {
                Dialogs.error(window.get(), stylesheets.get(), "The run failed", f
                        + "\n\nThe run record keeps every step played so far; your scenario edits are unchanged.");
            }
        });
        model.runStateProperty().addListener((o, a, st) -> {
            if (st == SimulationRunner.State.FINISHED && a != SimulationRunner.State.FINISHED
                    && model.stepsDoneProperty().get() >= model.scenarioProperty().get().steps()) {
                announce.accept("Run finished: " + model.stepsDoneProperty().get() + " steps of " + model.scenarioProperty().get().name());
            }
        });
    }

    /** A short notification over the window (also in the status line when notifications cannot show). */
    static void announce(Window w, boolean dark, RunViewModel model, String text) {
        if (w == null || !w.isShowing()) {
            return;
        }
        try {
            Notifications n = Notifications.create().title("LLM Economist Lab").text(text).owner(w)
                    .hideAfter(javafx.util.Duration.seconds(4));
            if (dark) {
                n.darkStyle();
            }
            n.showInformation();
        } catch (RuntimeException e) {
            model.notice(text); // a notification is a courtesy; the status line says it too
        }
    }
}
