package org.econlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.nio.file.Path;

/**
 * The lab window. Opens the default sample scenario; Play runs it on a background runner while the
 * charts follow.
 */
public final class LabApp extends Application {

    /** The scenario the window opens with. */
    public static final String DEFAULT_SCENARIO = "/sample-scenarios/us-fed-100-saez.json";

    private RunViewModel model;

    @Override
    public void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(DEFAULT_SCENARIO);
        model = new RunViewModel(scenario, defaultRunsDirectory());
        MainView view = new MainView(model);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        stage.setTitle("LLM Economist Lab");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.shutdown());
        stage.show();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }

    /** Where the window's runs are recorded: {@code ~/llm-economist-lab/runs}, or {@code ECONLAB_RUNS_DIR}. */
    public static Path defaultRunsDirectory() {
        String env = System.getenv("ECONLAB_RUNS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), "llm-economist-lab", "runs");
    }
}
