package org.econlab.llm;

/**
 * A reply from an LLM. Immutable.
 *
 * @param text             the assistant message as received
 * @param inputTokens      prompt tokens reported by the server (0 when it reports none)
 * @param outputTokens     completion tokens reported by the server
 * @param latencyMillis    wall time of the successful HTTP exchange (0 when replayed)
 * @param transportRetries failed transport attempts (429, 5xx, timeouts) before this reply
 * @param endpoint         name of the endpoint profile that answered
 * @param costNanoUsd      price of the call in nano-dollars from the endpoint's prices (kept in cassettes, so a
 *                         replayed run reports the recorded cost)
 * @param finishReason     why the server stopped: {@code stop}, {@code length} (cut by the token limit: the reply is
 *                         never parsed, the agent asks again), {@code content_filter}, {@code other}; null when unknown
 */
public record LlmReply(String text, long inputTokens, long outputTokens, long latencyMillis, int transportRetries,
                       String endpoint, long costNanoUsd, String finishReason) {

    /** The finish reason of a reply cut by the token limit. */
    public static final String LENGTH = "length";

    /** A reply whose finish reason is unknown. */
    public LlmReply(String text, long inputTokens, long outputTokens, long latencyMillis, int transportRetries,
                    String endpoint, long costNanoUsd) {
        this(text, inputTokens, outputTokens, latencyMillis, transportRetries, endpoint, costNanoUsd, null);
    }

    public LlmReply withTransportRetries(int retries) {
        return new LlmReply(text, inputTokens, outputTokens, latencyMillis, retries, endpoint, costNanoUsd, finishReason);
    }

    /** True when the server says the token limit cut the reply. */
    public boolean cutByTokenLimit() {
        return LENGTH.equals(finishReason);
    }
}
