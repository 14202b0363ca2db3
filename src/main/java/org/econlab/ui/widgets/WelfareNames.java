package org.econlab.ui.widgets;

import org.econlab.economy.WelfareFunction;

/**
 * Welfare functions by names a class reads ("Worst-off worker (maximin)"), for drop-downs and notes; the id a scenario
 * file uses ({@code inverse_income_average}) goes in a tooltip. Pure.
 */
public final class WelfareNames {

    private WelfareNames() {
    }

    /** The readable name of {@code k}. */
    public static String readable(WelfareFunction.Kind k) {
        return switch (k) {
            case INVERSE_INCOME -> "Paper's welfare (utility per dollar earned)";
            case INVERSE_SKILL -> "Fixed pro-poor weights (by skill)";
            case MAXIMIN -> "Worst-off worker (maximin)";
            case ATKINSON -> "Atkinson (inequality aversion ε)";
            case UTILITARIAN -> "Sum of utilities (utilitarian)";
            case INVERSE_INCOME_AVERAGE -> "AI Economist's average (by income)";
        };
    }

    /** The tooltip of {@code k}: its id in scenario files and what it measures. */
    public static String help(WelfareFunction.Kind k) {
        return "In scenario files: \"" + k.id() + "\"\n" + k.meaning();
    }
}
