package org.econlab.ui.widgets;

import org.econlab.economy.WelfareFunction;

/**
 * Welfare functions by names a class reads ("Worst-off (maximin)"), for drop-downs and notes; the id a scenario
 * file uses ({@code inverse_income_average}) goes in a tooltip. Pure.
 */
public final class WelfareNames {

    private WelfareNames() {
    }

    /** The readable name of {@code k}. */
    public static String readable(WelfareFunction.Kind k) {
        return switch (k) {
            case INVERSE_INCOME -> "Paper's welfare";
            case INVERSE_SKILL -> "Pro-poor weights";
            case MAXIMIN -> "Worst-off (maximin)";
            case ATKINSON -> "Atkinson";
            case UTILITARIAN -> "Utilitarian sum";
            case INVERSE_INCOME_AVERAGE -> "AI Economist average";
        };
    }

    /** The tooltip of {@code k}: its id in scenario files and what it measures. */
    public static String help(WelfareFunction.Kind k) {
        return "In scenario files: \"" + k.id() + "\"\n" + k.meaning();
    }
}
