package org.econlab.llm;

import org.econlab.errors.UserFixable;

/**
 * A failed LLM call. The message never contains an API key (adapters scrub it). {@link #retryable()}
 * tells the transport retry policy whether trying again may help; {@link #fatal()} tells the agents that
 * the run cannot go on (a cassette miss in strict replay, a refused key): those are not bad replies, so
 * they abort the run loudly instead of falling back. Fatal failures are the user's to fix (a key, a model name, a
 * server to start), so the error policy reports them in one line with exit code 2.
 */
public final class LlmException extends RuntimeException implements UserFixable {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        RATE_LIMITED(true, false), SERVER_ERROR(true, false), TIMEOUT(true, false), NETWORK(true, false),
        AUTHENTICATION(false, true), BAD_REQUEST(false, true), REPLAY_MISS(false, true),
        /** The run's circuit breaker opened: too many consecutive transport failures with no success. */
        CIRCUIT_OPEN(false, true),
        OTHER(false, false);

        final boolean retryable;
        final boolean fatal;

        Kind(boolean retryable, boolean fatal) {
            this.retryable = retryable;
            this.fatal = fatal;
        }
    }

    private final Kind kind;
    private final int transportRetries;

    public LlmException(Kind kind, String message) {
        this(kind, message, 0);
    }

    /** @param transportRetries failed attempts before this final one (so the meter counts every failure) */
    public LlmException(Kind kind, String message, int transportRetries) {
        super(message);
        this.kind = kind;
        this.transportRetries = transportRetries;
    }

    public int transportRetries() {
        return transportRetries;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable;
    }

    public boolean fatal() {
        return kind.fatal;
    }

    @Override
    public boolean userCanFix() {
        return fatal();
    }
}
