package org.econlab.simulation;

import com.google.gson.JsonObject;

/**
 * A worker or planner as a scenario names it: the kind and its parameters, kept as the JSON object the
 * user wrote (including {@code kind}) so that saving a scenario writes back exactly what was read.
 */
public record AgentSpec(String kind, JsonObject json) {

    public AgentSpec {
        json = json.deepCopy();
    }

    @Override
    public JsonObject json() {
        return json.deepCopy();
    }

    /** A spec with only a kind. */
    public static AgentSpec of(String kind) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        return new AgentSpec(kind, o);
    }
}
