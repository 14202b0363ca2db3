package org.econlab.population;

import java.util.Locale;

/**
 * A worker's demographic persona (paper-model §4.1): occupation major group, sex and age in years.
 * Immutable.
 */
public record Persona(String occupation, String sex, int age) {

    /**
     * The reference implementation's persona key: occupation lower-cased, spaces to {@code _}, commas and
     * dots removed, then {@code _i}.
     */
    public String key(int agentIndex) {
        String occ = occupation.toLowerCase(Locale.ROOT).replace(",", "").replace(".", "").replace(' ', '_');
        return occ + "_" + agentIndex;
    }

    /** A one-line description for tables and prompts, e.g. "a 34-year-old female, Sales and related". */
    public String describe() {
        return "a " + age + "-year-old " + sex.toLowerCase(Locale.ROOT) + ", " + occupation;
    }
}
