package org.econlab.llm;

/**
 * Transport retries: a rate-limited (429), failed (5xx), timed-out or refused call is tried again after an
 * exponential back-off ({@code baseMillis * 2^attempt}, capped at {@code maxBackoffMillis}), as the reference's
 * transport layer does (paper-model §3.5: up to 3 retries, 2^k s). The back-offs of one call add up to at most
 * {@code maxTotalBackoffMillis}: a retry that would wait longer is not made. Other failures pass through at once; a bad
 * reply <em>text</em> is the agent's business (its own up-to-12 attempts). The number of transport retries is
 * carried in the reply so the usage meter and cassettes see it.
 */
public final class RetryingGateway implements LlmGateway {

    private final LlmGateway delegate;
    private final int maxRetries;
    private final long baseMillis;
    private final long maxBackoffMillis;
    private final long maxTotalBackoffMillis;

    public RetryingGateway(LlmGateway delegate, int maxRetries, long baseMillis, long maxBackoffMillis) {
        this(delegate, maxRetries, baseMillis, maxBackoffMillis, Long.MAX_VALUE);
    }

    /** @param maxTotalBackoffMillis the most one call may wait in total between its retries */
    public RetryingGateway(LlmGateway delegate, int maxRetries, long baseMillis, long maxBackoffMillis,
                           long maxTotalBackoffMillis) {
        this.delegate = delegate;
        this.maxRetries = maxRetries;
        this.baseMillis = baseMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.maxTotalBackoffMillis = maxTotalBackoffMillis;
    }

    @Override
    public LlmReply call(LlmRequest request) {
        long waited = 0;
        for (int attempt = 0; ; attempt++) {
            try {
                LlmReply r = delegate.call(request);
                return attempt == 0 ? r : r.withTransportRetries(r.transportRetries() + attempt);
            } catch (LlmException e) {
                long wait = Math.min(maxBackoffMillis, baseMillis << Math.min(20, attempt));
                if (!e.retryable() || attempt >= maxRetries || waited + wait > maxTotalBackoffMillis) {
                    throw attempt == 0 || e.fatal() ? e
                            : new LlmException(e.kind(), e.getMessage() + " (after " + attempt + " retries)", attempt);
                }
                waited += wait;
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
