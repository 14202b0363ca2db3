package org.econlab.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.SimulationRunner;
import org.jfree.chart.fx.ChartViewer;

/**
 * The lab window's layout: a toolbar with Play / Pause / Step / Stop, the live charts, and a status
 * bar. Builds controls only; state and commands live in {@link RunViewModel}.
 */
public final class MainView {

    /** At most this many chart refreshes per second. */
    static final double MAX_FPS = 25;

    private final BorderPane root = new BorderPane();
    private final LiveCharts charts;

    public MainView(RunViewModel model) {
        Scenario scenario = model.scenarioProperty().get();
        charts = new LiveCharts(scenario.brackets());

        Button play = button("Play", "play-button", model::play);
        Button pause = button("Pause", "pause-button", model::pause);
        Button step = button("Step", "step-button", model::step);
        Button stop = button("Stop", "stop-button", model::stop);
        play.disableProperty().bind(model.runningProperty());
        pause.disableProperty().bind(model.runningProperty().not());
        stop.disableProperty().bind(model.runStateProperty().isEqualTo(SimulationRunner.State.READY)
                .or(model.runStateProperty().isEqualTo(SimulationRunner.State.FINISHED)));

        Label title = new Label(scenario.name());
        title.getStyleClass().add("scenario-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(play, pause, step, stop, spacer, title);

        ChartViewer swfViewer = new ChartViewer(charts.swfChart());
        swfViewer.setId("swf-chart");
        ChartViewer ratesViewer = new ChartViewer(charts.ratesChart());
        ratesViewer.setId("rates-chart");
        VBox chartsBox = new VBox(8, swfViewer, ratesViewer);
        VBox.setVgrow(swfViewer, Priority.ALWAYS);
        VBox.setVgrow(ratesViewer, Priority.ALWAYS);
        chartsBox.setPadding(new Insets(8));

        Label status = new Label();
        status.setId("status-label");
        status.textProperty().bind(model.statusProperty());
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");

        Label description = new Label(scenario.description());
        description.setWrapText(true);
        description.getStyleClass().add("scenario-description");

        root.setTop(new VBox(toolbar, description));
        root.setCenter(chartsBox);
        root.setBottom(statusBar);

        model.onSnapshots(charts::append);
        model.onReset(charts::clear);
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= (long) (1e9 / MAX_FPS)) {
                    last = now;
                    model.pullSnapshots();
                }
            }
        }.start();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    public Parent root() {
        return root;
    }

    /** SWF points currently drawn (for tests). */
    int swfPointCount() {
        return charts.swfPointCount();
    }
}
