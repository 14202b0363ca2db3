package org.econlab.ui.publish;

import org.econlab.ui.LabWindowFixture;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.TestScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run history, comparison and sweeps from the window, headless. */
@ExtendWith(ApplicationExtension.class)
class PublishWindowTest {

    @TempDir
    static Path tmp;

    private PublishWindow window;

    @Start
    void start(Stage ignored) throws Exception {
        Path runs = tmp.resolve("runs");
        for (String planner : new String[] {"saez", "free_market"}) {
            if (Files.exists(runs.resolve(planner))) {
                continue; // recorded for an earlier test of this class: a record folder is never rewritten
            }
            Simulation sim = new Simulation(ScenarioCodec.parse(TestScenarios.json(30, 20, "three",
                    "{\"kind\": \"rational\"}", "{\"kind\": \"" + planner + "\"}")), false);
            sim.addListener(new RunRecordWriter(runs.resolve(planner)));
            sim.runToEnd();
        }
        window = new PublishWindow(runs);
        window.show(null);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> window.stage().close()); // a window left open would cover the next test's stage
    }

    @Test
    void historyListsRunsAndComparesThem(FxRobot robot) throws Exception {
        TableView<RunSummary> table = robot.lookup("#history-table").queryAs(TableView.class);
        LabWindowFixture.waitUntil(10, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("#history-compare");
        LabWindowFixture.waitUntil(10, () -> window.tabs().getTabs().size() == 3);
        TableView<?> comparison = robot.lookup("#comparison-table").queryAs(TableView.class);
        assertEquals(2, comparison.getItems().size());
        assertTrue(robot.lookup("#compare-chart-swf").tryQuery().isPresent());
        assertTrue(robot.lookup("#compare-chart-tax_rates").tryQuery().isPresent());
    }

    @Test
    void aSweepRunsWithProgressAndShowsItsResults(FxRobot robot) throws Exception {
        Path sweep = tmp.resolve("s.sweep.json");
        Files.writeString(sweep, """
            { "schemaVersion": 1, "name": "ui",
              "baseScenario": { "schemaVersion": 1, "steps": 10, "population": { "agents": 20 },
                                "brackets": { "preset": "three" }, "worker": { "kind": "rational" },
                                "planner": { "kind": "saez" } },
              "parameters": [ { "path": "planner.elasticity", "values": [0.5, 1, 2] } ], "seeds": 2 }
            """);
        robot.interact(() -> {
            window.tabs().getSelectionModel().select(1);
            window.sweeps().setPaths(sweep, tmp.resolve("sweep-out"));
        });
        robot.clickOn("#sweep-run");
        Label status = robot.lookup("#sweep-status").queryAs(Label.class);
        LabWindowFixture.waitUntil(20, () -> status.getText().startsWith("Done"));
        assertEquals("Done: 6 runs (0 resumed)", status.getText());
        assertTrue(robot.lookup("#sweep-chart").tryQuery().isPresent());
        assertEquals(3, robot.lookup("#sweep-summary").queryAs(TableView.class).getItems().size());
        assertEquals(7, Files.readAllLines(tmp.resolve("sweep-out").resolve("sweep.csv")).size());
    }
}
