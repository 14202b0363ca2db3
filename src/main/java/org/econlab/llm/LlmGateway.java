package org.econlab.llm;

/**
 * Our LLM port (design note 6): the model asks for a reply to a prompt; decorators add retries,
 * rate limits, concurrency limits, several endpoints, cassettes and usage metering; adapters talk to
 * the servers through langchain4j. Implementations are thread-safe.
 */
@FunctionalInterface
public interface LlmGateway {

    /**
     * Sends one request and waits for the reply.
     *
     * @throws LlmException when the call fails; its message never contains an API key
     */
    LlmReply call(LlmRequest request);
}
