package org.econlab.ui.shell;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.agents.AgentRow;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;

import javafx.event.Event;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21 in the window at 1024 x 768, as a teacher meets it: empty charts say how to start, the Agents tab's answer
 * to "why" is fully visible and a worker picked while paused shows its history, edits waiting for Reset are named,
 * welfare functions have readable names, and the editor's previews keep their data in view.
 */
@ExtendWith(ApplicationExtension.class)
class TeacherTripsTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(200);
        LabWindowFixture w = LabWindowFixture.show(stage, s, runs, 0.0, 1024, 768);
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void emptyChartsSayHowToStartAndTheWelfareBoxReadsAsWords(FxRobot robot) throws Exception {
        ChartPaneCheck rates = () -> view.panes().all().get(0).emptyHintShown();
        assertTrue(rates.shown(), "before the first step the rate chart says how to start");
        @SuppressWarnings("unchecked")
        ComboBox<Object> swf = robot.lookup("#swf-box").queryAs(ComboBox.class);
        String shown = swf.getButtonCell().getText();
        assertFalse(shown.contains("_"), shown);
        assertTrue(swf.getTooltip().getText().contains("\"inverse_skill\""), swf.getTooltip().getText());
        robot.interact(model::step);
        LabWindowFixture.waitUntil(20, () -> !rates.shown());
    }

    @Test
    void aSeedBandIsNotCoveredByTheHowToStartHint(FxRobot robot) throws Exception {
        Scenario s = model.scenarioProperty().get();
        org.econlab.ui.run.SeedEnsemble.Result two = org.econlab.ui.run.SeedEnsemble.run(s.withSteps(30), 2, s.seed(), 1,
                done -> { }, () -> false);
        robot.interact(() -> model.setScenario(s.withSteps(30)));
        robot.interact(() -> view.charts().ensemble(two));
        WaitForAsyncUtils.waitForFxEvents();
        var panes = view.panes().all();
        assertTrue(panes.get(0).emptyHintShown(), "the rate chart draws no band: it still says how to start");
        assertFalse(panes.get(1).emptyHintShown(), "the welfare chart draws the band, uncovered");
    }

    private interface ChartPaneCheck {
        boolean shown();
    }

    @Test
    void theAgentsTabAnswersWhyInFullAndAWorkerPickedWhilePausedShowsItsHistory(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(30));
        LabWindowFixture.waitUntil(30, () -> model.stepsDoneProperty().get() == 30);
        robot.interact(() -> view.selectTab(3));
        TableView<?> table = robot.lookup("#agent-table").queryAs(TableView.class);
        LabWindowFixture.waitUntil(20, () -> table.getItems().size() == 100);
        robot.interact(() -> table.getSelectionModel().select(7));
        int agent = ((AgentRow) table.getSelectionModel().getSelectedItem()).agent();
        LabWindowFixture.waitUntil(20, () -> view.charts().workerHistory.pointCount() == 30);
        assertEquals(30, model.stepsDoneProperty().get(), "no step was needed for the history");
        for (String empty : java.util.List.of("agent-column-persona", "agent-column-tolerance")) {
            assertTrue(table.getColumns().stream().noneMatch(c -> empty.equals(c.getId()) && c.isVisible()),
                    "workers without personas get no empty " + empty);
        }

        Label explain = robot.lookup("#agent-explain").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        String full = explain.getText();
        assertTrue(full.startsWith("Worker #" + agent) && full.contains("\nWhy: "), full);
        String drawn = robot.from(explain).lookup(".text").queryAllAs(Text.class).stream().map(Text::getText)
                .reduce("", String::concat);
        assertEquals(full.replace("\n", ""), drawn.replace("\n", ""), "the explanation is drawn in full, not cut");
        assertTrue(explain.getHeight() >= explain.prefHeight(explain.getWidth()) - 0.5, "it has the lines it needs");
    }

    @Test
    void editsThatWaitForResetLightTheButtonAndAreNamed(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(2));
        LabWindowFixture.waitUntil(20, () -> model.stepsDoneProperty().get() == 2);
        robot.interact(() -> draft.set("utility.swf", "maximin"));
        Label pending = robot.lookup("#pending-edits").queryAs(Label.class);
        LabWindowFixture.waitUntil(10, pending::isVisible);
        assertEquals("Reset applies: welfare function", pending.getText());
        assertTrue(robot.lookup("#reset-button").query().getStyleClass().contains("reset-pending"));
        robot.interact(model::reset);
        LabWindowFixture.waitUntil(10, () -> !pending.isVisible());
        assertFalse(robot.lookup("#reset-button").query().getStyleClass().contains("reset-pending"));
    }

    @Test
    void aPreviewIgnoresTheWheelAndRefitsWhenItsDataChange(FxRobot robot) throws Exception {
        robot.interact(() -> view.showEditor(true, false));
        ChartViewer prior = robot.lookup("#income-prior-chart").queryAs(ChartViewer.class);
        ValueAxis x = prior.getChart().getXYPlot().getDomainAxis();
        org.jfree.data.Range before = x.getRange();
        robot.interact(() -> Event.fireEvent(prior.getCanvas(), new ScrollEvent(ScrollEvent.SCROLL, 50, 50, 50, 50, false,
                false, false, false, false, false, 0, -120, 0, -120, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertEquals(before, x.getRange(), "the wheel does not zoom or pan a preview");
        robot.interact(() -> x.setRange(0, 1)); // a view left from before (as a pan once did)
        robot.interact(() -> draft.set("population.skills.mu", 90_000));
        LabWindowFixture.waitUntil(10, x::isAutoRange);
        assertTrue(x.getUpperBound() > 1000, "the preview shows its data again: " + x.getRange());
    }
}
