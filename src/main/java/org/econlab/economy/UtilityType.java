package org.econlab.economy;

import java.util.Locale;

/** What a worker maximises (paper-model §3.2). */
public enum UtilityType {
    /** Its own isoelastic utility {@code z~ - c l^delta}. */
    EGOTISTICAL,
    /** The planner's SWF of the previous step. */
    ALTRUISTIC,
    /** Minus the planner's SWF of the previous step. */
    ADVERSARIAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
