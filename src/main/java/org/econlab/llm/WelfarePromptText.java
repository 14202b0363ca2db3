package org.econlab.llm;

import org.econlab.economy.WelfareFunction;

/**
 * How the planner's prompts name the welfare function in force. The paper's sentence and formula are kept
 * exactly for {@code inverse_income}; the reference's later utilitarian variant ("which is the sum of all agent
 * utilities") for {@code utilitarian}; the others are written in the same style.
 */
public final class WelfarePromptText {

    private WelfarePromptText() {
    }

    /** The clause after "in order to optimize social welfare, " in the planner's system prompt. */
    public static String clause(WelfareFunction w) {
        return switch (w.kind()) {
            case INVERSE_INCOME -> "which is the average of all agent utilities weighted by their inverse pre-tax income";
            case UTILITARIAN -> "which is the sum of all agent utilities";
            case INVERSE_SKILL -> "which is the sum of all agent utilities weighted by their inverse income at 40 hours"
                    + " of labor";
            case MAXIMIN -> "which is the utility of the worst-off agent";
            case ATKINSON -> "which is the number of agents times the equally distributed equivalent of all agent"
                    + " utilities with inequality aversion " + number(w.epsilon());
            case INVERSE_INCOME_AVERAGE -> "which is the weighted average of all agent utilities with weights"
                    + " proportional to their inverse pre-tax income";
        };
    }

    /** The formula shown in each history block: {@code social welfare: swf = <formula> = <value>}. */
    public static String formula(WelfareFunction w) {
        return switch (w.kind()) {
            case INVERSE_INCOME -> "u_1/z_1 + ... + u_N/z_N";
            case UTILITARIAN -> "u_1 + ... + u_N";
            case INVERSE_SKILL -> "u_1/(40*s_1) + ... + u_N/(40*s_N)";
            case MAXIMIN -> "min(u_1, ..., u_N)";
            case ATKINSON -> w.epsilon() == 1
                    ? "N * exp((ln u_1 + ... + ln u_N) / N)"
                    : "N * ((u_1^(1-e) + ... + u_N^(1-e)) / N)^(1/(1-e)), e=" + number(w.epsilon());
            case INVERSE_INCOME_AVERAGE -> "(u_1/z_1 + ... + u_N/z_N) / (1/z_1 + ... + 1/z_N)";
        };
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
