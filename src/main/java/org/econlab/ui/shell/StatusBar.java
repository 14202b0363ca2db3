package org.econlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;

/** The status line: the run's state and speed, LLM usage, and why the edited scenario is invalid. FX thread. */
final class StatusBar {

    private StatusBar() {
    }

    static HBox of(RunViewModel model, ScenarioDraft draft) {
        Label status = new Label();
        status.setId("status-label");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Label usage = new Label();
        usage.setId("usage-label");
        usage.textProperty().bind(model.usageProperty());
        Label validity = new Label();
        validity.getStyleClass().add("error-label");
        validity.textProperty().bind(Bindings.when(draft.validProperty()).then("")
                .otherwise(Bindings.concat("Scenario invalid: ", draft.problemSummaryProperty())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(16, status, usage, validity, grow);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
