package org.econlab.economy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The bracket settings of the reference implementation (paper-model §5.1), resolved by name from
 * scenario files and the command line.
 */
public enum BracketPreset {
    /** One bracket: a flat tax. */
    FLAT("flat", 0, TaxBrackets.PAPER_TOP_CUTOFF_USD),
    /** The CLI default of the reference code: [0, 90,000, 159,100, 10M]. */
    THREE("three", 0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD),
    /** 2024 U.S. federal single-filer thresholds, unscaled, topped at 10M. */
    US_FED_2024("us_fed_2024", 0, 11_600, 47_150, 100_525, 191_950, 243_725, 609_350,
            TaxBrackets.PAPER_TOP_CUTOFF_USD);

    /** The 2024 U.S. federal marginal rates in percent, for {@link #US_FED_2024}. */
    public static final double[] US_FED_2024_RATES_PERCENT = {10, 12, 22, 24, 32, 35, 37};

    private final String id;
    private final double[] cutoffsUsd;

    BracketPreset(String id, double... cutoffsUsd) {
        this.id = id;
        this.cutoffsUsd = cutoffsUsd;
    }

    /** The name used in scenario files and on the command line. */
    public String id() {
        return id;
    }

    public TaxBrackets brackets() {
        return TaxBrackets.of(cutoffsUsd);
    }

    /** Looks a preset up by its id, case-insensitively; {@code US_FED} is accepted for {@code us_fed_2024}. */
    public static Optional<BracketPreset> byId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("us_fed")) {
            return Optional.of(US_FED_2024);
        }
        return Arrays.stream(values()).filter(p -> p.id.equals(n)).findFirst();
    }

    /** All ids, comma-separated, for error messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(BracketPreset::id).toList());
    }
}
