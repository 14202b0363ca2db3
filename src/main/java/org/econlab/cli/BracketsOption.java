package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.TaxBrackets;

import java.util.Arrays;

/** Parses a {@code --brackets} value: a preset id or explicit comma-separated cutoffs in dollars. */
final class BracketsOption {

    private BracketsOption() {
    }

    static TaxBrackets parse(String value) {
        var preset = BracketPreset.byId(value);
        if (preset.isPresent()) {
            return preset.get().brackets();
        }
        double[] cutoffs = numbers("--brackets", value);
        String problem = TaxBrackets.problemWith(cutoffs);
        if (problem != null) {
            throw new InvalidInputException("--brackets", problem + " (give a preset: " + BracketPreset.ids()
                    + ", or cutoffs such as 0,90000,159100,10000000)");
        }
        return TaxBrackets.of(cutoffs);
    }

    static double[] numbers(String option, String value) {
        try {
            return Arrays.stream(value.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option, "\"" + value + "\" is not a comma-separated list of numbers");
        }
    }
}
