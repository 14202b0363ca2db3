package org.econlab.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first live window, driven headless: Play runs in the background, charts gain points, Pause/Step/Stop work. */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(100_000);
        model = new RunViewModel(scenario, runs);
        model.setSpeedLimit(400); // a rational 100-worker step takes microseconds: keep the run going for the robot
        view = new MainView(model);
        stage.setScene(new Scene(view.root(), 1100, 750));
        stage.show();
    }

    @AfterEach
    void stopRun() {
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    @Test
    void playPauseStepStop(FxRobot robot) throws Exception {
        robot.clickOn("#play-button");
        waitUntil(() -> view.swfPointCount() > 20);
        assertTrue(robot.lookup("#pause-button").queryAs(Button.class).isDisabled() == false);

        robot.clickOn("#pause-button");
        waitUntil(() -> robot.lookup("#status-label").queryAs(Label.class).getText().startsWith("Paused"));
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        int pausedAt = model.stepsDoneProperty().get();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt, model.stepsDoneProperty().get(), "no steps while paused");

        robot.clickOn("#step-button");
        waitUntil(() -> model.stepsDoneProperty().get() == pausedAt + 1);

        robot.clickOn("#stop-button");
        waitUntil(() -> robot.lookup("#status-label").queryAs(Label.class).getText().startsWith("Stopped"));
        Path record = model.lastRecord();
        assertTrue(Files.readString(record.resolve("manifest.json")).contains("\"outcome\": \"stopped\""));
        assertEquals(pausedAt + 2, Files.readAllLines(record.resolve("steps.csv")).size());
    }
}
