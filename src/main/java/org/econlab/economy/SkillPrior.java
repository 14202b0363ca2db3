package org.econlab.economy;

/**
 * Where worker skills come from (paper-model §2). A skill {@code v} is pre-tax income per hour of
 * weekly labour: income at {@code l} hours per week is {@code z = v l} dollars per year.
 */
public interface SkillPrior {

    /**
     * The skill at cumulative probability {@code p} in (0, 1): the inverse-transform sampler.
     * Monotone non-decreasing in {@code p}.
     */
    double skillAt(double p);

    /**
     * A fast function for drawing many skills: {@link #skillAt} itself, or an approximation of the prior's quantile
     * within the tolerance its class documents (a tabulated quantile). Thread-safe.
     */
    default java.util.function.DoubleUnaryOperator sampler() {
        return this::skillAt;
    }

    /** Short id used in scenario files ({@code gb2} or {@code uniform}). */
    String id();
}
