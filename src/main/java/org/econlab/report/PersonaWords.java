package org.econlab.report;

import java.util.Arrays;

/**
 * A worker named for people: its number and a short form of its persona, short enough for a chart axis or a table
 * cell ("#78 Production, F 59"); tooltips give the whole persona. Pure; any thread.
 */
public final class PersonaWords {

    /** Longest occupation kept whole; longer ones are cut at a word and end in "…". */
    static final int OCCUPATION_CHARS = 18;

    private PersonaWords() {
    }

    /** "#78 Production, F 59" for worker 78 with persona "Production occupations, Female, 59"; "#78" without one. */
    public static String named(int worker, String persona) {
        String brief = brief(persona);
        return "#" + worker + (brief.isEmpty() ? "" : " " + brief);
    }

    /** "#78 · Production occupations, Female, 59": the number and the whole persona (for tooltips). */
    public static String inFull(int worker, String persona) {
        return "#" + worker + (persona == null || persona.isBlank() ? "" : " · " + persona);
    }

    /**
     * "Production occupations, Female, 59" becomes "Production, F 59"; "" stays "". Occupations may hold commas
     * ("Arts, design, entertainment, sports, and media"): the sex and the age are the last two parts.
     */
    public static String brief(String persona) {
        if (persona == null || persona.isBlank()) {
            return "";
        }
        String[] parts = persona.split(", ");
        if (parts.length < 3) {
            return persona.strip();
        }
        String occupation = String.join(", ", Arrays.copyOf(parts, parts.length - 2))
                .replaceFirst("(?i) occupations$", "");
        if (occupation.length() > OCCUPATION_CHARS) {
            int cut = occupation.lastIndexOf(' ', OCCUPATION_CHARS - 1);
            occupation = occupation.substring(0, cut > 0 ? cut : OCCUPATION_CHARS - 1).replaceAll("[ ,;]+$", "") + "…";
        }
        String sex = parts[parts.length - 2];
        return occupation + ", " + (sex.isEmpty() ? "" : sex.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + " ")
                + parts[parts.length - 1];
    }
}
