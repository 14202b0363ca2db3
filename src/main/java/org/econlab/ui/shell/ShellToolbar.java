package org.econlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.econlab.ui.editor.Fields;
import org.econlab.ui.editor.RateSliders;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.PendingEdits;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.Icons;

import java.util.ArrayList;
import java.util.List;

/**
 * The toolbar: editor drawer, Play / Pause / Step / Stop / Reset, speed, run N steps, rate sliders, seeds, and a hint
 * when edits wait for Reset. Icons with tooltips when labels do not fit. FX thread.
 */
final class ShellToolbar {

    final ToggleButton editorToggle = new ToggleButton("Editor");
    private final RunViewModel model;
    private final List<ButtonBase> buttons = new ArrayList<>();
    private final ComboBox<String> speed;
    private final ToolBar toolbar;

    ShellToolbar(RunViewModel model, ScenarioDraft draft, RateSliders rateSliders, Runnable seeds, Runnable toggleEditor) {
        this.model = model;
        editorToggle.setId("editor-toggle");
        editorToggle.setGraphic(Icons.icon(Icons.EDITOR, 16));
        editorToggle.setTooltip(new Tooltip("Show or hide the scenario editor (F9)"));
        editorToggle.setOnAction(e -> toggleEditor.run());
        buttons.add(editorToggle);
        Button play = button("Play", Icons.PLAY, "play-button", model::play, "Play (Space)");
        Button pause = button("Pause", Icons.PAUSE, "pause-button", model::pause, "Pause (Space)");
        Button step = button("Step", Icons.STEP, "step-button", model::step, "One step (Right arrow)");
        Button stop = button("Stop", Icons.STOP, "stop-button", model::stop, "End the run; its record is kept");
        Button reset = button("Reset", Icons.RESET, "reset-button", model::reset, "New run from the edited scenario (Ctrl+R)");
        BooleanBinding cannotStart = draft.validProperty().not().and(model.activeProperty().not());
        play.disableProperty().bind(model.runningProperty().or(cannotStart));
        step.disableProperty().bind(cannotStart);
        pause.disableProperty().bind(model.runningProperty().not());
        stop.disableProperty().bind(model.activeProperty().not());

        speed = new ComboBox<>(FXCollections.observableArrayList(
                "1 step/s", "2 steps/s", "5 steps/s", "10 steps/s", "20 steps/s", "50 steps/s", "100 steps/s", "Max speed"));
        speed.setId("speed-box");
        speed.setValue(speedLabel(model.speed()));
        speed.setTooltip(new Tooltip("Steps per second (20 lets a class follow a 2,500-step run in about two minutes)"));
        speed.setOnAction(e -> {
            String v = speed.getValue();
            model.setSpeed(v == null || v.startsWith("Max") ? 0 : Double.parseDouble(v.substring(0, v.indexOf(' '))));
        });
        TextField n = new TextField("25");
        n.setId("run-n-field");
        n.setPrefColumnCount(4);
        n.setTooltip(new Tooltip("How many steps Run N plays"));
        Button runN = button("Run N", Icons.RUN_N, "run-n-button", () -> runSteps(n), "Play N more steps, then pause");
        runN.disableProperty().bind(model.runningProperty().or(cannotStart));
        Button rates = button("Rates", Icons.SLIDERS, "rates-button", () -> { },
                "Set the bracket rates with sliders: between steps of the run, paused or playing (logged)");
        rates.setOnAction(e -> rateSliders.show(rates));
        Button seedsButton = button("Seeds", Icons.SEEDS, "seeds-button", seeds,
                "Run the scenario under several seeds: mean and 95% band on the charts, a row per seed");

        // edits that wait for Reset: the button lights up and the words beside it name what will change
        javafx.beans.binding.ObjectBinding<List<String>> changes = Bindings.createObjectBinding(
                () -> model.activeProperty().get()
                        ? PendingEdits.between(model.scenarioProperty().get(), draft.scenarioProperty().get()) : List.of(),
                draft.scenarioProperty(), model.scenarioProperty(), model.activeProperty());
        Label pending = new Label();
        pending.setId("pending-edits");
        pending.getStyleClass().add("pending-edits");
        pending.setMinWidth(Region.USE_PREF_SIZE);
        pending.textProperty().bind(Bindings.createStringBinding(() -> changes.get().isEmpty() ? ""
                : "Reset applies: " + String.join(", ", changes.get()), changes));
        pending.visibleProperty().bind(Bindings.createBooleanBinding(() -> !changes.get().isEmpty(), changes));
        Tooltip resetTip = reset.getTooltip();
        changes.addListener((o, a, c) -> {
            reset.getStyleClass().remove("reset-pending");
            if (!c.isEmpty()) {
                reset.getStyleClass().add("reset-pending");
            }
            resetTip.setText(c.isEmpty() ? "New run from the edited scenario (Ctrl+R)"
                    : PendingEdits.resetLabel(c) + " (a new run; Ctrl+R)");
        });
        pending.managedProperty().bind(pending.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        speed.setMinWidth(Region.USE_PREF_SIZE);
        n.setMinWidth(Region.USE_PREF_SIZE);
        toolbar = new ToolBar(editorToggle, play, pause, step, stop, reset, speed, n, runN, rates, seedsButton, spacer, pending);
        toolbar.setId("lab-toolbar");
    }

    private void runSteps(TextField n) {
        try {
            int count = Integer.parseInt(n.getText().trim());
            if (count > 0) {
                model.runSteps(count);
                n.getStyleClass().remove("field-error");
                return;
            }
        } catch (NumberFormatException ignored) {
            // fall through: mark the field
        }
        if (!n.getStyleClass().contains("field-error")) {
            n.getStyleClass().add("field-error");
        }
    }

    private Button button(String text, String icon, String id, Runnable action, String tip) {
        Button b = new Button(text, Icons.icon(icon, 16));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        buttons.add(b);
        return b;
    }

    ToolBar root() {
        return toolbar;
    }

    /** Icons only ({@code compact}) or icons with labels. */
    void compact(boolean compact) {
        for (ButtonBase b : buttons) {
            b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
    }

    private static String speedLabel(double stepsPerSecond) {
        return stepsPerSecond <= 0 ? "Max speed" : Fields.number(stepsPerSecond) + (stepsPerSecond == 1 ? " step/s" : " steps/s");
    }

    /** Sets the speed (steps per second, 0 = max) as if chosen in the toolbar. */
    void setSpeed(double stepsPerSecond) {
        String label = speedLabel(stepsPerSecond);
        if (!speed.getItems().contains(label)) {
            speed.getItems().add(label);
        }
        speed.setValue(label);
        model.setSpeed(stepsPerSecond);
    }
}
