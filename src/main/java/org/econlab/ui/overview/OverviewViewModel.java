package org.econlab.ui.overview;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.econlab.economy.WelfareFunction;
import org.econlab.simulation.Scenario;
import org.econlab.ui.charts.WelfareChart;

import java.util.function.Consumer;

/**
 * The Overview tab's state, without a screen: the welfare chart's view (total or per worker) and axis (linear or
 * log), and the welfare function's one line (its name and meaning, or its name alone in presentation mode). Changing a
 * view tells the chart through the consumers given. FX thread (a plain thread in tests).
 */
public final class OverviewViewModel {

    private final ObjectProperty<WelfareChart.View> welfareView = new SimpleObjectProperty<>(WelfareChart.View.TOTAL);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper welfareNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper welfareHelp = new ReadOnlyStringWrapper("");
    private boolean presentation;
    private Scenario scenario;

    /**
     * @param setView     shows the welfare chart in a view
     * @param setLogScale puts the welfare chart on a log (true) or linear axis
     */
    public OverviewViewModel(Consumer<WelfareChart.View> setView, Consumer<Boolean> setLogScale) {
        welfareView.addListener((o, a, v) -> setView.accept(v == null ? WelfareChart.View.TOTAL : v));
        logScale.addListener((o, a, on) -> setLogScale.accept(on));
    }

    /** Total or per worker. */
    public ObjectProperty<WelfareChart.View> welfareViewProperty() {
        return welfareView;
    }

    /** Whether the welfare axis is logarithmic. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The welfare function in one line above its chart. */
    public ReadOnlyStringProperty welfareNoteProperty() {
        return welfareNote.getReadOnlyProperty();
    }

    /** The welfare function's name and meaning, for a tooltip. */
    public ReadOnlyStringProperty welfareHelpProperty() {
        return welfareHelp.getReadOnlyProperty();
    }

    /** Presentation mode names the welfare function only. */
    public void setPresentation(boolean on) {
        presentation = on;
        if (scenario != null) {
            note(scenario);
        }
    }

    /**
     * A new run of {@code s}: its welfare function's line, and the views the chart chose for it ({@code chartView},
     * {@code chartLog}: a welfare function whose values span orders of magnitude starts on a log axis).
     */
    public void reset(Scenario s, WelfareChart.View chartView, boolean chartLog) {
        welfareView.set(chartView);
        logScale.set(chartLog);
        note(s);
    }

    private void note(Scenario s) {
        scenario = s;
        WelfareFunction w = s.swf();
        welfareNote.set(presentation ? w.kind().label() : w.displayName() + ": " + w.kind().meaning());
        welfareHelp.set(w.kind().label() + "\n\n" + w.kind().meaning());
    }
}
