package org.econlab.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.econlab.errors.OneLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON object read field by field with its path, so every problem is reported as
 * {@code path.to.field: reason}. Reading marks fields as known; {@link #rejectUnknown()} then refuses
 * any field nobody asked for, which catches typos such as {@code "agnets"}.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();
    /** Where reads are recorded as a schema (see {@link #probe}); null normally. */
    private List<FieldSpec> schema;

    /**
     * A field some code read, as a form would show it: name, type ({@code number}, {@code whole}, {@code bool},
     * {@code choice}, {@code string}, {@code numbers}, {@code object}, {@code array}), the default it used
     * (null when none), the allowed range for numbers and the allowed values for choices.
     */
    public record FieldSpec(String name, String type, Object fallback, double min, double max, List<String> choices) {
    }

    /**
     * Fields of {@code object} that record every field read into {@code sink} (once per name, in reading order),
     * so that running a kind's parser on them yields the kind's parameters for a form: new kinds need no UI code.
     */
    public static JsonFields probe(JsonObject object, String path, List<FieldSpec> sink) {
        JsonFields f = new JsonFields(object, path);
        f.schema = sink;
        return f;
    }

    private void record(String field, String type, Object fallback, double min, double max, List<String> choices) {
        if (schema == null) {
            return;
        }
        FieldSpec spec = new FieldSpec(field, type, fallback, min, max, choices == null ? List.of() : List.copyOf(choices));
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(field)) {
                if (schema.get(i).type().equals("any")) {
                    schema.set(i, spec); // a presence test first, the typed read after
                }
                return;
            }
        }
        schema.add(spec);
    }

    public JsonFields(JsonObject object, String path) {
        this.object = object == null ? new JsonObject() : object;
        this.path = path == null ? "" : path;
    }

    /** Reads {@code element} as an object at {@code path}. */
    public static JsonFields of(JsonElement element, String path) {
        if (element == null || element.isJsonNull()) {
            return new JsonFields(new JsonObject(), path);
        }
        if (!element.isJsonObject()) {
            throw new InvalidInputException(path, "must be an object {...}, was " + describe(element));
        }
        return new JsonFields(element.getAsJsonObject(), path);
    }

    public String path() {
        return path;
    }

    public JsonObject raw() {
        return object;
    }

    public String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        record(field, "any", null, Double.NaN, Double.NaN, null);
        known.add(field);
        JsonElement e = object.get(field);
        return e != null && !e.isJsonNull();
    }

    private JsonElement get(String field) {
        known.add(field);
        JsonElement e = object.get(field);
        return e == null || e.isJsonNull() ? null : e;
    }

    public JsonFields object(String field) {
        record(field, "object", null, Double.NaN, Double.NaN, null);
        return of(get(field), pathOf(field));
    }

    public String string(String field, String fallback) {
        return string(field, fallback, true);
    }

    private String string(String field, String fallback, boolean recordIt) {
        if (recordIt) {
            record(field, "string", fallback, Double.NaN, Double.NaN, null);
        }
        JsonElement e = get(field);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(pathOf(field), "must be a text in quotes, was " + describe(e));
        }
        return e.getAsString();
    }

    /**
     * A text that must be one of {@code allowed} (as written there), or {@code fallback} when absent.
     *
     * @throws InvalidInputException naming the field and the allowed values
     */
    public String choice(String field, String fallback, java.util.List<String> allowed) {
        record(field, "choice", fallback, Double.NaN, Double.NaN, allowed);
        String s = string(field, fallback, false);
        if (s != null && !allowed.contains(s)) {
            throw new InvalidInputException(pathOf(field), "\"" + s + "\" is not one of " + String.join(", ", allowed));
        }
        return s;
    }

    public String requiredString(String field) {
        String s = string(field, null);
        if (s == null) {
            throw new InvalidInputException(pathOf(field), "is required");
        }
        return s;
    }

    public boolean bool(String field, boolean fallback) {
        record(field, "bool", fallback, Double.NaN, Double.NaN, null);
        JsonElement e = get(field);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new InvalidInputException(pathOf(field), "must be true or false, was " + describe(e));
        }
        return e.getAsBoolean();
    }

    public double number(String field, double fallback, double min, double max) {
        record(field, "number", Double.isNaN(fallback) ? null : fallback, min, max, null);
        JsonElement e = get(field);
        if (e == null) {
            return fallback;
        }
        return checkRange(pathOf(field), asNumber(pathOf(field), e), min, max);
    }

    public double requiredNumber(String field, double min, double max) {
        if (!has(field)) {
            throw new InvalidInputException(pathOf(field), "is required");
        }
        return number(field, Double.NaN, min, max);
    }

    /**
     * A whole number within {@code [min, max]}, read exactly from its text: every 64-bit value (a seed such as
     * 9007199254740993) survives, never rounded through {@code double}; {@code 5.0} and {@code 5e0} are 5.
     */
    public long whole(String field, long fallback, long min, long max) {
        record(field, "whole", fallback, min, max, null);
        JsonElement e = get(field);
        if (e == null) {
            return fallback;
        }
        String p = pathOf(field);
        asNumber(p, e); // type and finiteness
        BigDecimal d;
        try {
            d = new BigDecimal(e.getAsJsonPrimitive().getAsString());
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new InvalidInputException(p, "must be a number, was " + describe(e));
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(p, plain(d) + " is not a whole number");
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInputException(p, plain(d) + " is outside " + min + ".." + max);
        }
        return d.longValueExact();
    }

    public int wholeInt(String field, int fallback, int min, int max) {
        return (int) whole(field, fallback, min, max);
    }

    /**
     * A list of numbers, each within {@code [min, max]}; a single number is accepted as a list of one
     * when {@code singleAllowed}. Returns {@code null} when absent.
     */
    public double[] numbers(String field, double min, double max, boolean singleAllowed) {
        record(field, "numbers", null, min, max, null);
        JsonElement e = get(field);
        if (e == null) {
            return null;
        }
        String p = pathOf(field);
        if (singleAllowed && e.isJsonPrimitive()) {
            return new double[] {checkRange(p, asNumber(p, e), min, max)};
        }
        if (!e.isJsonArray()) {
            throw new InvalidInputException(p, "must be a list of numbers [...], was " + describe(e));
        }
        JsonArray a = e.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            String pi = p + "[" + i + "]";
            out[i] = checkRange(pi, asNumber(pi, a.get(i)), min, max);
        }
        return out;
    }

    /** A list field, or null when absent. */
    public JsonArray array(String field) {
        record(field, "array", null, Double.NaN, Double.NaN, null);
        JsonElement e = get(field);
        if (e == null) {
            return null;
        }
        if (!e.isJsonArray()) {
            throw new InvalidInputException(pathOf(field), "must be a list [...], was " + describe(e));
        }
        return e.getAsJsonArray();
    }

    /** Refuses fields that were never read. Call after reading everything. */
    public void rejectUnknown() {
        List<String> unknown = new ArrayList<>();
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String list = String.join(", ", unknown);
            throw new InvalidInputException(pathOf(unknown.get(0)),
                    "unknown field" + (unknown.size() > 1 ? "s " + list : "") + " (known: " + String.join(", ", known) + ")");
        }
    }

    private static double asNumber(String path, JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InvalidInputException(path, "must be a number, was " + describe(e));
        }
        double d = e.getAsDouble();
        if (!Double.isFinite(d)) {
            throw new InvalidInputException(path, "must be a finite number");
        }
        return d;
    }

    private static double checkRange(String path, double d, double min, double max) {
        if (d < min || d > max) {
            throw new InvalidInputException(path, format(d) + " is outside " + format(min) + ".." + format(max));
        }
        return d;
    }

    /** Formats a number the way a user typed it: whole numbers without a decimal point. */
    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) < 0
                ? d.stripTrailingZeros().toPlainString() : d.toString();
        return OneLine.of(s, 60);
    }

    static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "missing";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? OneLine.quoted(p.getAsString()) : OneLine.of(p.toString(), 60);
    }
}
