package org.econlab.lesson;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonPath;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to a scenario, each a dotted path into the scenario file and its new value, as a sweep writes them:
 * {@code {"utility.swf": "maximin", "planner": {"kind": "saez", "elasticity": 3.0}, "steps": 500}}. A whole object
 * replaces the object at its path. Immutable.
 */
public final class ScenarioChanges {

    /** No change. */
    public static final ScenarioChanges NONE = new ScenarioChanges(new LinkedHashMap<>());

    private final Map<String, JsonElement> changes;

    private ScenarioChanges(Map<String, JsonElement> changes) {
        this.changes = changes;
    }

    /** The changes of a JSON object (null means none). Values are copied. */
    public static ScenarioChanges of(JsonObject object) {
        if (object == null) {
            return NONE;
        }
        Map<String, JsonElement> m = new LinkedHashMap<>();
        object.entrySet().forEach(e -> m.put(e.getKey(), e.getValue().deepCopy()));
        return new ScenarioChanges(m);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes as written, path to value. */
    public Map<String, JsonElement> asMap() {
        Map<String, JsonElement> copy = new LinkedHashMap<>();
        changes.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return copy;
    }

    /** These changes, then {@code later} (a later change of the same path wins). */
    public ScenarioChanges then(ScenarioChanges later) {
        Map<String, JsonElement> m = asMap();
        m.putAll(later.asMap());
        return new ScenarioChanges(m);
    }

    /**
     * The scenario with every change applied, validated as a scenario file would be.
     *
     * @throws InvalidInputException naming the scenario field at fault
     */
    public Scenario applyTo(Scenario base) {
        if (changes.isEmpty()) {
            return base;
        }
        JsonObject json = ScenarioCodec.toJson(base);
        changes.forEach((path, value) -> JsonPath.set(json, path, value));
        return ScenarioCodec.fromJson(json);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        changes.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" = ")
                .append(v.isJsonPrimitive() ? v.getAsString() : v.toString()));
        return b.toString();
    }
}
