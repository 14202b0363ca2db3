package org.econlab.agents;

/**
 * Thrown by a policy during a step when the run cannot go on although nothing is wrong with it (e.g. a replayed
 * recording ends): the step in flight is dropped, and the run ends as {@code stopped} with {@link #reason()}.
 */
public final class RunStopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunStopException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
