package org.econlab.errors;

/**
 * A run or export that would exceed what this machine or JVM can give (heap, image size), refused before any
 * work starts. The message states the figures and what to change (e.g. the {@code -Xmx} to use).
 */
public final class ResourceLimitException extends RuntimeException implements UserFixable {

    private static final long serialVersionUID = 1L;

    public ResourceLimitException(String message) {
        super(message);
    }
}
