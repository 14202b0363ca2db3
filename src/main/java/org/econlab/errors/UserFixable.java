package org.econlab.errors;

/**
 * Marks an exception whose cause the user can fix (a bad input, a path that cannot be written, a refused key,
 * a resource limit...). {@link ErrorPolicy} turns it into exit code 2 and one line, never a stack trace. The
 * message must read as a plain sentence that names what to change.
 */
public interface UserFixable {

    /** Whether this instance is the user's to fix (an exception type may mix fixable and internal cases). */
    default boolean userCanFix() {
        return true;
    }
}
