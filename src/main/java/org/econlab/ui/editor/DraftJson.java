package org.econlab.ui.editor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Arrays;

/** Small edits of a scenario's JSON that several editor forms make. */
final class DraftJson {

    private DraftJson() {
    }

    static JsonElement[] resize(JsonElement[] rates, int k) {
        JsonElement[] out = Arrays.copyOf(rates, k);
        for (int j = 0; j < k; j++) {
            if (out[j] == null) {
                out[j] = rates.length == 0 ? new JsonPrimitive(50) : rates[rates.length - 1];
            }
        }
        return out;
    }


    static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(Fields.value(Fields.number(v)));
        }
        return a;
    }


    static JsonArray array(JsonElement[] values) {
        JsonArray a = new JsonArray();
        for (JsonElement v : values) {
            a.add(v);
        }
        return a;
    }


    static JsonObject obj(JsonObject o, String name) {
        if (!o.has(name) || !o.get(name).isJsonObject()) {
            o.add(name, new JsonObject());
        }
        return o.getAsJsonObject(name);
    }
}
