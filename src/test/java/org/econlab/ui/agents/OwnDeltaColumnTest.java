package org.econlab.ui.agents;

import org.econlab.population.DeltaDistribution;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.editor.DeltaEdits;
import org.econlab.ui.run.RunViewModel;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 in the window: for the heterogeneous sample the editor shows δ as a uniform distribution with its meaning,
 * and the Agents tab has a δ column with each worker's own δ, which the selected worker's explanation states.
 */
@ExtendWith(ApplicationExtension.class)
class OwnDeltaColumnTest {

    @TempDir
    static Path runs;

    private RunViewModel model;

    @Start
    void start(Stage stage) {
        Scenario hetero = ScenarioCodec.read(Path.of("sample-scenarios/hetero-us-fed-100.json"));
        model = LabWindowFixture.show(stage, hetero, runs, null, 1024, 768).model();
    }

    @AfterEach
    void stopRun() {
        model.shutdown();
    }

    @Test
    void theEditorShowsTheDistributionAndTheAgentTableEachWorkersDelta(FxRobot robot) throws Exception {
        ComboBox<?> form = robot.lookup("#delta-form-box").queryAs(ComboBox.class);
        assertEquals(DeltaEdits.Form.UNIFORM, form.getValue());
        assertEquals("3", robot.lookup("#delta-min-field").queryAs(TextField.class).getText());
        assertEquals("5", robot.lookup("#delta-max-field").queryAs(TextField.class).getText());
        assertEquals("Each worker draws δ uniformly from 3 to 5: labour elasticities 1/(δ − 1) from 0.25 to 0.50.",
                robot.lookup("#delta-meaning").queryAs(Label.class).getText());

        robot.clickOn("Agents");
        robot.clickOn("#step-button");
        TableView<?> table = robot.lookup("#agent-table").queryAs(TableView.class);
        LabWindowFixture.waitUntil(20, () -> table.getItems().size() == 100
                && table.getColumns().stream().anyMatch(c -> "agent-column-delta".equals(c.getId())));
        TableColumn<?, ?> delta = table.getColumns().stream().filter(c -> "agent-column-delta".equals(c.getId()))
                .findFirst().orElseThrow();
        assertEquals("δ", ((Label) delta.getGraphic()).getText());
        DeltaDistribution d = DeltaDistribution.uniform(3, 5);
        org.econlab.simulation.Simulation sim = model.probe().simulation();
        double[] own = sim.population().deltas();
        org.econlab.economy.RationalBestResponse best = new org.econlab.economy.RationalBestResponse(sim.schedule(),
                sim.scenario().labour(), org.econlab.agents.WorkerKinds.rebateOf(sim.scenario().worker().json()),
                own.length);
        for (Object item : table.getItems()) {
            AgentRow r = (AgentRow) item;
            assertEquals(best.hours(r.skill(), own[r.agent()]), r.best(), 1e-9, "best response with its own δ");
            double shown = ((Number) delta.getCellObservableValue(table.getItems().indexOf(item)).getValue()).doubleValue();
            assertEquals(own[r.agent()], shown, 0, "worker " + r.agent());
            assertTrue(shown >= d.a() && shown <= d.b(), "worker " + r.agent() + ": " + shown);
        }

        robot.interact(() -> table.getSelectionModel().select(3));
        AgentRow selected = (AgentRow) table.getItems().get(3);
        String expected = String.format(java.util.Locale.ROOT, "with its own δ = %.2f (labour elasticity %.2f)",
                own[selected.agent()], 1 / (own[selected.agent()] - 1));
        LabWindowFixture.waitUntil(10, () -> robot.lookup("#agent-explain").queryAs(Label.class).getText()
                .contains(expected));
    }
}
