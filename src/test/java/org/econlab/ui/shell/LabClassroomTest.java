package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.seeds.SeedsViewModel;
import org.econlab.ui.votes.ElectionHistory;
import org.econlab.ui.run.SeedEnsemble;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.editor.CensusEditor;
import org.econlab.ui.LabApp;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.controlsfx.control.PropertySheet;
import org.econlab.population.CensusRaking;
import org.econlab.population.CensusRaking.Margin;
import org.econlab.population.CensusTable;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a teacher does with the window (issue 10): re-rake the persona marginals, run several seeds and see the
 * band, read the election history, set a rate with a slider mid-run, edit kind parameters in a form, open a
 * sample, read the monitors and the Help pages.
 */
@ExtendWith(ApplicationExtension.class)
class LabClassroomTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(200);
        LabWindowFixture w = LabWindowFixture.show(stage, scenario, runs, 0.0, 1280, 800);
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void stopRun() {
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(30, condition);
    }

    @Test
    void personaMarginalsAreReRakedToTheTargetsTypedAndEnterNeverClosesTheDialog(FxRobot robot) throws Exception {
        Button edit = robot.lookup("#edit-census-button").queryAs(Button.class);
        Platform.runLater(edit::fire); // a modal dialog
        waitUntil(() -> robot.lookup("#census-dialog").tryQuery().isPresent());
        TextField age = robot.lookup("#" + CensusEditor.shareId(Margin.AGE, 2)).queryAs(TextField.class); // 25-34
        robot.clickOn(age);
        robot.interact(age::selectAll);
        robot.write("40").type(javafx.scene.input.KeyCode.ENTER);
        TextField female = robot.lookup("#" + CensusEditor.shareId(Margin.SEX, 1)).queryAs(TextField.class);
        robot.clickOn(female);
        robot.interact(female::selectAll);
        robot.write("60").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#census-dialog").tryQuery().isPresent(), "Enter committed the share, the dialog stays");
        assertEquals("40.0", age.getText());
        assertEquals("60.0", female.getText());
        DialogPane pane = robot.lookup("#census-dialog").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        waitUntil(() -> draft.get("population.census") != null);
        CensusTable t = draft.scenarioProperty().get().population().census();
        assertEquals(40, CensusRaking.shares(t, Margin.AGE)[2], 0.5, "25-34 share");
        assertEquals(60, CensusRaking.shares(t, Margin.SEX)[1], 0.5, "female share");
        double[] occ = CensusRaking.shares(t, Margin.OCCUPATION);
        double[] occBefore = CensusRaking.shares(CensusTable.bundled(), Margin.OCCUPATION);
        for (int i = 0; i < occ.length; i++) {
            assertEquals(occBefore[i], occ[i], 0.5, "occupations held");
        }
        String summary = robot.lookup("#census-summary").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(summary.startsWith("Edited:") && summary.contains("60% female"), summary);
        // learning workers ignore personas: the editor says so
        robot.interact(() -> draft.set("population.personas", true));
        String note = robot.lookup("#persona-note").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(note.contains("learning workers ignore personas"), note);
    }

    @Test
    void severalSeedsGiveAMeanWithA95PercentBandAndARowPerSeed(FxRobot robot) throws Exception {
        robot.interact(() -> draft.set("steps", 100));
        waitUntil(() -> model.scenarioProperty().get().steps() == 100);
        robot.interact(() -> {
            view.sections().seeds.setCount(4);
            view.sections().seeds.start();
        });
        waitUntil(() -> view.sections().seeds.rows().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        List<SeedsViewModel.Row> rows = view.sections().seeds.rows();
        assertEquals(List.of("42", "43", "44", "45", "mean ± 95%"), rows.stream().map(SeedsViewModel.Row::seed).toList());
        assertTrue(rows.get(4).finalSwf().contains("±"), rows.get(4).finalSwf());
        robot.interact(() -> view.selectTab(4));
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.control.TableCell<?, ?> cell : robot.lookup("#seed-table .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class)) { // a mean and its interval are never cut ("51,…")
            if (cell.getText() != null && !cell.getText().isEmpty()) {
                javafx.scene.text.Text drawn = (javafx.scene.text.Text) cell.lookup(".text");
                assertEquals(cell.getText(), drawn.getText(), "cut in the seeds table");
            }
        }
        SeedEnsemble.Result r = view.charts().ensemble();
        assertEquals(4, r.seeds());
        SeedEnsemble.Band swf = r.bands().get(SeedEnsemble.SWF);
        assertEquals(100, swf.mean().length);
        boolean someSpread = false;
        for (int k = 0; k < swf.mean().length; k++) {
            assertTrue(swf.low()[k] <= swf.mean()[k] && swf.mean()[k] <= swf.high()[k]);
            someSpread |= swf.high()[k] > swf.low()[k];
        }
        assertTrue(someSpread, "seeds differ, so the band has a width");
        assertEquals(100, view.charts().welfare.bandPointCount(), "the band is drawn on the SWF chart");
        // the band is the mean of the seeds' own runs: seed 42 alone reproduces the window's run
        robot.interact(() -> model.runSteps(100));
        waitUntil(() -> model.stepsDoneProperty().get() == 100);
        assertEquals(100, view.charts().welfare.bandPointCount(), "the band stays while the window plays a seed of the same scenario");
        assertEquals(Double.parseDouble(rows.get(0).finalSwf().replace(",", "")), model.lastSnapshot().swf(),
                Math.abs(model.lastSnapshot().swf()) * 0.002 + 0.1, "seed 42's final SWF equals the window's run");
    }

    @Test
    void theElectionHistoryHasARowPerElectionWithBallotsAndTheWinner(FxRobot robot) throws Exception {
        robot.interact(() -> view.openFile(Path.of("sample-scenarios/democratic-100.json")));
        robot.interact(() -> draft.set("steps", 150));
        waitUntil(() -> model.scenarioProperty().get().steps() == 150);
        robot.interact(() -> model.runSteps(150));
        waitUntil(() -> model.stepsDoneProperty().get() == 150);
        WaitForAsyncUtils.waitForFxEvents();
        List<ElectionHistory.Row> rows = view.sections().votes.rows();
        assertEquals(6, rows.size(), "an election at the start of each of six tax years");
        for (int y = 0; y < 6; y++) {
            ElectionHistory.Row r = rows.get(y);
            assertEquals(y, r.taxYear());
            assertEquals(25 * y, r.step());
            assertTrue(r.ballots() > 0 && r.ballots() <= 100, "ballots " + r.ballots());
            assertTrue(r.winnerVotes() > 0 && r.winnerVotes() <= r.ballots());
            assertTrue(r.tally().startsWith("#"), r.tally());
            assertEquals(3, r.ratesAfter().split(" ").length, r.ratesAfter());
        }
        assertEquals("(start rates)", rows.get(0).platform());
        assertEquals(3, rows.get(1).platform().split(" ").length, rows.get(1).platform());
        assertTrue(robot.lookup("#election-table").tryQuery().isPresent());
        assertTrue(view.sections().monitors.value("leader").startsWith("#"), view.sections().monitors.value("leader"));
    }

    @Test
    void aSliderSetsARateMidRunMarkedOnTheChartConfirmedAndLogged(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(30));
        waitUntil(() -> model.stepsDoneProperty().get() == 30 && !model.runningProperty().get());
        robot.interact(() -> {
            view.rateSliders().refresh();
            view.rateSliders().set(0, 35);
        });
        robot.interact(model::step);
        waitUntil(() -> model.stepsDoneProperty().get() == 31);
        assertEquals(35.0, model.lastSnapshot().ratePercent(0));
        waitUntil(() -> view.charts().rates.interventions().contains(30));
        String status = robot.lookup("#status-label").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.contains("Rates set by hand from step 31"), status);
        assertTrue(view.sections().monitors.value("rates").startsWith("35 "), view.sections().monitors.value("rates"));
        robot.interact(() -> view.rateSliders().setAll(70));
        robot.interact(model::step);
        waitUntil(() -> model.stepsDoneProperty().get() == 32);
        double[] flat = model.lastSnapshot().ratesPercent();
        assertTrue(java.util.Arrays.stream(flat).allMatch(r -> r == 70), java.util.Arrays.toString(flat));
        robot.interact(model::stop);
        String events = Files.readString(model.lastRecord().resolve("events.jsonl"));
        assertTrue(events.contains("\"event\":\"intervention\"") && events.contains("slider"), events);
        assertTrue(events.contains("all brackets set to 70%"), events);
    }

    @Test
    void kindParametersAreAFormBuiltFromTheKindsOwnParser(FxRobot robot) throws Exception {
        PropertySheet worker = robot.lookup("#worker-form").queryAs(PropertySheet.class);
        List<String> names = worker.getItems().stream().map(PropertySheet.Item::getName).toList();
        assertTrue(names.containsAll(List.of("learningRate", "explore", "rebate")), names.toString());
        PropertySheet.Item lr = worker.getItems().stream().filter(i -> i.getName().equals("learningRate")).findFirst().orElseThrow();
        assertTrue(lr.getDescription().contains("in 0.000001..1") || lr.getDescription().contains(".."), lr.getDescription());
        robot.interact(() -> lr.setValue("0.25"));
        assertEquals(0.25, draft.get("worker.learningRate").getAsDouble());
        robot.interact(() -> lr.setValue(""));
        assertEquals(null, draft.get("worker.learningRate"), "empty: the default applies");
        robot.interact(() -> lr.setValue("7"));
        assertFalse(draft.validProperty().get(), "out of range is refused by validation");
        assertEquals("worker.learningRate", draft.errorPathProperty().get());
        robot.interact(draft::undo);

        com.google.gson.JsonObject saez = new com.google.gson.JsonObject();
        saez.addProperty("kind", "saez");
        robot.interact(() -> draft.set("planner", saez));
        PropertySheet planner = robot.lookup("#planner-form").queryAs(PropertySheet.class);
        assertTrue(planner.getItems().stream().anyMatch(i -> i.getName().equals("elasticity")));
    }

    @Test
    void samplesOpenWithTheirDescriptionAndTheChartsStartOver(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(20));
        waitUntil(() -> view.charts().welfare.pointCount() == 20);
        List<Samples.Sample> samples = Samples.list();
        assertTrue(samples.size() >= 8, "samples " + samples.size());
        Samples.Sample bounded = samples.stream().filter(s -> s.resource().endsWith("bounded-100.json")).findFirst().orElseThrow();
        assertFalse(bounded.scenario().description().isBlank());
        robot.interact(() -> view.openSample(bounded));
        waitUntil(() -> view.charts().welfare.pointCount() == 0);
        assertEquals(3, view.charts().rates.pointCounts().size(), "the legend and series follow the sample's three brackets");
        assertEquals(bounded.scenario().name(), draft.scenarioProperty().get().name());
    }

    @Test
    void theHelpMenuExplainsTheModelAndEveryModelFieldHasATooltip(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem about = bar.getMenus().stream().filter(m -> m.getText().equals("Help")).findFirst().orElseThrow()
                .getItems().get(0);
        robot.interact(about::fire);
        waitUntil(() -> robot.lookup("#help-dialog").tryQuery().isPresent());
        DialogPane help = robot.lookup("#help-dialog").queryAs(DialogPane.class);
        String text = robot.from(help).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).reduce("", String::concat);
        assertTrue(text.contains("u = z − T(z) + rebate − c · l^δ") && text.contains("max(z_i, 1)"), text);
        robot.interact(() -> help.getScene().getWindow().hide());
        for (String id : List.of("#seed-field", "#steps-field", "#tax-year-field", "#warmup-field", "#c-field",
                "#delta-field", "#agents-field", "#mu-field", "#sigma-field", "#nu-field", "#tau-field", "#swf-box")) {
            javafx.scene.control.Control c = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertTrue(c.getTooltip() != null && !c.getTooltip().getText().isBlank(), id + " has a tooltip");
        }
        assertEquals("72403", robot.lookup("#mu-field").queryAs(TextField.class).getText());
        assertEquals("2.072", robot.lookup("#sigma-field").queryAs(TextField.class).getText());
        assertEquals("0.4865", robot.lookup("#nu-field").queryAs(TextField.class).getText());
    }
}
