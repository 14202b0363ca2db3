package org.econlab.ui.editor;

import org.econlab.ui.widgets.Numbers;
import org.econlab.ui.run.RunViewModel;

import com.google.gson.JsonArray;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.controlsfx.control.PopOver;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A slider per bracket, in a pop-over beside the toolbar (ControlsFX {@link PopOver}: it floats over the charts,
 * so the rate chart stays in view while a teacher moves a rate). Releasing a slider intervenes in the run from the
 * next step, paused or playing: the change is logged in the record's {@code events.jsonl}, marked on the rate
 * chart (✎) and confirmed in the status line. With no run active the sliders set the scenario's start rates.
 * FX thread.
 */
public final class RateSliders {

    private final RunViewModel model;
    private final ScenarioDraft draft;
    private final PopOver popOver = new PopOver();
    private final List<Slider> sliders = new ArrayList<>();
    private final HBox row = new HBox(10);
    private final Slider all = new Slider(0, 100, 0);
    private final Label note = new Label();
    private TaxBrackets shownFor;

    public RateSliders(RunViewModel model, ScenarioDraft draft) {
        this.model = model;
        this.draft = draft;
        row.setId("rate-sliders");
        row.setAlignment(Pos.BOTTOM_CENTER);
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.getStyleClass().add("hint");
        all.setId("rate-slider-all");
        all.setShowTickMarks(true);
        all.setShowTickLabels(true);
        all.setMajorTickUnit(10);
        all.setMinorTickCount(1);
        all.setBlockIncrement(5);
        Label allValue = new Label();
        allValue.getStyleClass().add("slider-value");
        allValue.textProperty().bind(all.valueProperty().asString(Locale.ROOT, "%.0f"));
        Label allName = new Label("All brackets");
        HBox.setHgrow(all, javafx.scene.layout.Priority.ALWAYS);
        HBox allRow = new HBox(8, allName, all, allValue);
        allRow.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(allRow, new Tooltip("One flat rate: drag and release to set every bracket to it"));
        all.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                setAll(all.getValue());
            }
        });
        all.setOnKeyReleased(e -> setAll(all.getValue()));
        all.setOnMouseReleased(e -> setAll(all.getValue()));
        VBox content = new VBox(8, new Label("Marginal rates (%)"), row, allRow, note);
        content.setPadding(new Insets(10));
        popOver.setContentNode(content);
        popOver.setTitle("Set the rates");
        popOver.setHeaderAlwaysVisible(true);
        popOver.setDetachable(true);
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
    }

    /** Opens the sliders below {@code anchor} with the rates in force now. */
    public void show(Node anchor) {
        refresh();
        if (popOver.isShowing()) {
            popOver.hide();
            return;
        }
        popOver.show(anchor);
    }

    /** Rebuilds the sliders for the current brackets and rates. */
    public void refresh() {
        Scenario s = model.scenarioProperty().get();
        TaxBrackets b = s.brackets();
        double[] rates = currentRates(s);
        if (!b.equals(shownFor)) {
            shownFor = b;
            sliders.clear();
            row.getChildren().clear();
            for (int j = 0; j < b.count(); j++) {
                int bracket = j;
                Slider sl = new Slider(0, 100, rates[j]);
                sl.setId("rate-slider-" + j);
                sl.setOrientation(Orientation.VERTICAL);
                sl.setShowTickMarks(true);
                sl.setShowTickLabels(j == 0);
                sl.setMajorTickUnit(10);
                sl.setMinorTickCount(1);
                sl.setBlockIncrement(5);
                sl.setPrefHeight(180);
                Label value = new Label();
                value.getStyleClass().add("slider-value");
                value.textProperty().bind(sl.valueProperty().asString(Locale.ROOT, "%.0f"));
                Label name = new Label(Numbers.shortBracket(b, j));
                name.getStyleClass().add("hint");
                VBox col = new VBox(4, value, sl, name);
                col.setAlignment(Pos.BOTTOM_CENTER);
                Tooltip.install(col, new Tooltip("Bracket " + b.label(j) + ": drag and release to set its marginal rate"));
                sl.valueChangingProperty().addListener((o, was, now) -> {
                    if (!now) {
                        applyBracket(bracket);
                    }
                });
                sl.setOnKeyReleased(e -> applyBracket(bracket));
                sl.setOnMouseReleased(e -> applyBracket(bracket));
                sliders.add(sl);
                row.getChildren().add(col);
            }
        } else {
            for (int j = 0; j < sliders.size(); j++) {
                sliders.get(j).setValue(rates[j]);
            }
        }
        all.setValue(java.util.Arrays.stream(rates).average().orElse(0));
        note.setText(model.activeProperty().get()
                ? "Applies from the next step of the run (paused or playing) and is logged as an intervention."
                : "No run yet: these are the scenario's start rates.");
    }

    private double[] currentRates(Scenario s) {
        StepSnapshot last = model.lastSnapshot();
        if (model.activeProperty().get() && last != null && last.bracketCount() == s.brackets().count()) {
            return last.ratesPercent();
        }
        return draft.scenarioProperty().get().startSchedule().ratesPercent();
    }

    /** The rates the sliders show, percent (rounded to whole points). */
    public double[] values() {
        double[] r = new double[sliders.size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.round(sliders.get(j).getValue());
        }
        return r;
    }

    /** Sets bracket {@code j}'s slider and applies it as a release would (tests, keyboard). */
    public void set(int j, double ratePercent) {
        sliders.get(j).setValue(ratePercent);
        applyBracket(j);
    }

    /** Sets every bracket to one flat rate (percent) and applies it as a release of the "All brackets" slider would. */
    public void setAll(double ratePercent) {
        double rate = Math.round(ratePercent);
        all.setValue(rate);
        sliders.forEach(sl -> sl.setValue(rate));
        apply("all brackets set to " + Numbers.percent(rate) + "%");
    }

    private double[] applied;

    private void applyBracket(int j) {
        apply(shownFor.label(j) + " set to " + Numbers.percent(Math.round(sliders.get(j).getValue())) + "%");
    }

    /** Applies the sliders' rates; {@code change} says what was moved, for the run record's log line. */
    private void apply(String change) {
        double[] r = values();
        if (java.util.Arrays.equals(r, applied)) {
            return;
        }
        applied = r;
        Scenario s = model.scenarioProperty().get();
        if (model.activeProperty().get()) {
            TaxSchedule schedule = s.startSchedule().withRates(r);
            StepSnapshot last = model.lastSnapshot();
            int from = last == null ? 1 : last.step() + 2;
            if (model.intervene(schedule, "slider: " + change)) {
                model.notice("Rates set by hand from step " + from + ": " + join(r) + " (logged)");
            }
        } else if (draft.scenarioProperty().get().brackets().equals(s.brackets())) {
            JsonArray a = new JsonArray();
            for (double v : r) {
                a.add(v);
            }
            draft.set("brackets.rates", a);
            model.notice("Start rates " + join(r));
        }
    }

    private static String join(double[] r) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < r.length; j++) {
            sb.append(j == 0 ? "" : " ").append(Numbers.percent(r[j]));
        }
        return sb.append('%').toString();
    }

    public PopOver popOver() {
        return popOver;
    }
}
