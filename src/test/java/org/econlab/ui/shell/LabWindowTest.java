package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.agents.AgentsView;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab window driven headless (Monocle): edit a bracket rate, play the sample scenario and see the
 * charts gain points, pause, step, stop; refuse an invalid schedule; save and reopen a scenario.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(100_000);
        LabWindowFixture w = LabWindowFixture.show(stage, scenario, runs, 400.0, 1280, 800); // a step of 100 workers takes microseconds: keep the run going while the robot clicks
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void stopRun() {
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(20, condition);
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status-label").queryAs(Label.class).getText();
    }

    /** Types a new start rate into bracket {@code row} of the table, as a user would. */
    private static void editRate(FxRobot robot, int row, String text) {
        TableView<?> table = robot.lookup("#bracket-table").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(row));
        javafx.scene.control.TableRow<?> tableRow = robot.lookup("#bracket-table .table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == row).findFirst().orElseThrow();
        javafx.scene.Node cell = robot.from(tableRow).lookup(".table-cell").nth(3).query();
        robot.doubleClickOn(cell);
        robot.eraseText(8).write(text).type(javafx.scene.input.KeyCode.ENTER);
    }

    @Test
    void editARatePlayPauseStepStop(FxRobot robot) throws Exception {
        editRate(robot, 1, "33");
        waitUntil(() -> draft.scenarioProperty().get().startSchedule().ratePercent(1) == 33.0);

        robot.clickOn("#play-button");
        waitUntil(() -> view.charts().welfare.pointCount() > 20);
        assertTrue(view.charts().rates.pointCounts().values().stream().allMatch(c -> c > 20));
        assertFalse(robot.lookup("#pause-button").queryAs(Button.class).isDisabled());

        robot.clickOn("#pause-button");
        waitUntil(() -> status(robot).startsWith("Paused"));
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        int pausedAt = model.stepsDoneProperty().get();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(pausedAt, model.stepsDoneProperty().get(), "no steps while paused");

        // The agent table of the paused run: a page of workers from #10, copied between steps.
        robot.clickOn("Agents");
        robot.clickOn("#agent-from-field").write("10").type(javafx.scene.input.KeyCode.ENTER);
        TableView<?> agents = robot.lookup("#agent-table").queryAs(TableView.class);
        waitUntil(() -> agents.getItems().size() == 90
                && ((org.econlab.ui.agents.AgentRow) agents.getItems().get(0)).agent() == 10);
        robot.clickOn("Overview");

        editRate(robot, 0, "5"); // a hand-made intervention on the paused run
        waitUntil(() -> draft.scenarioProperty().get().startSchedule().ratePercent(0) == 5.0);
        Button intervene = robot.lookup("#intervene-button").queryAs(Button.class);
        assertFalse(intervene.isDisabled());
        robot.interact(intervene::fire);

        robot.clickOn("#step-button");
        waitUntil(() -> model.stepsDoneProperty().get() == pausedAt + 1);
        assertEquals(5.0, model.lastSnapshot().ratePercent(0), "the intervention applied from the next step");

        robot.clickOn("#stop-button");
        waitUntil(() -> status(robot).startsWith("Stopped"));
        Path record = model.lastRecord();
        String manifest = Files.readString(record.resolve("manifest.json"));
        assertTrue(manifest.contains("\"outcome\": \"stopped\""));
        assertEquals(pausedAt + 2, Files.readAllLines(record.resolve("steps.csv")).size());
        String events = Files.readString(record.resolve("events.jsonl"));
        assertTrue(events.contains("\"event\":\"intervention\"") && events.contains("edited by hand"), events);
    }

    @Test
    void anInvalidScheduleIsShownAtTheFieldAndCannotStartARun(FxRobot robot) throws Exception {
        editRate(robot, 2, "150");
        waitUntil(() -> !draft.validProperty().get());
        assertEquals("brackets.rates[2]", draft.errorPathProperty().get());
        Label error = robot.lookup("#scenario-error").queryAs(Label.class);
        assertEquals("Bracket 3, start rate: 150 is outside 0..100 (brackets.rates[2])", error.getText(),
                "rows counted from 1, as the table counts them");
        assertTrue(error.isVisible());
        assertEquals(1, robot.lookup("#bracket-table .table-row-cell.field-error").queryAll().size());
        assertTrue(robot.lookup("#play-button").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#step-button").queryAs(Button.class).isDisabled());
        robot.type(javafx.scene.input.KeyCode.SPACE); // the Space shortcut refuses too
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(null, model.lastRecord(), "no run was started");
        robot.interact(draft::undo);
        waitUntil(() -> draft.validProperty().get());
        assertFalse(robot.lookup("#play-button").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#scenario-error").queryAs(Label.class).isVisible());
    }

    @Test
    void saveAndReopenAScenario(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.doubleClickOn("#seed-field").eraseText(6).write("777").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> draft.scenarioProperty().get().seed() == 777);
        assertTrue(draft.dirtyProperty().get());
        // The persona table: open the editor, normalise the weights to 100, keep it.
        Button editTable = robot.lookup("#edit-census-button").queryAs(Button.class);
        javafx.application.Platform.runLater(editTable::fire); // opens a modal dialog
        waitUntil(() -> robot.lookup("#census-table").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#normalise-census-button").queryAs(Button.class).fire());
        javafx.scene.control.DialogPane pane = robot.lookup("#census-dialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitUntil(() -> draft.get("population.census") != null);
        assertEquals(100.0, draft.scenarioProperty().get().population().census().totalWeight(), 0.01);

        Path file = dir.resolve("mine.json");
        boolean[] saved = new boolean[1];
        robot.interact(() -> saved[0] = view.saveTo(file));
        assertTrue(saved[0]);
        assertFalse(draft.dirtyProperty().get());
        robot.interact(() -> draft.replace(ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO), null));
        assertEquals(42, draft.scenarioProperty().get().seed());
        robot.interact(() -> view.openFile(file));
        assertEquals(777, draft.scenarioProperty().get().seed());
        assertEquals("777", robot.lookup("#seed-field").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(file, draft.fileProperty().get());
        assertTrue(Files.readString(file).contains("\"census\""));

        // A bad file is explained in a dialog and loses no edits.
        robot.interact(() -> draft.set("seed", 778));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"schemaVersion\": 1, \"brackets\": { \"preset\": \"three\", \"rates\": [1, 2, 300] } }");
        boolean[] opened = {true};
        robot.interact(() -> opened[0] = view.openFile(bad));
        assertFalse(opened[0]);
        javafx.scene.control.DialogPane alert = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(((Label) alert.getContent()).getText().contains("brackets.rates[2]: 300 is outside 0..100"));
        robot.interact(() -> alert.getScene().getWindow().hide());
        assertEquals(778, draft.scenarioProperty().get().seed());
        assertEquals(100.0, draft.scenarioProperty().get().population().census().totalWeight(), 0.01);
    }

    /** Issue 6 from the lab window: export all figures of the run, and show a saved run in the live charts. */
    @Test
    void exportTheRunsFiguresThenShowTheSavedRunInTheCharts(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> model.runSteps(30));
        waitUntil(() -> model.stepsDoneProperty().get() == 30 && view.charts().welfare.pointCount() == 30);
        assertEquals(2, view.charts().welfare.yearMedianPointCount(), "one median point per tax year (25 steps each)");
        Path record = model.lastRecord();
        robot.interact(() -> view.figures().exportRunFiguresTo(record, dir.resolve("figures")));
        waitUntil(() -> dir.resolve("figures").equals(view.figures().exportedTo));
        for (String f : new String[] {"swf.png", "swf.svg", "swf.pdf", "swf.csv", "tax_rates.png", "labor.png",
            "income.png", "captions.md"}) {
            assertTrue(java.nio.file.Files.size(dir.resolve("figures").resolve(f)) > 0, f);
        }
        robot.interact(() -> model.reset());
        waitUntil(() -> view.charts().welfare.pointCount() == 0);
        robot.interact(() -> view.figures().showRecord(record));
        waitUntil(() -> view.charts().welfare.pointCount() == 30);
        assertTrue(status(robot).startsWith("Showing the recorded run"), status(robot));
    }

    /** Every chart of the window exports itself: vector files and CSV of exactly what it draws. */
    @Test
    void everyLiveChartExportsItselfWithItsData(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> model.runSteps(25));
        waitUntil(() -> model.stepsDoneProperty().get() == 25 && view.charts().welfare.pointCount() == 25);
        java.util.Set<org.jfree.chart.fx.ChartViewer> viewers = robot.lookup(n -> n instanceof org.jfree.chart.fx.ChartViewer)
                .queryAllAs(org.jfree.chart.fx.ChartViewer.class);
        assertFalse(viewers.isEmpty());
        for (org.jfree.chart.fx.ChartViewer v : viewers) {
            assertTrue(v.getContextMenu().getItems().stream().anyMatch(m -> m.getText().startsWith("Export this chart")),
                    v.getId());
        }
        org.jfree.chart.fx.ChartViewer rates = viewers.stream().filter(v -> "tax-rates-chart".equals(v.getId()))
                .findFirst().orElseThrow();
        java.util.concurrent.atomic.AtomicReference<java.util.List<Path>> files = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> org.econlab.ui.charts.ChartExport.export(rates.getChart(), "tax_rates", dir,
                java.util.List.of(org.econlab.report.ExportFormat.values()), org.econlab.report.FigureSize.DEFAULT, files::set));
        waitUntil(() -> files.get() != null);
        java.util.List<String> csv = Files.readAllLines(dir.resolve("tax_rates.csv"));
        assertEquals(26, csv.size(), "a header and one row per step drawn");
        assertTrue(csv.get(0).contains("$0-$11,600"), csv.get(0));
        assertTrue(Files.readString(dir.resolve("tax_rates.svg")).contains("Marginal tax rates"));
        assertTrue(Files.size(dir.resolve("tax_rates.pdf")) > 0 && Files.size(dir.resolve("tax_rates.png")) > 0);
    }
}
