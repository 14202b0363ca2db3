package org.econlab.economy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the planner's social welfare function weighs utilities (paper-model §7). */
public enum SwfWeighting {
    /** The paper's SWF: {@code sum_i u_i / max(z_i, 1)}, an unnormalised inverse-income-weighted sum. */
    INVERSE_INCOME("inverse_income"),
    /** {@code sum_i u_i}. */
    UTILITARIAN("utilitarian"),
    /** The AI Economist's normalised weighted average {@code sum_i u_i w_i}, {@code w_i ∝ 1/max(z_i,1)}. */
    INVERSE_INCOME_AVERAGE("inverse_income_average");

    private final String id;

    SwfWeighting(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SwfWeighting> byId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("rawlsian")) {
            return Optional.of(INVERSE_INCOME); // the later upstream name for the same sum
        }
        return Arrays.stream(values()).filter(w -> w.id.equals(n)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(SwfWeighting::id).toList());
    }
}
