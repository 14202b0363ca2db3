package org.econlab.ui.shell;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.econlab.lesson.Lesson;
import org.econlab.lesson.LessonLibrary;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.charts.PairedLineChart;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.lessons.LessonViewModel;
import org.econlab.ui.run.RunViewModel;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetAddress;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 in the window: the lesson chooser is the first screen, a lesson opens its panel beside the charts with
 * the step's question and, once computed, its filled explanation; Next and Back; leaving keeps the economy playing;
 * the Run menu's side by side draws two economies on shared axes; the step's question reaches a live class.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private MainView view;
    private ScenarioDraft draft;

    @Start
    void start(Stage stage) {
        LabWindowFixture w = LabWindowFixture.showAsLaunched(stage, ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO),
                runs, 20.0, 1024, 768);
        model = w.model();
        view = w.view();
        draft = w.draft();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(view::endClass).get();
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(30, condition);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theChooserIsFirstAndJustExploreShowsTheWindowWithTheDefaultScenario(FxRobot robot) {
        assertTrue(view.startScreenShown());
        ListView<?> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        assertEquals(LessonLibrary.bundledIds().size(), list.getItems().size());
        assertTrue(list.getItems().size() >= 5);
        Lesson first = (Lesson) list.getSelectionModel().getSelectedItem();
        assertTrue(robot.lookup("#lesson-preview .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(first.step(0).question())), "the preview shows the first question");
        robot.clickOn("#just-explore");
        assertFalse(view.startScreenShown());
        assertEquals(ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO), model.scenarioProperty().get());
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty(), "no lesson panel without a lesson");
    }

    @Test
    void theAnswersFiguresOpenLargeInTheirOwnWindow(FxRobot robot) throws Exception {
        Lesson laffer = LessonLibrary.bundled("laffer-curve");
        robot.clickOn("#just-explore");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.lessons().model.begin(laffer)).get());
        waitUntil(() -> robot.lookup("#lesson-figures .button").queryAll().size() >= 1);
        javafx.scene.control.Button revenue = robot.lookup("#lesson-figures .button").queryAllAs(
                javafx.scene.control.Button.class).stream().filter(b -> b.getText().startsWith("Tax revenue against"))
                .findFirst().orElseThrow(() -> new AssertionError("no Laffer curve among the answer's figures"));
        robot.interact(revenue::fire); // below the fold of the panel at 1024x768: the teacher scrolls, the test fires
        waitUntil(() -> robot.lookup("#answer-figure").tryQuery().isPresent());
        org.econlab.ui.charts.ChartPane pane = robot.lookup("#answer-figure").queryAs(org.econlab.ui.charts.ChartPane.class);
        assertEquals(revenue.getText(), pane.chart().getTitle().getText());
        assertTrue(pane.getScene().getWidth() <= 1024 && pane.getScene().getHeight() <= 700, "fits a projector's screen");
        javafx.stage.Window figureWindow = pane.getScene().getWindow();
        robot.clickOn("#lesson-next");
        waitUntil(() -> !figureWindow.isShowing()); // it showed the step the lesson has left
        waitUntil(() -> robot.lookup("#lesson-figures .button").queryAll().isEmpty()
                || !robot.lookup("#lesson-figures .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .anyMatch(b -> b == revenue));
    }

    @Test
    void aLessonOpensItsPanelComputesItsStepAndGoesNextAndBack(FxRobot robot) throws Exception {
        Lesson lesson = LessonLibrary.bundled("taxes-and-hours");
        ListView<?> list = robot.lookup("#lesson-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .map(l -> ((Lesson) l).id()).toList().indexOf(lesson.id())));
        robot.clickOn("#start-lesson");
        assertFalse(view.startScreenShown());
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isPresent());
        assertEquals("Step 1 of " + lesson.steps().size() + ": " + lesson.step(0).title(),
                text(robot, "#lesson-step-heading"));
        assertEquals(lesson.step(0).question(), text(robot, "#lesson-question"));
        Scenario stepOne = lesson.step(0).scenarioFrom(null);
        assertEquals(stepOne, model.scenarioProperty().get(), "the step's economy is the window's");
        waitUntil(() -> !LessonViewModel.COMPUTING.equals(text(robot, "#lesson-explanation")));
        String explanation = text(robot, "#lesson-explanation");
        assertFalse(explanation.contains("{"), "every placeholder filled: " + explanation);
        assertFalse(explanation.startsWith("This step's numbers could not"), explanation);
        assertTrue(robot.lookup("#lesson-claims .claim-holds").queryAll().size() >= 1);

        robot.clickOn("#lesson-next");
        assertEquals("Step 2 of " + lesson.steps().size() + ": " + lesson.step(1).title(),
                text(robot, "#lesson-step-heading"));
        assertEquals(lesson.step(1).question(), text(robot, "#lesson-question"));
        assertEquals(lesson.step(1).scenarioFrom(stepOne), model.scenarioProperty().get());
        robot.clickOn("#lesson-back");
        assertEquals(lesson.step(0).question(), text(robot, "#lesson-question"));
        assertTrue(robot.lookup("#lesson-back").queryButton().isDisabled(), "no step before the first");
        waitUntil(() -> !LessonViewModel.COMPUTING.equals(text(robot, "#lesson-explanation")));
        assertEquals(explanation, text(robot, "#lesson-explanation"), "the same step, the same numbers");
    }

    @Test
    void leavingTheLessonKeepsTheEconomyPlaying(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.beginLesson("taxes-and-hours")).get();
        Scenario scenario = model.scenarioProperty().get();
        waitUntil(() -> model.runningProperty().get() && model.stepsDoneProperty().get() > 2);
        robot.clickOn("#lesson-leave");
        assertTrue(robot.lookup("#lesson-panel").tryQuery().isEmpty());
        assertTrue(model.runningProperty().get(), "the economy plays on");
        assertSame(scenario, model.scenarioProperty().get());
        int done = model.stepsDoneProperty().get();
        waitUntil(() -> model.stepsDoneProperty().get() > done + 2);
    }

    @Test
    void theRunMenuPlaysTwoPoliciesSideBySideOnSharedAxes(FxRobot robot) throws Exception {
        robot.clickOn("#just-explore");
        Scenario small = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(60);
        robot.interact(() -> {
            model.setSpeed(0); // as fast as it goes
            draft.replace(small, null);
            model.reset();
        });
        ComboBox<?> right = robot.lookup("#side-right-policy").queryAs(ComboBox.class);
        robot.interact(() -> right.getSelectionModel().select(5)); // free market
        robot.clickOn("Run").clickOn("Run side by side (two policies)");
        waitUntil(() -> view.sections().sideBySide.startsProperty().get() == 1
                && !view.sections().sideBySide.runningProperty().get());
        robot.interact(() -> { }); // the last frame drew the last pairs
        for (PairedLineChart c : view.sections().sideBySideView.charts()) {
            assertEquals(60, c.points(0), c.chart().getTitle().getText());
            assertEquals(60, c.points(1));
            XYPlot plot = c.chart().getXYPlot();
            assertEquals(1, plot.getDatasetCount(), "one dataset: both lines on the same axes");
            assertEquals(2, plot.getDataset().getSeriesCount());
        }
        PairedLineChart rates = view.sections().sideBySideView.charts().get(1);
        assertEquals("This scenario's planner", rates.name(0));
        assertEquals("Free market (no tax)", rates.name(1));
        XYPlot plot = rates.chart().getXYPlot();
        assertEquals(0.0, plot.getDataset().getYValue(1, 59), 1e-9, "no tax on the right");
        assertTrue(plot.getDataset().getYValue(0, 59) > 0, "icrl taxes on the left");
        assertTrue(text(robot, "#side-status").contains("done, 60 steps"), text(robot, "#side-status"));
    }

    @Test
    void aSideBySideStepPlaysItsTwoEconomiesAndTheNextStepStopsThem(FxRobot robot) throws Exception {
        Path folder = runs.resolve("two-planners");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("lesson.json"), """
                {"schemaVersion": 1, "id": "two-planners", "title": "Two planners", "level": "school",
                 "summary": "s", "goals": ["g"], "seeds": [7],
                 "steps": [
                  {"title": "Side by side", "scenario": {"sample": "classroom-100"},
                   "changes": {"steps": 40, "population.agents": 10},
                   "do": "Watch.", "question": "Which collects more?",
                   "explanation": "icrl ends at {icrl.meanRate|d1}%, no tax at {free.meanRate|d1}%.",
                   "measure": [{"name": "icrl", "label": "A learning planner",
                                "changes": {"planner": {"kind": "icrl"}}},
                               {"name": "free", "changes": {"planner": {"kind": "free_market"}}}],
                   "sideBySide": ["icrl", "free"],
                   "claims": [{"text": "icrl taxes more", "that": "icrl.meanRate > free.meanRate"}]},
                  {"title": "One economy", "do": "Watch.", "question": "And now?",
                   "explanation": "{free.meanRate|d1}",
                   "measure": [{"name": "free", "changes": {"planner": {"kind": "free_market"}}}]}]}
                """);
        org.econlab.lesson.Lesson lesson = LessonLibrary.load(folder.toString());
        robot.clickOn("#just-explore");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.lessons().model.begin(lesson)).get());
        var side = view.sections().sideBySide;
        assertEquals("A learning planner", side.leftNameProperty().get(), "the measurement's label, in words");
        assertEquals("free", side.rightNameProperty().get(), "the name, when the lesson gives no label");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("A learning planner", robot.lookup("#side-left-policy").queryAs(javafx.scene.control.ComboBox.class)
                .getValue().toString(), "the tab's pickers show the pair the lesson plays");
        assertEquals("free", robot.lookup("#side-right-policy").queryAs(javafx.scene.control.ComboBox.class).getValue()
                .toString());
        assertEquals(side.economies().left().scenario(), model.scenarioProperty().get(),
                "the window holds the left economy");
        assertFalse(model.runningProperty().get(), "one runner plays: the pair's");
        waitUntil(() -> !side.runningProperty().get());
        robot.interact(() -> { });
        assertEquals(40, view.sections().sideBySideView.charts().get(0).points(0));
        assertEquals(40, view.sections().sideBySideView.charts().get(0).points(1));
        waitUntil(() -> robot.lookup("#lesson-claims .claim-holds").queryAll().size() == 1);
        assertTrue(text(robot, "#lesson-explanation").endsWith("no tax at 0.0%."), text(robot, "#lesson-explanation"));

        robot.clickOn("#lesson-next");
        assertSame(view.sections().tabs.root().getTabs().get(0), view.sections().tabs.selected());
        waitUntil(() -> model.runningProperty().get());
    }

    @Test
    void theStepsQuestionReachesALiveClassAndLeavingClearsIt(FxRobot robot) throws Exception {
        robot.clickOn("#just-explore");
        String refused = WaitForAsyncUtils.asyncFx(() -> view.sections().classroom.start(
                InetAddress.getLoopbackAddress(), 0, 4, false, 30)).get();
        assertNull(refused);
        WaitForAsyncUtils.asyncFx(() -> view.beginLesson("taxes-and-hours")).get();
        Lesson lesson = LessonLibrary.bundled("taxes-and-hours");
        assertEquals(lesson.step(0).question().strip(), view.sections().classroom.session().prompt());
        robot.clickOn("#lesson-next");
        assertEquals(lesson.step(1).question().strip(), view.sections().classroom.session().prompt());
        assertNotEquals(lesson.step(0).question(), lesson.step(1).question());
        robot.clickOn("#lesson-leave");
        assertNull(view.sections().classroom.session().prompt(), "no lesson, no prompt");
    }
}
