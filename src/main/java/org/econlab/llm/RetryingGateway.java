package org.econlab.llm;

/**
 * Transport retries: a rate-limited (429), failed (5xx), timed-out or refused call is tried again after an
 * exponential back-off ({@code baseMillis * 2^attempt}, capped at {@code maxBackoffMillis}), as the reference's
 * transport layer does (paper-model §3.5: up to 3 retries, 2^k s). Other failures pass through at once; a bad
 * reply <em>text</em> is the agent's business (its own up-to-12 attempts). The number of transport retries is
 * carried in the reply so the usage meter and cassettes see it.
 */
public final class RetryingGateway implements LlmGateway {

    private final LlmGateway delegate;
    private final int maxRetries;
    private final long baseMillis;
    private final long maxBackoffMillis;

    public RetryingGateway(LlmGateway delegate, int maxRetries, long baseMillis, long maxBackoffMillis) {
        this.delegate = delegate;
        this.maxRetries = maxRetries;
        this.baseMillis = baseMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    @Override
    public LlmReply call(LlmRequest request) {
        for (int attempt = 0; ; attempt++) {
            try {
                LlmReply r = delegate.call(request);
                return attempt == 0 ? r : r.withTransportRetries(r.transportRetries() + attempt);
            } catch (LlmException e) {
                if (!e.retryable() || attempt >= maxRetries) {
                    throw attempt == 0 ? e
                            : new LlmException(e.kind(), e.getMessage() + " (after " + attempt + " retries)", attempt);
                }
                long wait = Math.min(maxBackoffMillis, baseMillis << Math.min(20, attempt));
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new LlmException(LlmException.Kind.OTHER, "interrupted");
                }
            }
        }
    }
}
