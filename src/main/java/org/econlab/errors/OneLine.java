package org.econlab.errors;

/**
 * Text made safe for one-line output (a summary line, an error line, a table cell): control characters and line
 * breaks become visible escapes or spaces, and the length is capped with a note of how much was cut. Pure.
 */
public final class OneLine {

    /** The default cap for an error line, in characters. */
    public static final int ERROR_MAX = 400;

    private OneLine() {
    }

    /**
     * {@code text} on one line: CR, LF and tabs become spaces, other control characters {@code \\uXXXX}, runs of
     * whitespace one space; longer than {@code max} characters it is cut and ends with
     * {@code "… (N more characters)"}. Null becomes "".
     */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        int limit = Math.max(16, max);
        StringBuilder b = new StringBuilder(Math.min(text.length(), limit + 32));
        boolean space = false;
        int i = 0;
        for (; i < text.length() && b.length() < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == ' ' || Character.isSpaceChar(c)) {
                if (!space && b.length() > 0) {
                    b.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        int rest = text.length() - i;
        String out = b.toString().strip();
        if (rest > 0) {
            return out + "… (" + rest + " more characters)";
        }
        return out;
    }

    /** A name for a one-line, space-separated summary: {@link #of} capped at 80, spaces as underscores. */
    public static String token(String name) {
        String s = of(name, 80).replace(' ', '_');
        return s.isEmpty() ? "untitled" : s;
    }

    /** A user value quoted inside a message: at most 60 characters of it. */
    public static String quoted(String value) {
        return "\"" + of(value, 60) + "\"";
    }
}
