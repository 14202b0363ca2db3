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
 */
public record LlmReply(String text, long inputTokens, long outputTokens, long latencyMillis, int transportRetries,
                       String endpoint, long costNanoUsd) {

    public LlmReply withTransportRetries(int retries) {
        return new LlmReply(text, inputTokens, outputTokens, latencyMillis, retries, endpoint, costNanoUsd);
    }
}
