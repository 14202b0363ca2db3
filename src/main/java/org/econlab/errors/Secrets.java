package org.econlab.errors;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text we write (cassettes, run records, logs, {@code llm check} output, error lines):
 * every secret registered with {@link #add} (the API keys a run read from the environment), and anything that
 * looks like a credential whoever sent it ({@code Bearer <token>}, {@code Authorization: ...},
 * {@code api_key=...}, {@code sk-...} keys). Thread-safe; one instance per run (none is global).
 */
public final class Secrets {

    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)(\"?(?:authorization|x-api-key|api[-_]?key)\"?\\s*[:=]\\s*\"?)(?!\\*\\*\\*)[^\\s\",}]{4,}");
    private static final Pattern SK_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Registers a secret (ignored when null or shorter than 4 characters, which could not be told from text). */
    public void add(String secret) {
        if (secret != null && secret.length() >= 4) {
            known.add(secret);
        }
    }

    /** {@code text} with every known secret and credential-looking token replaced by {@value #MASK}. */
    public String scrub(String text) {
        return generic(scrubKnown(text));
    }

    /**
     * {@code text} with only the registered secrets replaced (for reply texts, where a credential-looking word
     * is more likely prose than a key, and a server that echoes our key is caught by the registered key).
     */
    public String scrubKnown(String text) {
        String s = text;
        if (s == null || s.isEmpty()) {
            return s;
        }
        for (String k : known) {
            if (s.contains(k)) {
                s = s.replace(k, MASK);
            }
        }
        return s;
    }

    /** Only the credential-looking patterns (for text whose run is unknown, e.g. an internal error's log). */
    public static String generic(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = BEARER.matcher(text).replaceAll("$1 " + MASK);
        s = AUTH_HEADER.matcher(s).replaceAll("$1" + MASK);
        return SK_KEY.matcher(s).replaceAll(MASK);
    }
}
