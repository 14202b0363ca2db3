package org.econlab.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One call to an LLM: a system prompt and one user message. Immutable.
 *
 * @param role        who asks: {@code worker}, {@code planner}, {@code persona}, {@code satisfaction},
 *                    {@code candidacy}, {@code vote}, {@code leader}, {@code check}; usage is metered per role
 * @param callId      a stable name of this call within the run, e.g. {@code worker/3/s12/a0} (agent 3, step 12,
 *                    attempt 0); part of the cassette key so that identical prompts of different agents or
 *                    attempts are replayed separately, and independent of thread timing
 * @param system      system prompt (may be empty)
 * @param user        user message (the paper's JSON prefill {@code \n{"} already appended by the caller)
 * @param jsonMode    ask the server for a JSON object reply
 * @param temperature sampling temperature (paper §11: 0.7)
 * @param maxTokens   reply token limit (paper §11: 1000)
 */
public record LlmRequest(String role, String callId, String system, String user, boolean jsonMode, double temperature,
                         int maxTokens) {

    public LlmRequest {
        Objects.requireNonNull(role);
        Objects.requireNonNull(callId);
        system = system == null ? "" : system;
        Objects.requireNonNull(user);
    }

    /**
     * The cassette key: SHA-256 over role, call id, JSON mode, system prompt and user message. Temperature
     * and token limit are left out on purpose, so a cassette replays on a machine with another profile.
     */
    public String key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {role, callId, jsonMode ? "json" : "text", system, user}) {
                md.update(part.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
