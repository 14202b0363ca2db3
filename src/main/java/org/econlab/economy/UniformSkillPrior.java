package org.econlab.economy;

/**
 * Skills uniform on {@code [low, high]} (paper-model §2.1, {@code --agent-mix uniform}: U(1.24, 159.1)).
 *
 * @param low  smallest skill, non-negative
 * @param high largest skill, at least {@code low}
 */
public record UniformSkillPrior(double low, double high) implements SkillPrior {

    /** The reference implementation's uniform mix. */
    public static final UniformSkillPrior PAPER = new UniformSkillPrior(1.24, 159.1);

    public UniformSkillPrior {
        if (!(low >= 0) || !(high >= low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("need 0 <= low <= high, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public double skillAt(double p) {
        return low + p * (high - low);
    }

    @Override
    public String id() {
        return "uniform";
    }
}
