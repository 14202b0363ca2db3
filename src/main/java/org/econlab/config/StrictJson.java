package org.econlab.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;

/**
 * Parses the JSON files users write (scenarios, sweeps, endpoint files) into a Gson tree, refusing what Gson's own
 * parser lets through silently: a field given twice in one object (Gson keeps the last, so a typo'd duplicate
 * would win unnoticed) and text after the value. Numbers keep their exact text (a 64-bit seed is not rounded
 * through {@code double}). Comments and unquoted names are accepted as before (lenient Gson syntax).
 */
public final class StrictJson {

    private static final int MAX_DEPTH = 200;

    private StrictJson() {
    }

    /**
     * The tree of {@code text}.
     *
     * @throws InvalidInputException "not valid JSON: ..." or "{@code path.to.field}: is given twice ..."
     */
    public static JsonElement parse(String text) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.LENIENT);
        try {
            if (r.peek() == JsonToken.END_DOCUMENT) {
                throw new InvalidInputException("", "not valid JSON: the text is empty");
            }
            JsonElement e = read(r, "", 0);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException("", "not valid JSON: more text after the end of the value, at "
                        + location(r));
            }
            return e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new InvalidInputException("", "not valid JSON: " + problem(e));
        }
    }

    private static JsonElement read(JsonReader r, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(path, "nested more than " + MAX_DEPTH + " levels deep");
        }
        switch (r.peek()) {
            case BEGIN_OBJECT: {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    String p = path.isEmpty() ? name : path + "." + name;
                    if (o.has(name)) {
                        throw new InvalidInputException(p, "is given twice in one object; give each field once");
                    }
                    o.add(name, read(r, p, depth + 1));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY: {
                JsonArray a = new JsonArray();
                r.beginArray();
                while (r.hasNext()) {
                    a.add(read(r, path + "[" + a.size() + "]", depth + 1));
                }
                r.endArray();
                return a;
            }
            case STRING:
                return new JsonPrimitive(r.nextString());
            case NUMBER:
                return new JsonPrimitive(new LazilyParsedNumber(r.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(r.nextBoolean());
            case NULL:
                r.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + r.peek() + " at " + location(r));
        }
    }

    private static String location(JsonReader r) {
        String s = r.toString(); // "JsonReader at line L column C path $.x"
        int at = s.indexOf(" at ");
        return at >= 0 ? s.substring(at + 4) : s;
    }

    private static String problem(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e instanceof java.io.EOFException ? "the text ends too early" : e.getClass().getSimpleName();
        }
        int see = m.indexOf("\nSee ");
        return see > 0 ? m.substring(0, see) : m;
    }
}
