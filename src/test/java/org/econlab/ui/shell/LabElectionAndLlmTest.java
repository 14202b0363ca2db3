package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.agents.AgentsView;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.econlab.llm.EndpointProfile;
import org.econlab.llm.EndpointProfiles;
import org.econlab.llm.FakeLlmServer;
import org.econlab.llm.LlmOptions;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's voting and LLM controls (issue 5): voting on/off with undo, a real election of the democratic
 * sample in the Votes tab and the agent table, an endpoint profile per LLM role with "Test connection" against a
 * real local HTTP server, and an LLM worker's last prompt and reply; no key is ever shown.
 */
@ExtendWith(ApplicationExtension.class)
class LabElectionAndLlmTest {

    private static final String KEY_ENV = "ECONLAB_UI_TEST_KEY";
    private static final String SECRET = "sk-ui-SECRET-7c2d";

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);
        LabWindowFixture w = LabWindowFixture.show(stage, scenario, runs, 0.0, 1280, 800);
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void cleanUp() {
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(20, condition);
    }

    /** Whether {@code id}'s node and its nearest parents (inside the editor section) are visible. */
    private static boolean shown(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        for (int up = 0; up < 3 && n != null; up++, n = n.getParent()) { // below the (maybe collapsed) section
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String plannerKind() {
        return draft.get("planner").getAsJsonObject().get("kind").getAsString();
    }

    @Test
    void votingSwitchesThePlannerToDemocraticAndBackWithUndo(FxRobot robot) throws Exception {
        String before = draft.get("planner").toString();
        CheckBox voting = robot.lookup("#voting-check").queryAs(CheckBox.class);
        assertFalse(voting.isSelected());
        assertFalse(shown(robot, "#electorate-box"));
        robot.interact(voting::fire);
        waitUntil(() -> plannerKind().equals("democratic"));
        assertEquals("built_in", draft.get("planner.electorate").getAsString());
        assertTrue(draft.validProperty().get(), draft.errorMessageProperty().get());
        assertTrue(shown(robot, "#electorate-box"));

        robot.interact(voting::fire);
        waitUntil(() -> draft.get("planner").toString().equals(before));
        assertFalse(voting.isSelected());

        robot.interact(draft::undo); // voting on again, as edited
        waitUntil(() -> plannerKind().equals("democratic"));
        assertTrue(voting.isSelected());
        robot.interact(draft::undo);
        waitUntil(() -> draft.get("planner").toString().equals(before));
    }

    @Test
    void aRealElectionFillsTheVotesTabAndTheAgentTable(FxRobot robot) throws Exception {
        boolean[] opened = new boolean[1];
        robot.interact(() -> opened[0] = view.openFile(Path.of("sample-scenarios/democratic-100.json")));
        assertTrue(opened[0]);
        robot.interact(() -> draft.set("steps", 150)); // six tax years of 25 steps
        waitUntil(() -> model.scenarioProperty().get().steps() == 150);
        assertTrue(robot.lookup("#voting-check").queryAs(CheckBox.class).isSelected());

        robot.clickOn("Votes");
        robot.clickOn("#play-button");
        waitUntil(() -> model.stepsDoneProperty().get() == 150);
        waitUntil(() -> view.charts().leader.leaderStepCount() > 0);
        assertTrue(view.charts().leader.leaderStepCount() >= 100, "leader points " + view.charts().leader.leaderStepCount());
        assertTrue(view.charts().votes.barCount() >= 2, "the last election: the leader and the other candidates");
        // every leader's row says who it is (number and persona), not only "#78"
        org.jfree.chart.axis.SymbolAxis rows = (org.jfree.chart.axis.SymbolAxis) view.charts().leader.chart().getXYPlot()
                .getRangeAxis();
        assertTrue(rows.getSymbols().length >= 1);
        for (String row : rows.getSymbols()) {
            assertTrue(row.matches("#\\d+ .+, [MF] \\d+"), "a leader's row names its persona: " + row);
        }
        org.jfree.chart.plot.CategoryPlot ballots = (org.jfree.chart.plot.CategoryPlot) view.charts().votes.chart().getPlot();
        String leaderBar = ballots.getRenderer().getDefaultToolTipGenerator().generateToolTip(ballots.getDataset(), 0, 0);
        assertTrue(leaderBar.matches("Leader #\\d+ · .+, (Male|Female), \\d+: \\d+ ballots"), leaderBar);

        robot.clickOn("Agents");
        TableView<?> agents = robot.lookup("#agent-table").queryAs(TableView.class);
        try {
            waitUntil(() -> agents.getItems().size() == 100);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows " + agents.getItems().size() + " page " + model.probe().page());
        }
        waitUntil(() -> agents.getColumns().stream().anyMatch(c -> "agent-column-vote".equals(c.getId()))
                && agents.getColumns().stream().anyMatch(c -> "agent-column-satisfaction".equals(c.getId())));
        assertTrue(agents.getColumns().stream().anyMatch(c -> "agent-column-persona".equals(c.getId()) && c.isVisible()));
        org.econlab.ui.agents.AgentRow row = (org.econlab.ui.agents.AgentRow) agents.getItems().get(0);
        assertEquals(2, row.extra().length); // satisfaction (persona workers), vote (democratic planner)
        double vote = row.extra()[1];
        assertTrue(vote >= 0 && vote < 100 && vote == Math.rint(vote), "a vote is an agent index: " + vote);
        double satisfaction = row.extra()[0];
        assertTrue(satisfaction >= 0 && satisfaction <= 1, "satisfaction " + satisfaction);
    }

    private Path endpoints(Path dir, FakeLlmServer server) throws Exception {
        EndpointProfile fake = new EndpointProfile("fake", EndpointProfile.Provider.OPENAI, server.openAiBaseUrl(),
                "fake-model", 0.7, 1000, true, 4, 0, 0, 0, KEY_ENV, 10);
        EndpointProfile dead = new EndpointProfile("dead", EndpointProfile.Provider.OPENAI, "http://127.0.0.1:1/v1",
                "nobody", 0.7, 1000, true, 1, 0, 0, 0, KEY_ENV, 2);
        Path f = dir.resolve("endpoints.json");
        Files.writeString(f, EndpointProfiles.toJson(fake, dead));
        LlmOptions options = LlmOptions.DEFAULT.withEndpointsFile(f).withEnv(Map.of(KEY_ENV, SECRET)::get)
                .withTransportRetries(1, 2);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> model.setLlmOptions(options));
        return f;
    }

    @Test
    void anLlmRoleGetsAnEndpointChoiceAndATestConnectionButton(FxRobot robot, @TempDir Path dir) throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            endpoints(dir, server);
            assertFalse(shown(robot, "#worker-endpoint-box"));
            robot.interact(() -> draft.set("worker", JsonParser.parseString("{\"kind\":\"llm\"}")));
            @SuppressWarnings("unchecked")
            ComboBox<String> box = robot.lookup("#worker-endpoint-box").queryAs(ComboBox.class);
            waitUntil(() -> shown(robot, "#worker-endpoint-box"));
            assertEquals(java.util.List.of("fake", "dead"), box.getItems());
            robot.interact(() -> box.setValue("fake"));
            waitUntil(() -> "fake".equals(draft.get("worker.endpoint").getAsString()));

            Label result = robot.lookup("#worker-test-result").queryAs(Label.class);
            robot.interact(() -> robot.lookup("#worker-test-button").queryAs(Button.class).fire());
            waitUntil(() -> result.getText().contains("model fake-model"));
            assertTrue(result.getText().contains(" ms") && result.getText().contains("JSON mode works"), result.getText());
            assertTrue(server.authorizations.stream().anyMatch(a -> a.contains(SECRET)), "the key was sent");
            assertFalse(result.getText().contains(SECRET));

            robot.interact(() -> box.setValue("dead"));
            robot.interact(() -> robot.lookup("#worker-test-button").queryAs(Button.class).fire());
            waitUntil(() -> result.getText().startsWith("failed: dead"));
            assertFalse(result.getText().contains(SECRET) || result.getText().contains("\n"), result.getText());
            robot.interact(draft::undo);
            waitUntil(() -> "fake".equals(box.getValue()));

            // an LLM electorate gets its own endpoint row
            robot.interact(() -> robot.lookup("#voting-check").queryAs(CheckBox.class).fire());
            waitUntil(() -> plannerKind().equals("democratic"));
            robot.interact(() -> robot.lookup("#electorate-box").queryAs(ComboBox.class).setValue("LLM voters"));
            waitUntil(() -> draft.get("planner.electorate").isJsonObject());
            JsonObject electorate = draft.get("planner.electorate").getAsJsonObject();
            assertEquals("llm", electorate.get("kind").getAsString());
            assertEquals("fake", electorate.get("endpoint").getAsString());
            assertTrue(shown(robot, "#electorate-endpoint-box"));
            assertTrue(draft.validProperty().get(), draft.errorMessageProperty().get());
        }
    }

    @Test
    void theSelectedLlmWorkerShowsItsLastPromptAndReply(FxRobot robot, @TempDir Path dir) throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            endpoints(dir, server);
            Scenario s = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"llm ui\",\"seed\":7,\"steps\":4,"
                    + "\"taxYearSteps\":2,\"population\":{\"agents\":5,\"personas\":false},\"brackets\":{\"preset\":\"three\"},"
                    + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"saez\"}}");
            robot.interact(() -> draft.replace(s, null));
            robot.clickOn("Agents");
            robot.interact(() -> model.runSteps(2));
            waitUntil(() -> model.stepsDoneProperty().get() == 2);
            TableView<?> agents = robot.lookup("#agent-table").queryAs(TableView.class);
            waitUntil(() -> agents.getItems().size() == 5);
            TextArea exchange = robot.lookup("#agent-exchange").queryAs(TextArea.class);
            assertFalse(shown(robot, "#agent-exchange"), "nothing selected yet");
            robot.interact(() -> agents.getSelectionModel().select(0));
            waitUntil(() -> shown(robot, "#agent-exchange") && exchange.getText().contains("REPLY"));
            assertTrue(exchange.getText().contains("PROMPT") && exchange.getText().contains("LABOR"), exchange.getText());
            assertFalse(exchange.getText().contains(SECRET));
            assertNull(robot.lookup("#agent-column-vote").tryQuery().orElse(null));
        }
    }
}
