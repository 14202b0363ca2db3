package org.econlab.simulation;

import java.util.Locale;

/** How a run ended. */
public enum RunOutcome {
    /** Not ended yet. */
    RUNNING,
    /** All steps done. */
    COMPLETED,
    /** Stopped by the user before the last step. */
    STOPPED,
    /** Ended by an error. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
