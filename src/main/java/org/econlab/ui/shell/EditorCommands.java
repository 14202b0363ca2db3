package org.econlab.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

import org.econlab.simulation.Scenario;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.Dialogs;

import java.util.List;
import java.util.function.Supplier;

/** The editor's command on the running run: apply the edited rates to the paused run (logged). FX thread. */
final class EditorCommands {

    private EditorCommands() {
    }

    /** Enables {@code button} while a run is paused and the draft valid; a click replaces the run's rates. */
    static void bindIntervene(Button button, ScenarioDraft draft, RunViewModel model, Supplier<Window> window,
            Supplier<List<String>> stylesheets) {
        button.disableProperty().bind(model.activeProperty().not().or(model.runningProperty())
                .or(draft.validProperty().not()));
        button.setTooltip(new Tooltip("Replace the rates of the paused run from the next step; "
                + "logged as an intervention in the run record"));
        button.setOnAction(e -> {
            Scenario s = draft.scenarioProperty().get();
            if (!model.intervene(s.startSchedule(), "rates edited by hand in the lab window")) {
                Dialogs.error(window.get(), stylesheets.get(), "The rates were not applied",
                        "An intervention must keep the brackets of the running scenario ("
                                + model.scenarioProperty().get().brackets().count()
                                + " brackets). Change only the rates, or Reset to run the new brackets.");
            } else {
                model.notice("Rates set by hand from the next step (logged)");
            }
        });
    }
}
