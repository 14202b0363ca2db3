package org.econlab.ui.agents;

import java.util.List;
import java.util.Locale;

/**
 * How the agent table shows the per-agent columns a run reports beside the population's
 * ({@link org.econlab.agents.AgentDetails}): each column's header, number format and help, and the selected worker's
 * own δ in words. Pure functions.
 */
final class DetailColumns {

    /** The column of each worker's own labour-cost exponent (heterogeneous elasticities). */
    static final String DELTA = "delta";

    private DetailColumns() {
    }

    /** The header: {@code δ} for the own-delta column, else the name capitalised with spaces. */
    static String title(String name) {
        if (name.equals(DELTA)) {
            return "δ";
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', ' ');
    }

    /** The cell format. */
    static String format(String name) {
        return switch (name) {
            case "vote" -> "#%.0f";
            case DELTA -> "%.2f";
            default -> "%.3f";
        };
    }

    /** The header's tooltip. */
    static String help(String name) {
        return switch (name) {
            case "vote" -> "The candidate this worker voted for";
            case DELTA -> "The worker's own labour-cost exponent δ in u = z − T(z) + rebate − c · l^δ, drawn from the"
                    + " scenario's δ distribution; its labour elasticity is 1/(δ − 1)";
            default -> name.replace('_', ' ') + ", as the run reports it";
        };
    }

    /**
     * The selected worker's own δ in words, {@code " with its own δ = 3.42 (labour elasticity 0.41)"}, or empty when
     * the run's workers share one δ ({@code names} has no own-delta column).
     */
    static String ownDelta(List<String> names, double[] extra) {
        int c = names.indexOf(DELTA);
        if (c < 0 || c >= extra.length || !(extra[c] > 1)) {
            return "";
        }
        return String.format(Locale.ROOT, " with its own δ = %.2f (labour elasticity %.2f)", extra[c],
                1 / (extra[c] - 1));
    }
}
