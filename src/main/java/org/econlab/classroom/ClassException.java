package org.econlab.classroom;

/**
 * A request a class refuses, with the HTTP status the web server answers and a message the student's page shows.
 * Never carries another student's identity.
 */
public final class ClassException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ClassException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 400 bad input, 401 unknown or revoked seat token, 403 wrong join code, 409 conflict, 429 too many requests. */
    public int status() {
        return status;
    }
}
