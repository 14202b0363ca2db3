package org.econlab.llm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends an LLM run honestly when its endpoints are gone: after {@code threshold} consecutive transport failures
 * (refused or dropped connections, timeouts, 5xx) with no successful call in between, across every endpoint and role
 * of the run, the breaker opens and every call, in flight or later, fails at once with a fatal
 * {@link LlmException.Kind#CIRCUIT_OPEN}, so the run ends as {@code failed} with the reason instead of falling back
 * on every decision for hours. A 429 (rate limited) is not counted: the server is there and asks us to slow down.
 * One breaker per run; thread-safe.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final AtomicInteger consecutive = new AtomicInteger();
    private volatile String openReason;

    /** @param threshold K, at least 1; 0 or less: never opens */
    public CircuitBreaker(int threshold) {
        this.threshold = threshold;
    }

    /** Why the breaker opened, or null while closed. */
    public String openReason() {
        return openReason;
    }

    /** {@code delegate} behind this breaker. */
    public LlmGateway guard(LlmGateway delegate) {
        return request -> {
            failIfOpen();
            try {
                LlmReply r = delegate.call(request);
                consecutive.set(0);
                return r;
            } catch (LlmException e) {
                if (counts(e)) {
                    int n = consecutive.incrementAndGet();
                    if (threshold > 0 && n >= threshold && openReason == null) {
                        synchronized (this) {
                            if (openReason == null) {
                                openReason = "LLM endpoint unreachable: " + n + " consecutive transport failures with no"
                                        + " success in between (last: " + e.getMessage() + "); the run failed;"
                                        + " check that the server runs and is reachable";
                            }
                        }
                    }
                    failIfOpen();
                }
                throw e;
            }
        };
    }

    private void failIfOpen() {
        String why = openReason;
        if (why != null) {
            throw new LlmException(LlmException.Kind.CIRCUIT_OPEN, why);
        }
    }

    private static boolean counts(LlmException e) {
        return e.kind() == LlmException.Kind.NETWORK || e.kind() == LlmException.Kind.TIMEOUT
                || e.kind() == LlmException.Kind.SERVER_ERROR;
    }
}
