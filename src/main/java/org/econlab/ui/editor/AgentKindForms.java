package org.econlab.ui.editor;


import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.econlab.agents.PlannerKinds;
import org.econlab.agents.WorkerKinds;
import org.econlab.config.InvalidInputException;
import org.econlab.config.StrictJson;
import org.econlab.llm.ConnectionCheck;
import org.econlab.llm.EndpointProfiles;
import org.econlab.llm.LlmOptions;
import org.econlab.ui.widgets.BackgroundWork;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The editor's worker, planner and voting forms: a kind chooser per role with the kind's own fields, and an endpoint
 * row for each LLM role (profile choice and a connection test). Writes to the {@link ScenarioDraft}. FX thread.
 */
final class AgentKindForms {

    private final ScenarioDraft draft;
    private final Fields fields;
    private final Supplier<LlmOptions> llmOptions;

    AgentKindForms(ScenarioDraft draft, Fields fields, Supplier<LlmOptions> llmOptions) {
        this.draft = draft;
        this.fields = fields;
        this.llmOptions = llmOptions;
    }

    /** The worker, planner and voting forms with their endpoint rows. */
    Node root() {
        VBox box = new VBox(6);
        box.getChildren().addAll(kindEditor("Worker kind", "worker", WorkerKinds.descriptions()),
                endpointRow("worker", "worker.endpoint", "LLM endpoint"),
                kindEditor("Planner kind", "planner", PlannerKinds.descriptions()),
                endpointRow("planner", "planner.endpoint", "LLM endpoint"),
                votingBox(),
                endpointRow("electorate", "planner.electorate.endpoint", "Voters' endpoint"));
        return box;
    }

    // ---- voting and LLM endpoints ----

    private static final String DEMOCRATIC = "democratic";
    private static final String LLM = "llm";
    /** The planner JSON before voting was switched on, restored when it is switched off. */
    private JsonObject plannerBeforeVoting;

    String kindAt(String path) {
        JsonElement e = draft.get(path);
        if (e == null) {
            return "";
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString(); // an electorate given by name
        }
        if (e.isJsonObject() && e.getAsJsonObject().has("kind")) {
            return Fields.display(e.getAsJsonObject().get("kind"), "");
        }
        return "";
    }

    private Node votingBox() {
        CheckBox voting = new CheckBox("Leader elected by the workers (voting)");
        voting.setId("voting-check");
        voting.setTooltip(new Tooltip("Every tax year the workers run on platforms and vote; the leader's platform sets "
                + "the rates (planner kind \"democratic\")"));
        ComboBox<String> electorate = new ComboBox<>(FXCollections.observableArrayList("built-in voters", "LLM voters"));
        electorate.setId("electorate-box");
        Label electorateLabel = new Label("Electorate");
        HBox electorateRow = new HBox(8, electorateLabel, electorate);
        electorateRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        electorateRow.setPadding(new Insets(0, 0, 0, 24));
        fields.register("planner.electorate", electorate, () -> {
            boolean on = kindAt("planner").equals(DEMOCRATIC);
            voting.setSelected(on);
            electorateRow.setVisible(on);
            electorateRow.setManaged(on);
            electorate.setValue(kindAt("planner.electorate").equals(LLM) ? "LLM voters" : "built-in voters");
        });
        voting.setOnAction(e -> {
            if (fields.refreshing()) {
                return;
            }
            JsonElement current = draft.get("planner");
            if (voting.isSelected()) {
                if (current != null && current.isJsonObject() && !kindAt("planner").equals(DEMOCRATIC)) {
                    plannerBeforeVoting = current.getAsJsonObject().deepCopy();
                }
                JsonObject d = new JsonObject();
                d.addProperty("kind", DEMOCRATIC);
                d.addProperty("electorate", "built_in");
                draft.set("planner", d);
            } else {
                JsonObject back = plannerBeforeVoting;
                if (back == null) {
                    back = new JsonObject();
                    back.addProperty("kind", "icrl");
                }
                draft.set("planner", back.deepCopy());
            }
        });
        electorate.setOnAction(e -> {
            if (fields.refreshing() || electorate.getValue() == null || !kindAt("planner").equals(DEMOCRATIC)) {
                return;
            }
            boolean llm = electorate.getValue().startsWith("LLM");
            if (llm == kindAt("planner.electorate").equals(LLM)) {
                return;
            }
            if (llm) {
                JsonObject o = new JsonObject();
                o.addProperty("kind", LLM);
                List<String> names = profileNames();
                o.addProperty("endpoint", names.isEmpty() ? "" : names.get(0));
                draft.set("planner.electorate", o);
            } else {
                draft.set("planner.electorate", new JsonPrimitive("built_in"));
            }
        });
        return new VBox(4, voting, electorateRow);
    }

