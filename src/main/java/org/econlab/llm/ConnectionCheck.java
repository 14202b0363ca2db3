package org.econlab.llm;

import java.util.Locale;
import java.util.function.Function;

/**
 * The connection test behind {@code llm check} and the window's "Test connection" button: one request in JSON
 * mode (and one without if that fails). The result names the model, latency and whether JSON mode works, or
 * the error in one line. Never contains a key: {@link LangchainGateway} scrubs keys from its messages.
 *
 * @param profile     the endpoint tested
 * @param ok          a reply came back (with or without JSON mode)
 * @param jsonMode    the JSON-mode request returned a JSON object
 * @param latencyMillis latency of the answered request
 * @param inputTokens  tokens sent by the answered request
 * @param outputTokens tokens received
 * @param reply       the reply text (whitespace collapsed, at most 120 characters), or ""
 * @param jsonError   why the JSON-mode request failed, or null
 * @param error       why the check failed, or null when {@code ok}
 */
public record ConnectionCheck(EndpointProfile profile, boolean ok, boolean jsonMode, long latencyMillis,
                              long inputTokens, long outputTokens, String reply, String jsonError, String error) {

    private static final String USER = "Reply with the JSON object {\"ok\": true} and nothing else.";

    /**
     * Runs the check against {@code p}, reading keys through {@code env}. Blocks for up to two requests. A failed
     * request gives a result with {@code ok == false}; an unusable profile throws the gateway's exception.
     */
    public static ConnectionCheck run(EndpointProfile p, Function<String, String> env) {
        LlmReply r;
        boolean json;
        String jsonError = null;
        LangchainGateway g = new LangchainGateway(p, env); // a bad profile (missing key variable) throws here
        try {
            try {
                r = g.call(new LlmRequest("check", "check/json", "", USER, true, p.temperature(), 50));
                json = replyIsObject(r.text());
            } catch (LlmException e) {
                jsonError = oneLine(e.getMessage());
                json = false;
                r = g.call(new LlmRequest("check", "check/plain", "", USER, false, p.temperature(), 50));
            }
        } catch (RuntimeException e) {
            return new ConnectionCheck(p, false, false, 0, 0, 0, "", jsonError, oneLine(e.getMessage()));
        }
        String text = oneLine(r.text());
        return new ConnectionCheck(p, true, json, r.latencyMillis(), r.inputTokens(), r.outputTokens(),
                text.length() > 120 ? text.substring(0, 120) + "..." : text, jsonError, null);
    }

    /** One line for a status label: "model fake-model · 12 ms · JSON mode works" or "failed: ...". */
    public String summary() {
        if (!ok) {
            return "failed: " + error;
        }
        return String.format(Locale.ROOT, "model %s · %d ms · JSON mode %s", profile.model(), latencyMillis,
                jsonMode ? "works" : "not working (replies parsed leniently)");
    }

    private static boolean replyIsObject(String text) {
        try {
            ReplyParser.object(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
    }
}
