package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's LLM tab against a real local HTTP server: usage per role, the planner's prompt, reply and reflection
 * per tax year, any LLM worker's last exchange, Copy, the budget bar; and a cassette replayed in the window shows
 * the same planner text.
 */
@ExtendWith(ApplicationExtension.class)
class LlmTabTest {

    private static final String KEY_ENV = "ECONLAB_UI_TEST_KEY";
    private static final String SECRET = "sk-ui-SECRET-9e1a";

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);
        LabWindowFixture w = LabWindowFixture.show(stage, scenario, runs, null, 1280, 800);
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void cleanUp() {
        model.shutdown();
    }

    private void setOptions(LlmOptions options) {
        model.setLlmOptions(options);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(20, condition);
    }

    @Test
    void theLlmTabShowsPromptsRepliesUsageAndTheBudget(FxRobot robot, @TempDir Path dir) throws Exception {
        try (FakeLlmServer server = new FakeLlmServer()) {
            EndpointProfile fake = new EndpointProfile("fake", EndpointProfile.Provider.OPENAI, server.openAiBaseUrl(),
                    "fake-model", 0.7, 1000, true, 4, 0, 0.15, 0.60, KEY_ENV, 10);
            Path f = dir.resolve("endpoints.json");
            Files.writeString(f, EndpointProfiles.toJson(fake));
            Path cassette = dir.resolve("cassette.jsonl");
            setOptions(LlmOptions.DEFAULT.withEndpointsFile(f).withEnv(Map.of(KEY_ENV, SECRET)::get)
                    .withTransportRetries(1, 2).withRecordTo(cassette).withBudget(10_000_000, 0));
            Scenario s = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"llm tab\",\"seed\":7,\"steps\":5,"
                    + "\"taxYearSteps\":2,\"population\":{\"agents\":4},\"brackets\":{\"preset\":\"three\"},"
                    + "\"worker\":{\"kind\":\"llm\",\"endpoint\":\"fake\"},\"planner\":{\"kind\":\"llm\",\"endpoint\":\"fake\"}}");
            robot.interact(() -> draft.replace(s, null));
            robot.clickOn("LLM");
            robot.interact(() -> model.runSteps(5));
            waitUntil(() -> model.stepsDoneProperty().get() == 5);

            TableView<?> usage = robot.lookup("#llm-usage").queryAs(TableView.class);
            waitUntil(() -> usage.getItems().size() == 2); // planner, worker
            TextArea planner = robot.lookup("#llm-planner-text").queryAs(TextArea.class);
            waitUntil(() -> planner.getText().startsWith("Tax year starting at step 4 (planner)")
                    && planner.getText().contains("[reflection]") && !planner.getText().contains("(none yet)"));
            String latest = planner.getText();
            assertTrue(latest.contains("You are an expert tax planner.") && latest.contains("[reply]\n{\"DELTA\""), latest);
            @SuppressWarnings("unchecked")
            ComboBox<String> year = robot.lookup("#llm-year").queryAs(ComboBox.class);
            assertEquals(java.util.List.of("step 2 (planner)", "step 4 (planner)"), year.getItems());
            robot.interact(() -> year.getSelectionModel().select(0));
            waitUntil(() -> planner.getText().startsWith("Tax year starting at step 2 (planner)"));
            String year1 = planner.getText();
            assertTrue(year1.contains("social welfare SWF. This implies:"), "the reflection of that year: " + year1);

            @SuppressWarnings("unchecked")
            ComboBox<String> who = robot.lookup("#llm-agent").queryAs(ComboBox.class);
            assertTrue(who.getItems().containsAll(java.util.List.of("planner", "worker 0", "worker 3")), who.getItems().toString());
            robot.interact(() -> who.setValue("worker 3"));
            TextArea exchange = robot.lookup("#llm-exchange-text").queryAs(TextArea.class);
            waitUntil(() -> exchange.getText().startsWith("worker 3, step 4"));
            assertTrue(exchange.getText().contains("You are worker_3, a citizen of Princetonia"), exchange.getText());
            assertFalse(exchange.getText().contains(SECRET));
            robot.interact(() -> robot.lookup("#llm-copy-exchange").queryAs(Button.class).fire());
            String[] clip = new String[1];
            robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
            assertEquals(exchange.getText(), clip[0]);

            ProgressBar budget = robot.lookup("#llm-budget").queryAs(ProgressBar.class);
            assertTrue(budget.isVisible() && budget.getProgress() > 0 && budget.getProgress() < 1, "" + budget.getProgress());
            assertTrue(robot.lookup("#llm-models").queryAs(javafx.scene.control.Label.class).getText()
                    .contains("worker: openai/fake-model @ http://127.0.0.1:" + server.port()));

            // the same run replayed from its cassette, no endpoint at all: the tab shows the same planner turn
            setOptions(LlmOptions.DEFAULT.withReplay(cassette, false).withBudget(10_000_000, 0));
            robot.interact(() -> model.reset());
            waitUntil(() -> model.stepsDoneProperty().get() == 0);
            robot.interact(() -> model.runSteps(5));
            waitUntil(() -> model.stepsDoneProperty().get() == 5);
            robot.interact(() -> year.getSelectionModel().clearSelection());
            try {
                waitUntil(() -> planner.getText().equals(latest));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("replayed: " + model.statusProperty().get() + " / " + model.failureProperty().get()
                        + "\n" + planner.getText());
            }
        }
    }
}
