package org.econlab.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Dotted paths into a JSON object ({@code population.agents}), as sweeps and lesson steps name scenario fields. */
public final class JsonPath {

    private JsonPath() {
    }

    /** Sets a copy of {@code value} at the dotted {@code path} of {@code root}, creating objects on the way. */
    public static void set(JsonObject root, String path, JsonElement value) {
        String[] parts = path.split("\\.");
        JsonObject o = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonElement next = o.get(parts[i]);
            if (next == null || !next.isJsonObject()) {
                JsonObject created = new JsonObject();
                o.add(parts[i], created);
                o = created;
            } else {
                o = next.getAsJsonObject();
            }
        }
        o.add(parts[parts.length - 1], value.deepCopy());
    }
}
