package org.econlab.ui.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the next Reset will change: the parts of the edited scenario that differ from the one the current run uses, in
 * words a teacher reads ("welfare function", "brackets", "workers"). Pure; any thread.
 */
public final class PendingEdits {

    /** Scenario fields in words, in the order they are named; fields not listed are named by their key. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("utility.swf", "welfare function");
        NAMES.put("utility", "utility");
        NAMES.put("brackets", "brackets");
        NAMES.put("population", "population");
        NAMES.put("worker", "workers");
        NAMES.put("planner", "planner");
        NAMES.put("steps", "steps");
        NAMES.put("taxYearSteps", "tax year");
        NAMES.put("seed", "seed");
        NAMES.put("llm", "LLM settings");
        NAMES.put("name", "name");
        NAMES.put("description", "description");
    }

    private PendingEdits() {
    }

    /** The changes from {@code running} to {@code edited}, named; empty when they are the same scenario. */
    public static List<String> between(Scenario running, Scenario edited) {
        if (running == null || edited == null || running.equals(edited)) {
            return List.of();
        }
        JsonObject a = ScenarioCodec.toJson(running);
        JsonObject b = ScenarioCodec.toJson(edited);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        Set<String> changed = new LinkedHashSet<>();
        for (String k : keys) {
            JsonElement x = a.get(k);
            JsonElement y = b.get(k);
            if (x == null ? y == null : x.equals(y)) {
                continue;
            }
            if (k.equals("utility") && x != null && y != null && x.isJsonObject() && y.isJsonObject()) {
                JsonElement sx = x.getAsJsonObject().get("swf");
                JsonElement sy = y.getAsJsonObject().get("swf");
                JsonObject rx = x.getAsJsonObject().deepCopy();
                JsonObject ry = y.getAsJsonObject().deepCopy();
                rx.remove("swf");
                ry.remove("swf");
                if (sx == null ? sy != null : !sx.equals(sy)) {
                    changed.add("utility.swf");
                }
                if (!rx.equals(ry)) {
                    changed.add("utility");
                }
                continue;
            }
            changed.add(k);
        }
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            if (changed.remove(e.getKey())) {
                words.add(e.getValue());
            }
        }
        changed.remove("schemaVersion");
        words.addAll(changed);
        if (words.isEmpty()) {
            words.add("settings");
        }
        return words;
    }

    /** The Reset button's words while edits wait: "Reset to apply: welfare function, brackets". */
    public static String resetLabel(List<String> changes) {
        return changes.isEmpty() ? "Reset" : "Reset to apply: " + String.join(", ", changes);
    }
}