    /** The profile names in the user's endpoint file (empty when there is none or it cannot be read). */
    private List<String> profileNames() {
        try {
            return List.copyOf(loadProfiles().all().keySet());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private EndpointProfiles loadProfiles() {
        LlmOptions o = llmOptions.get();
        return EndpointProfiles.load(o.endpointsFile(), o.env());
    }

    /**
     * A row shown while the role at {@code role}'s path is an LLM: a choice of endpoint profile (writing
     * {@code endpointPath}) and a "Test connection" button that runs {@link ConnectionCheck} in the background.
     */
    private Node endpointRow(String role, String endpointPath, String label) {
        String rolePath = endpointPath.substring(0, endpointPath.lastIndexOf('.'));
        ComboBox<String> profile = new ComboBox<>();
        profile.setId(role + "-endpoint-box");
        profile.setPromptText("endpoint profile");
        Button test = new Button("Test connection");
        test.setId(role + "-test-button");
        Label result = new Label();
        result.setId(role + "-test-result");
        result.setWrapText(true);
        result.getStyleClass().add("hint");
        Label title = new Label(label);
        title.setMinWidth(Region.USE_PREF_SIZE);
        test.setMinWidth(Region.USE_PREF_SIZE);
        profile.setPrefWidth(150);
        HBox row = new HBox(8, title, profile, test);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, result);
        box.setPadding(new Insets(0, 0, 4, role.equals("electorate") ? 24 : 0));
        Runnable reloadNames = () -> {
            String file;
            List<String> names;
            try {
                EndpointProfiles ps = loadProfiles();
                names = List.copyOf(ps.all().keySet());
                file = names.isEmpty() ? "No endpoint profiles yet: add them to " + EndpointProfiles.location(
                        llmOptions.get().endpointsFile(), llmOptions.get().env()) : null;
            } catch (RuntimeException ex) {
                names = List.of();
                file = "Endpoint file: " + BackgroundWork.explain(ex);
            }
            if (!profile.getItems().equals(names)) {
                profile.getItems().setAll(names);
            }
            if (file != null && result.getText().isEmpty()) {
                result.setText(file);
            }
        };
        fields.register(endpointPath, profile, () -> {
            boolean llm = kindAt(rolePath).equals(LLM)
                    && (!role.equals("electorate") || kindAt("planner").equals(DEMOCRATIC));
            box.setVisible(llm);
            box.setManaged(llm);
            if (!llm) {
                return;
            }
            reloadNames.run();
            JsonElement e = draft.get(endpointPath);
            String name = e == null ? null : e.isJsonArray() ? (e.getAsJsonArray().isEmpty() ? null
                    : Fields.display(e.getAsJsonArray().get(0), "")) : Fields.display(e, "");
            profile.setValue(name == null || name.isEmpty() ? null : name);
        });
        profile.setOnShowing(e -> reloadNames.run());
        profile.setOnAction(e -> {
            if (fields.refreshing() || profile.getValue() == null) {
                return;
            }
            JsonElement cur = draft.get(endpointPath);
            if (cur != null && cur.isJsonPrimitive() && cur.getAsString().equals(profile.getValue())) {
                return;
            }
            result.setText("");
            draft.set(endpointPath, profile.getValue());
        });
        test.setOnAction(e -> {
            String chosen = profile.getValue();
            if (chosen == null || chosen.isBlank()) {
                result.setText("Choose an endpoint profile first.");
                return;
            }
            test.setDisable(true);
            result.setText("Testing " + chosen + "…");
            LlmOptions options = llmOptions.get();
            Task<ConnectionCheck> task = new Task<>() {
                @Override
                protected ConnectionCheck call() {
                    EndpointProfiles ps = EndpointProfiles.load(options.endpointsFile(), options.env());
                    return ConnectionCheck.run(ps.get(chosen, endpointPath), options.env());
                }
            };
            task.setOnSucceeded(ev -> {
                test.setDisable(false);
                ConnectionCheck c = task.getValue();
                result.setText(c.ok() ? chosen + ": " + c.summary() : c.summary());
            });
            task.setOnFailed(ev -> {
                test.setDisable(false);
                result.setText("failed: " + BackgroundWork.explain(task.getException()).replaceAll("\\s+", " "));
            });
            Thread t = new Thread(task, "lab-connection-test");
            t.setDaemon(true);
            t.start();
        });
        return box;
    }

    private Node kindEditor(String label, String path, Map<String, String> kinds) {
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(kinds.keySet()));
        kind.setId(path + "-kind-box");
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        KindForm form = new KindForm(draft, path, fields -> {
            if (path.equals("worker")) {
                WorkerKinds.parse(fields, draft.scenarioProperty().get().labour());
            } else {
                PlannerKinds.parse(fields, draft.scenarioProperty().get().brackets());
            }
        });
        TextArea params = new TextArea();
        params.setId(path + "-params");
        params.setPrefRowCount(3);
        params.setWrapText(true);
        fields.register(path, params, () -> {
            JsonElement e = draft.get(path);
            JsonObject o = e != null && e.isJsonObject() ? e.getAsJsonObject().deepCopy() : new JsonObject();
            String k = o.has("kind") ? Fields.display(o.get("kind"), "") : "";
            kind.setValue(k);
            description.setText(kinds.getOrDefault(k, ""));
            o.remove("kind");
            params.setText(o.toString());
            form.refresh();
        });
        kind.setOnAction(e -> {
            if (fields.refreshing() || kind.getValue() == null) {
                return;
            }
            JsonObject o = new JsonObject();
            o.addProperty("kind", kind.getValue());
            draft.set(path, o);
        });
        params.focusedProperty().addListener((o, was, now) -> {
            if (now || fields.refreshing()) {
                return;
            }
            JsonObject p;
            try {
                // As a scenario file is read: a field given twice is refused, not silently the last one.
                JsonElement parsed = StrictJson.parse(params.getText().isBlank() ? "{}" : params.getText());
                if (!parsed.isJsonObject()) {
                    throw new InvalidInputException("", "not an object");
                }
                p = parsed.getAsJsonObject();
            } catch (InvalidInputException ex) {
                params.getStyleClass().add("field-error");
                params.setTooltip(new Tooltip(path + ": parameters must be a JSON object {...}"
                        + (ex.fieldPath().isEmpty() ? "" : " (" + ex.getMessage() + ")")));
                return;
            }
            JsonObject full = new JsonObject();
            full.addProperty("kind", kind.getValue() == null ? "" : kind.getValue());
            p.entrySet().forEach(en -> {
                if (!en.getKey().equals("kind")) {
                    full.add(en.getKey(), en.getValue());
                }
            });
            draft.set(path, full);
        });
        GridPane g = FormParts.grid();
        g.addRow(0, FormParts.label(label, path), kind);
        TitledPane json = new TitledPane("Parameters as JSON (advanced)", params);
        json.setExpanded(false);
        json.setAnimated(false);
        VBox box = new VBox(4, g, description, form.sheet(), json);
        return box;
    }
}
