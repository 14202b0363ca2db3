package org.econlab.report;

import org.econlab.config.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** File formats a figure can be written in. */
public enum ExportFormat {
    PNG, SVG, PDF, CSV;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code png,svg}. */
    public static List<ExportFormat> parseList(String option, String value) {
        List<ExportFormat> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                ExportFormat f = valueOf(p);
                if (!out.contains(f)) {
                    out.add(f);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(option, "unknown format \"" + part.trim() + "\" (known: png, svg, pdf, csv)");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(option, "name at least one format (png, svg, pdf, csv)");
        }
        return out;
    }
}
