package org.econlab.ui.editor;

import org.econlab.ui.widgets.FieldHelp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.econlab.config.InvalidInputException;
import org.econlab.population.CensusTable;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The scenario being edited (MVVM view model, FX thread only). The draft is the scenario's JSON, so
 * every edit is validated by {@link ScenarioCodec} exactly as a file would be, and the problem is
 * reported with its field path (e.g. {@code brackets.rates[2]}) for the view to show at the field.
 * Parameters of worker and planner kinds are edited as JSON too, so kinds added later need no UI code.
 *
 * <p>While the draft is invalid {@link #scenarioProperty()} keeps the last valid scenario and
 * {@link #validProperty()} is false: nothing can start a run from it. Undo/redo keep every edit.
 */
public final class ScenarioDraft {

    private static final int MAX_UNDO = 200;

    private final ReadOnlyObjectWrapper<JsonObject> json = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper errorPath = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Problem>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private String savedText;

    public ScenarioDraft(Scenario initial) {
        replace(initial, null);
    }

    /** The JSON being edited (treat as read-only; edit through {@link #edit}). */
    public ReadOnlyObjectProperty<JsonObject> jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** The last valid scenario of the draft. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Field path of the current problem, e.g. {@code brackets.rates[2]}; empty when valid. */
    public ReadOnlyStringProperty errorPathProperty() {
        return errorPath.getReadOnlyProperty();
    }

    /** The whole problem, {@code path: reason}; empty when valid. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /**
     * One problem of the draft: the field path (as a scenario file names it) and the reason.
     *
     * @param path    e.g. {@code brackets.rates[2]}
     * @param message the whole problem, {@code path: reason}
     */
    public record Problem(String path, String message) {

        /** The reason alone (the message without its path). */
        public String reason() {
            return message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
        }

        /** Where the problem is, as the editor shows it: rows counted from 1 as the tables count them. */
        public String where() {
            return FieldHelp.where(path);
        }

        /** "Bracket 3, start rate: 150 is outside 0..100 (brackets.rates[2])". */
        public String human() {
            String w = where();
            return (w.isEmpty() ? "" : w + ": ") + reason() + (path.isEmpty() ? "" : " (" + path + ")");
        }
    }

    /** Most problems listed at once (each further one is found by setting the previous one's field back). */
    public static final int MAX_PROBLEMS = 10;

    /** Every problem found (up to {@link #MAX_PROBLEMS}), the first being {@link #errorPathProperty()}'s. */
    public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** All problems in words, one per line; empty when valid. */
    public ReadOnlyStringProperty problemSummaryProperty() {
        return problemSummary.getReadOnlyProperty();
    }

    /** True when the draft differs from what was last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The file the draft was opened from or saved to, or null for a new scenario. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Starts over from {@code s} (New / Open): clears undo history and marks the draft saved. */
    public void replace(Scenario s, Path from) {
        undo.clear();
        redo.clear();
        JsonObject o = ScenarioCodec.toJson(s);
        savedText = o.toString();
        file.set(from);
        apply(o);
    }

    /** Opens a scenario file; on a bad file throws {@link InvalidInputException} and keeps the draft as it was. */
    public void open(Path path) {
        Scenario s = ScenarioCodec.read(path);
        replace(s, path);
    }

    /**
     * Saves the draft as JSON. The draft must be valid: an invalid scenario is never written.
     *
     * @throws InvalidInputException when the draft is invalid
     * @throws IOException when the file cannot be written (the draft is kept)
     */
    public void save(Path path) throws IOException {
        if (!valid.get()) {
            throw new InvalidInputException(errorPath.get(), "cannot save an invalid scenario: " + errorMessage.get());
        }
        Files.writeString(path, ScenarioCodec.write(scenario.get()), StandardCharsets.UTF_8);
        savedText = json.get().toString();
        file.set(path);
        dirty.set(false);
    }

    /** Applies an edit to a copy of the JSON, records it for undo and validates the result. */
    public void edit(Consumer<JsonObject> change) {
        JsonObject copy = json.get().deepCopy();
        change.accept(copy);
        if (copy.toString().equals(json.get().toString())) {
            return;
        }
        undo.push(json.get().toString());
        if (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        apply(copy);
    }

    /** The persona table of the draft: its own (inline in the scenario), or the bundled CPS 2024 table. */
    public CensusTable census() {
        CensusTable t = scenario.get() == null ? null : scenario.get().population().census();
        return t == null ? CensusTable.bundled() : t;
    }

    /** Stores an edited persona table in the draft (one undoable edit); the bundled table is stored as "absent". */
    public void setCensus(CensusTable table) {
        edit(o -> {
            JsonObject pop = DraftJson.obj(o, "population");
            if (table.equals(CensusTable.bundled())) {
                pop.remove("census");
                return;
            }
            JsonArray rows = new JsonArray();
            for (CensusTable.Row r : table.rows()) {
                JsonObject row = new JsonObject();
                row.addProperty("occupation", r.occupation());
                row.addProperty("sex", r.sex());
                row.add("weights", DraftJson.array(r.weights()));
                rows.add(row);
            }
            pop.add("census", rows);
        });
    }

    /** Sets the value at a dotted path such as {@code population.agents} or {@code brackets.rates[2]}. */
    public void set(String path, JsonElement value) {
        edit(o -> put(o, path, value));
    }

    public void set(String path, Number value) {
        set(path, new JsonPrimitive(value));
    }

    public void set(String path, String value) {
        set(path, new JsonPrimitive(value));
    }

    public void set(String path, boolean value) {
        set(path, new JsonPrimitive(value));
    }

    /** Removes the field at a dotted path (no index), if present. */
    public void remove(String path) {
        edit(o -> {
            int dot = path.lastIndexOf('.');
            JsonObject parent = dot < 0 ? o : object(o, path.substring(0, dot));
            parent.remove(path.substring(dot + 1));
        });
    }

    /** The value at a dotted path, or null. */
    public JsonElement get(String path) {
        return at(json.get(), path);
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        redo.push(json.get().toString());
        apply(JsonParser.parseString(undo.pop()).getAsJsonObject());
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        undo.push(json.get().toString());
        apply(JsonParser.parseString(redo.pop()).getAsJsonObject());
    }

    private void apply(JsonObject o) {
        json.set(o);
        try {
            scenario.set(ScenarioCodec.fromJson(o.deepCopy()));
            valid.set(true);
            errorPath.set("");
            errorMessage.set("");
            problems.set(List.of());
            problemSummary.set("");
        } catch (InvalidInputException e) {
            valid.set(false);
            errorPath.set(e.fieldPath());
            errorMessage.set(e.getMessage());
            List<Problem> all = allProblems(o, new Problem(e.fieldPath(), e.getMessage()));
            problems.set(all);
            problemSummary.set(summary(all));
        } catch (RuntimeException e) {
            valid.set(false);
            errorPath.set("");
            errorMessage.set(String.valueOf(e.getMessage()));
            List<Problem> all = List.of(new Problem("", String.valueOf(e.getMessage())));
            problems.set(all);
            problemSummary.set(summary(all));
        }
        dirty.set(!o.toString().equals(savedText));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private static String summary(List<Problem> all) {
        StringBuilder sb = new StringBuilder();
        if (all.size() > 1) {
            sb.append(all.size()).append(all.size() >= MAX_PROBLEMS ? " or more" : "").append(" problems:");
        }
        for (Problem p : all) {
            sb.append(sb.length() == 0 ? "" : "\n").append(all.size() > 1 ? "• " : "").append(p.human());
        }
        return sb.toString();
    }

    /**
     * The first problem and those after it: each found field is set back to its value in the last valid
     * scenario (or removed when that has none) and the rest is validated again.
     */
    private List<Problem> allProblems(JsonObject draftJson, Problem first) {
        List<Problem> out = new ArrayList<>();
        out.add(first);
        Scenario lastValid = scenario.get();
        if (lastValid == null || first.path().isEmpty()) {
            return out;
        }
        JsonObject valid = ScenarioCodec.toJson(lastValid);
        JsonObject work = draftJson.deepCopy();
        Problem p = first;
        while (out.size() < MAX_PROBLEMS) {
            if (!repair(work, p.path(), valid)) {
                break;
            }
            try {
                ScenarioCodec.fromJson(work.deepCopy());
                break;
            } catch (InvalidInputException e) {
                Problem next = new Problem(e.fieldPath(), e.getMessage());
                if (next.path().isEmpty() || out.stream().anyMatch(q -> q.path().equals(next.path()))) {
                    break;
                }
                out.add(next);
                p = next;
            } catch (RuntimeException e) {
                break;
            }
        }
        return out;
    }

    private static boolean repair(JsonObject work, String path, JsonObject valid) {
        JsonElement good = at(valid, path);
        if (good != null) {
            put(work, path, good.deepCopy());
            return true;
        }
        if (path.endsWith("]")) {
            return false;
        }
        int dot = path.lastIndexOf('.');
        JsonElement parent = dot < 0 ? work : at(work, path.substring(0, dot));
        if (parent == null || !parent.isJsonObject() || !parent.getAsJsonObject().has(path.substring(dot + 1))) {
            return false;
        }
        parent.getAsJsonObject().remove(path.substring(dot + 1));
        return true;
    }

    /** The value at a dotted path of {@code root}, or null. */
    public static JsonElement at(JsonObject root, String path) {
        JsonElement cur = root;
        for (String part : path.split("\\.")) {
            if (cur == null || !cur.isJsonObject()) {
                return null;
            }
            int br = part.indexOf('[');
            String name = br < 0 ? part : part.substring(0, br);
            cur = cur.getAsJsonObject().get(name);
            if (br >= 0) {
                int idx;
                try {
                    idx = Integer.parseInt(part.substring(br + 1, part.length() - 1));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (cur == null || !cur.isJsonArray() || idx >= cur.getAsJsonArray().size()) {
                    return null;
                }
                cur = cur.getAsJsonArray().get(idx);
            }
        }
        return cur == null || cur.isJsonNull() ? null : cur;
    }

    /** Writes {@code value} at {@code path} in {@code root}, creating objects and growing arrays as needed. */
    public static void put(JsonObject root, String path, JsonElement value) {
        int dot = path.lastIndexOf('.');
        JsonObject parent = dot < 0 ? root : object(root, path.substring(0, dot));
        String last = path.substring(dot + 1);
        int br = last.indexOf('[');
        if (br < 0) {
            parent.add(last, value);
            return;
        }
        String name = last.substring(0, br);
        int idx = Integer.parseInt(last.substring(br + 1, last.length() - 1));
        JsonElement e = parent.get(name);
        JsonArray a;
        if (e != null && e.isJsonArray()) {
            a = e.getAsJsonArray();
        } else {
            a = new JsonArray();
            if (e != null && e.isJsonPrimitive()) {
                a.add(e);
            }
            parent.add(name, a);
        }
        while (a.size() <= idx) {
            a.add(a.isEmpty() ? new JsonPrimitive(0) : a.get(a.size() - 1));
        }
        a.set(idx, value);
    }

    private static JsonObject object(JsonObject root, String path) {
        JsonObject cur = root;
        for (String part : path.split("\\.")) {
            JsonElement e = cur.get(part);
            if (e == null || !e.isJsonObject()) {
                JsonObject created = new JsonObject();
                cur.add(part, created);
                cur = created;
            } else {
                cur = e.getAsJsonObject();
            }
        }
        return cur;
    }
}
