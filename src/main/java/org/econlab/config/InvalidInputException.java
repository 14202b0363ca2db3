package org.econlab.config;

import org.econlab.errors.UserFixable;

/**
 * Bad input from a user (a scenario file, a command-line value, an edited field), with the path of the
 * field at fault and a plain reason, e.g. {@code brackets.rates[2]: 150 is outside 0..100}. The message
 * is meant to be shown as it is: never a stack trace.
 */
public final class InvalidInputException extends RuntimeException implements UserFixable {

    private static final long serialVersionUID = 1L;

    private final String fieldPath;
    private final String reason;

    public InvalidInputException(String fieldPath, String reason) {
        super(fieldPath == null || fieldPath.isEmpty() ? reason : fieldPath + ": " + reason);
        this.fieldPath = fieldPath == null ? "" : fieldPath;
        this.reason = reason;
    }

    /** Dotted path of the field, with indices in brackets; empty for the whole input. */
    public String fieldPath() {
        return fieldPath;
    }

    public String reason() {
        return reason;
    }
}
