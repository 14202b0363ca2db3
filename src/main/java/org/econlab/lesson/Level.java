package org.econlab.lesson;

import java.util.Arrays;
import java.util.List;

/** Who a lesson is written for. */
public enum Level {
    SCHOOL("school", "school"),
    FIRST_YEAR("first_year", "first-year university"),
    GRADUATE("graduate", "graduate");

    private final String id;
    private final String label;

    Level(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value written in a lesson file ({@code school}, {@code first_year}, {@code graduate}). */
    public String id() {
        return id;
    }

    /** In words, for a chooser or a handout. */
    public String label() {
        return label;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Level::id).toList();
    }

    public static Level byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level " + id));
    }
}
