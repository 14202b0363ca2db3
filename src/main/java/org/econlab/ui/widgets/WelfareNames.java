package org.econlab.ui.widgets;

import org.econlab.economy.WelfareFunction;

/**
 * The tooltip of a welfare function in drop-downs, whose items show its {@link WelfareFunction.Kind#plainName()}
 * ("Worst-off (maximin)"): the id a scenario file uses ({@code inverse_income_average}) and what it measures. Pure.
 */
public final class WelfareNames {

    private WelfareNames() {
    }

    /** The tooltip of {@code k}: its id in scenario files and what it measures. */
    public static String help(WelfareFunction.Kind k) {
        return "In scenario files: \"" + k.id() + "\"\n" + k.meaning();
    }
}
