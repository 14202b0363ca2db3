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
     * {@link #skillAt} as a function for drawing many skills: the same values, with anything it needs (a quantile
     * table) looked up once instead of per draw. Thread-safe.
     */
    default java.util.function.DoubleUnaryOperator sampler() {
        return this::skillAt;
    }

    /** Short id used in scenario files ({@code gb2} or {@code uniform}). */
    String id();
}
