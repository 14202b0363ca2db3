package org.econlab.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;

import java.io.StringReader;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient reading of LLM replies (paper-model §3.3, §3.5, §5.2, §14.7). A reply may:
 * <ul>
 *   <li>carry its JSON anywhere in the text (prose or code fences around it): the object from the first
 *       {@code {} to the last {@code }} is taken;</li>
 *   <li>continue the prefill {@code {"} without repeating it ({@code LABOR": "40"}}): it is re-wrapped;</li>
 *   <li>lack its closing brace (a stop token or a truncated reply): {@code }}, {@code "}} or {@code ]}} is
 *       appended;</li>
 *   <li>give numbers as strings such as {@code "10.0%"}, {@code "$40"}, {@code "1,000"} or {@code "40 hours"}.</li>
 * </ul>
 * Keys are matched case-insensitively. Anything still unreadable throws {@link InvalidReply}, which makes the
 * agent ask again.
 */
public final class ReplyParser {

    /** A reply the agent cannot use; the message says why (never shown with a key: replies hold none). */
    public static final class InvalidReply extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidReply(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A reply cut off inside a value (an unclosed string, a list without its {@code ]}, a key or a {@code :} or
     * {@code ,} with nothing after it): it is asked again, never repaired, and counted as truncated.
     */
    public static final class TruncatedReply extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TruncatedReply(String message) {
            super(message, null, false, false);
        }
    }

    private ReplyParser() {
    }

    /**
     * Throws {@link TruncatedReply} when the JSON object that starts at the first {@code {} of {@code s} (or the
     * prefill continuation) ends inside a value. An object that lacks only its closing brace after a complete value
     * (a stop token ate it, paper-model §14.7) is not truncated; neither is a complete object followed by prose.
     */
    static void checkNotTruncated(String s) {
        int open = s.indexOf('{');
        String t = open < 0 ? "{\"" + s : s.substring(open);
        java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
        boolean inString = false;
        boolean escape = false;
        boolean stringIsKey = false;
        // what the innermost container expects next: 'k' key, ':' colon, 'v' value, ',' comma or close
        java.util.ArrayDeque<Character> expect = new java.util.ArrayDeque<>();
        StringBuilder bare = new StringBuilder(); // a number or literal being read
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                if (escape) {
                    escape = false;
                } else if (c == '\\') {
                    escape = true;
                } else if (c == '"') {
                    inString = false;
                    if (!expect.isEmpty()) {
                        expect.pop();
                        expect.push(stringIsKey ? ':' : ',');
                    }
                }
                continue;
            }
            if (bare.length() > 0 && (c == ',' || c == '}' || c == ']' || Character.isWhitespace(c))) {
                bare.setLength(0);
                if (!expect.isEmpty()) {
                    expect.pop();
                    expect.push(',');
                }
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    stringIsKey = !expect.isEmpty() && expect.peek() == 'k';
                }
                case '{', '[' -> {
                    stack.push(c);
                    if (!expect.isEmpty() && expect.peek() == 'v') {
                        expect.pop();
                        expect.push(',');
                    }
                    expect.push(c == '{' ? 'k' : 'v');
                }
                case '}', ']' -> {
                    if (stack.isEmpty()) {
                        return;
                    }
                    stack.pop();
                    expect.pop();
                    if (stack.isEmpty()) {
                        return; // a complete object; whatever follows is prose
                    }
                }
                case ':' -> {
                    if (!expect.isEmpty()) {
                        expect.pop();
                        expect.push('v');
                    }
                }
                case ',' -> {
                    if (!expect.isEmpty()) {
                        expect.pop();
                        expect.push(stack.peek() == '{' ? 'k' : 'v');
                    }
                }
                default -> {
                    if (!Character.isWhitespace(c)) {
                        bare.append(c);
                    }
                }
            }
        }
        if (inString) {
            throw new TruncatedReply("the reply ends inside a string");
        }
        if (stack.isEmpty()) {
            return;
        }
        if (stack.peek() == '[' || stack.size() > 1) {
            throw new TruncatedReply("the reply ends inside a list");
        }
        String b = bare.toString().toLowerCase(Locale.ROOT);
        if (!b.isEmpty()) {
            boolean literal = b.equals("true") || b.equals("false") || b.equals("null") || b.equals("none");
            boolean partialLiteral = !literal && ("true".startsWith(b) || "false".startsWith(b) || "null".startsWith(b)
                    || "none".startsWith(b));
            if (partialLiteral) {
                throw new TruncatedReply("the reply ends inside a value");
            }
            return; // a number (or literal) followed only by the missing brace: the stop-token case
        }
        char next = expect.isEmpty() ? ',' : expect.peek();
        if (next != ',' && !(next == 'k' && t.strip().endsWith("{"))) {
            throw new TruncatedReply("the reply ends before a value");
        }
    }

    /** The JSON object in {@code text}. */
    public static JsonObject object(String text) {
        if (text == null) {
            throw new InvalidReply("empty reply");
        }
        String s = text.strip();
        int open = s.indexOf('{');
        if (open < 0) {
            s = "{\"" + s; // continued the prefill
        } else {
            s = s.substring(open);
        }
        int close = s.lastIndexOf('}');
        if (close >= 0) {
            JsonObject whole = tryParse(s.substring(0, close + 1));
            if (whole != null) {
                return whole;
            }
        }
        if (s.startsWith("{\"{")) {
            return object(s.substring(2)); // a model that repeated the prefill: {"{"LABOR": ...}
        }
        checkNotTruncated(s);
        String[] candidates = close >= 0
                ? new String[] {s + "}", s + "\"}", s + "]}"}
                : new String[] {s + "}", s + "\"}", s + "]}", s + "\"]}"};
        for (String c : candidates) {
            JsonObject o = tryParse(c);
            if (o != null) {
                return o;
            }
        }
        // A model that repeated the prefill: {"{"LABOR": ...}
        int inner = s.indexOf('{', 1);
        if (inner > 0) {
            return object(s.substring(inner));
        }
        throw new InvalidReply("no JSON object in the reply");
    }

    private static JsonObject tryParse(String s) {
        try {
            JsonReader r = new JsonReader(new StringReader(s));
            r.setLenient(true);
            JsonElement e = JsonParser.parseReader(r);
            return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The value under {@code key}, matched case-insensitively; throws when missing or null. */
    public static JsonElement field(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) {
            for (Map.Entry<String, JsonElement> en : o.entrySet()) {
                if (en.getKey().trim().equalsIgnoreCase(key)) {
                    e = en.getValue();
                    break;
                }
            }
        }
        if (e == null || e.isJsonNull()) {
            throw new InvalidReply("no " + key + " in the reply");
        }
        return e;
    }

    /** True when {@code key} is absent, null, or the text "None"/"null" (a candidate declining to run). */
    public static boolean isNone(JsonObject o, String key) {
        JsonElement e = null;
        for (Map.Entry<String, JsonElement> en : o.entrySet()) {
            if (en.getKey().trim().equalsIgnoreCase(key)) {
                e = en.getValue();
            }
        }
        if (e == null || e.isJsonNull()) {
            return true;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String t = e.getAsString().trim().toLowerCase(Locale.ROOT);
            return t.equals("none") || t.equals("null") || t.isEmpty();
        }
        return false;
    }

    /** A finite number from a JSON number or a string such as {@code "$1,000"}, {@code "10.0%"}, {@code "40 hours"}. */
    public static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            throw new InvalidReply("missing number");
        }
        double d;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            d = e.getAsDouble();
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String t = e.getAsString().toLowerCase(Locale.ROOT).replace("$", "").replace(",", "").replace("%", "")
                    .replace("hours", "").replace("hour", "").replace("+", "").trim();
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException ex) {
                throw new InvalidReply("not a number: " + abbreviate(e.getAsString()));
            }
        } else if (e.isJsonArray() && e.getAsJsonArray().size() == 1) {
            return number(e.getAsJsonArray().get(0));
        } else {
            throw new InvalidReply("not a number: " + abbreviate(e.toString()));
        }
        if (!Double.isFinite(d)) {
            throw new InvalidReply("not a finite number");
        }
        return d;
    }

    /** A list of exactly {@code n} numbers (a string such as {@code "[10, -10, 0]"} is accepted too). */
    public static double[] numbers(JsonElement e, int n) {
        JsonArray a;
        if (e.isJsonArray()) {
            a = e.getAsJsonArray();
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                && e.getAsString().trim().startsWith("[")) {
            try {
                a = JsonParser.parseString(e.getAsString()).getAsJsonArray();
            } catch (RuntimeException ex) {
                throw new InvalidReply("not a list: " + abbreviate(e.getAsString()));
            }
        } else {
            throw new InvalidReply("not a list: " + abbreviate(e.toString()));
        }
        if (a.size() != n) {
            throw new InvalidReply("needs " + n + " values, got " + a.size());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = number(a.get(i));
        }
        return out;
    }

    /** Labour hours (paper §3.3): key {@code LABOR}, clipped to {@code [0, maxHours]}. */
    public static double labour(String text, double maxHours) {
        double l = number(field(object(text), "LABOR"));
        return Math.max(0, Math.min(maxHours, l));
    }

    /**
     * The planner's DELTA (paper §5.2): exactly {@code k} values, each clipped to [-20, 20] and rounded to the
     * nearest 10 with ties to even ({@code np.round}), so +-5 gives 0 and +-15 gives +-20.
     */
    public static double[] deltas(JsonElement e, int k) {
        double[] d = numbers(e, k);
        for (int i = 0; i < k; i++) {
            double x = Math.max(-20, Math.min(20, d[i]));
            d[i] = Math.rint(x / 10) * 10 + 0.0;
        }
        return d;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
