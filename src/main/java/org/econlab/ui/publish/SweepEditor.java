package org.econlab.ui.publish;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.econlab.config.InvalidInputException;
import org.econlab.sweep.SweepDefinition;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sweep as a form, as in NetLogo's BehaviorSpace: a base scenario, up to three parameters each with a list of
 * values or a range (from, to, step), seeds per point and an optional number of steps. It writes the sweep JSON
 * that {@code sweep} reads, and reads it back with {@link SweepDefinition#read} so that every run of the grid is
 * validated before the file is offered; a problem is shown in the form and nothing is lost. FX thread.
 */
public final class SweepEditor {

    /** Scenario paths a sweep usually varies (any dotted path may be typed). */
    static final List<String> COMMON_PATHS = List.of("planner.elasticity", "planner.kind", "utility.swf", "utility.c",
            "utility.delta", "taxYearSteps", "population.agents", "worker.kind", "worker.learningRate", "worker.explore",
            "brackets.rates", "seed", "warmupSteps");

    /** One parameter row of the form. */
    private static final class Row {
        final ComboBox<String> path = new ComboBox<>(FXCollections.observableArrayList(COMMON_PATHS));
        final ComboBox<String> mode = new ComboBox<>(FXCollections.observableArrayList("values", "range"));
        final TextField values = new TextField();
        final TextField from = new TextField();
        final TextField to = new TextField();
        final TextField step = new TextField();

        Row(int i) {
            path.setEditable(true);
            path.setId("sweep-path-" + i);
            path.setPromptText(i == 0 ? "e.g. planner.elasticity" : "(none)");
            path.setPrefWidth(200);
            mode.setValue("values");
            mode.setId("sweep-mode-" + i);
            values.setId("sweep-values-" + i);
            values.setPromptText("0.25, 0.5, 1, 2");
            from.setPromptText("from");
            to.setPromptText("to");
            step.setPromptText("step");
            for (TextField f : List.of(from, to, step)) {
                f.setPrefColumnCount(5);
            }
            Runnable show = () -> {
                boolean range = "range".equals(mode.getValue());
                values.setVisible(!range);
                values.setManaged(!range);
                for (TextField f : List.of(from, to, step)) {
                    f.setVisible(range);
                    f.setManaged(range);
                }
            };
            mode.setOnAction(e -> show.run());
            show.run();
        }

        String pathText() {
            String p = path.getEditor().getText();
            return p == null ? "" : p.trim();
        }
    }

    private SweepEditor() {
    }

    /** Shows the form; returns the sweep file written, or nothing when cancelled. */
    public static Optional<Path> show(Window owner, List<String> css, Path suggestedBase) {
        TextField name = new TextField("my sweep");
        name.setId("sweep-name");
        TextField base = new TextField(suggestedBase == null ? "" : suggestedBase.toString());
        base.setId("sweep-base");
        base.setPromptText("scenario file (.json)");
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
            File f = c.showOpenDialog(owner);
            if (f != null) {
                base.setText(f.getPath());
            }
        });
        Spinner<Integer> seeds = new Spinner<>(1, 1000, 3);
        seeds.setId("sweep-seeds");
        seeds.setEditable(true);
        TextField steps = new TextField();
        steps.setId("sweep-steps");
        steps.setPromptText("as in the scenario");
        List<Row> rows = new ArrayList<>();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Name"), name);
        HBox baseRow = new HBox(6, base, browse);
        HBox.setHgrow(base, Priority.ALWAYS);
        grid.addRow(1, new Label("Base scenario"), baseRow);
        for (int i = 0; i < 3; i++) {
            Row r = new Row(i);
            rows.add(r);
            HBox line = new HBox(6, r.path, r.mode, r.values, r.from, r.to, r.step);
            HBox.setHgrow(r.values, Priority.ALWAYS);
            grid.addRow(2 + i, new Label("Parameter " + (i + 1)), line);
        }
        grid.addRow(5, new Label("Seeds per point"), seeds);
        grid.addRow(6, new Label("Steps per run"), steps);
        Label problem = new Label();
        problem.setId("sweep-problem");
        problem.getStyleClass().add("error-label");
        problem.setWrapText(true);
        Label hint = new Label("Every combination of the parameters' values is a point; each point runs once per seed"
                + " (the scenario's seed, then the next ones). A path is a dotted path into the scenario file.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox content = new VBox(8, grid, hint, problem);
        content.setPadding(new Insets(8));
        Tooltip.install(rows.get(0).path, new Tooltip("A dotted path into the scenario, e.g. planner.elasticity"));

        Dialog<Path> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New sweep");
        d.setHeaderText("A parameter sweep (like NetLogo's BehaviorSpace): base scenario, parameters, seeds");
        d.getDialogPane().setContent(content);
        ButtonType save = new ButtonType("Save sweep…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.getDialogPane().getStylesheets().setAll(css);
        d.getDialogPane().setId("sweep-editor");
        d.setResizable(true);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        Path[] written = new Path[1];
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                JsonObject json = sweepJson(name.getText(), base.getText().trim(), rows, seeds.getValue(), steps.getText().trim());
                FileChooser c = new FileChooser();
                c.setTitle("Save the sweep");
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sweep (JSON)", "*.json"));
                c.setInitialFileName(name.getText().trim().replaceAll("[^A-Za-z0-9._-]+", "-") + ".sweep.json");
                File f = c.showSaveDialog(owner);
                if (f == null) {
                    e.consume();
                    return;
                }
                written[0] = write(json, f.toPath());
            } catch (InvalidInputException | IOException ex) {
                problem.setText(ex.getMessage());
                e.consume(); // keep the form open with everything typed
            }
        });
        d.setResultConverter(b -> b == save ? written[0] : null);
        return d.showAndWait();
    }

    /**
     * Writes {@code json} to {@code file} (a relative base is made relative to the file's folder) and reads it back
     * as a sweep, so an invalid sweep is never left behind.
     *
     * @throws InvalidInputException naming the problem (the file is removed)
     */
    static Path write(JsonObject json, Path file) throws IOException {
        JsonObject out = json.deepCopy();
        Path base = Path.of(out.get("base").getAsString()).toAbsolutePath();
        Path folder = file.toAbsolutePath().getParent();
        try {
            out.addProperty("base", folder.relativize(base).toString().replace(File.separatorChar, '/'));
        } catch (IllegalArgumentException differentRoot) {
            out.addProperty("base", base.toString());
        }
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(out) + "\n", StandardCharsets.UTF_8);
        try {
            SweepDefinition.read(file);
        } catch (InvalidInputException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** The sweep JSON of the form's values. */
    private static JsonObject sweepJson(String name, String base, List<Row> rows, int seeds, String steps) {
        if (base.isEmpty()) {
            throw new InvalidInputException("base", "choose a base scenario file");
        }
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", SweepDefinition.SCHEMA_VERSION);
        o.addProperty("name", name.isBlank() ? "sweep" : name.trim());
        o.addProperty("base", base);
        JsonArray params = new JsonArray();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.pathText().isEmpty()) {
                continue;
            }
            params.add(parameter(r, i));
        }
        if (params.isEmpty()) {
            throw new InvalidInputException("parameters", "give at least one parameter path and its values");
        }
        o.add("parameters", params);
        o.addProperty("seeds", seeds);
        if (!steps.isEmpty()) {
            try {
                o.addProperty("steps", Integer.parseInt(steps));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("steps", "\"" + steps + "\" is not a whole number");
            }
        }
        return o;
    }

    private static JsonObject parameter(Row r, int i) {
        JsonObject p = new JsonObject();
        p.addProperty("path", r.pathText());
        String where = "parameter " + (i + 1);
        if ("range".equals(r.mode.getValue())) {
            p.add("from", number(r.from.getText(), where + " from"));
            p.add("to", number(r.to.getText(), where + " to"));
            p.add("step", number(r.step.getText(), where + " step"));
        } else {
            JsonArray values = values(r.values.getText().trim());
            if (values.isEmpty()) {
                throw new InvalidInputException(where, "give its values, separated by commas");
            }
            p.add("values", values);
        }
        return p;
    }

    private static com.google.gson.JsonElement number(String text, String where) {
        try {
            return new com.google.gson.JsonPrimitive(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where, "\"" + text.trim() + "\" is not a number");
        }
    }

    /** "0.25, 0.5, 1" as values; lists or objects as JSON, e.g. "[10,20,30], [20,30,40]". */
    static JsonArray values(String text) {
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                return com.google.gson.JsonParser.parseString("[" + text + "]").getAsJsonArray();
            } catch (com.google.gson.JsonParseException e) {
                throw new InvalidInputException("values", "not valid JSON: " + text);
            }
        }
        JsonArray values = new JsonArray();
        for (String v : text.split(",")) {
            if (!v.isBlank()) {
                values.add(value(v.trim()));
            }
        }
        return values;
    }

    /** A typed value: a number when it reads as one, true/false, JSON when it starts with [ or {, else text. */
    static com.google.gson.JsonElement value(String text) {
        if (text.startsWith("[") || text.startsWith("{")) {
            return com.google.gson.JsonParser.parseString(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return new com.google.gson.JsonPrimitive(Boolean.parseBoolean(text));
        }
        try {
            double d = Double.parseDouble(text);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? new com.google.gson.JsonPrimitive((long) d)
                    : new com.google.gson.JsonPrimitive(d);
        } catch (NumberFormatException e) {
            return new com.google.gson.JsonPrimitive(text);
        }
    }
}
