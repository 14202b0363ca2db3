package org.econlab.agents;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code policy_gradient} planner observes at a tax-year start, as numbers of order 1: the LLM planner's
 * observations (the rates in force, last year's hours and income distribution, the welfare history) summarised.
 *
 * <p>Per bracket j ({@link #count} features): 1; {@code r_j/100}; {@code (r_j/100)^2}; mean rate/100; progress
 * (tax year / tax years in the run); last year's mean hours / max hours; last year's share of workers whose income
 * reaches bracket j; the welfare trend {@code tanh(5 (W_{y-1} - W_{y-2}) / |W_{y-2}|)} of the last two years' mean
 * SWF (0 before two years); that trend times bracket j's last move / 20 ("the last move raised welfare"); and a
 * one-hot of j. The baseline ({@link #baselineCount} features): 1, progress, progress^2, mean rate/100, its square,
 * mean hours share, welfare trend, and every {@code r_j/100}.
 *
 * <p>Pure functions of an {@link Observation}.
 */
public final class PolicyFeatures {

    private static final int SHARED = 9;
    private static final int BASELINE_SHARED = 7;

    private PolicyFeatures() {
    }

    /**
     * One tax-year start's observation.
     *
     * @param ratesPercent  the rates in force, per bracket
     * @param progress      tax year index / tax years in the run, in [0, 1)
     * @param hoursShare    last year's mean hours / max hours (0 before any year)
     * @param reachShare    per bracket: last year's share of workers whose income exceeded its lower cutoff
     * @param welfareTrend  tanh of the last year's relative change in mean SWF, in (-1, 1)
     * @param lastMove      per bracket: the DELTA applied at the previous tax-year start (points)
     */
    public record Observation(double[] ratesPercent, double progress, double hoursShare, double[] reachShare,
                              double welfareTrend, double[] lastMove) {
    }

    /** Features per bracket for K brackets. */
    public static int count(int brackets) {
        return SHARED + brackets;
    }

    /** Baseline features for K brackets. */
    public static int baselineCount(int brackets) {
        return BASELINE_SHARED + brackets;
    }

    /** Feature names in order (written into policy files and checked when one is read). */
    public static List<String> names(int brackets) {
        List<String> n = new ArrayList<>(List.of("bias", "rate", "rate_squared", "mean_rate", "progress", "hours_share",
                "reach_share", "welfare_trend", "trend_times_last_move"));
        for (int j = 0; j < brackets; j++) {
            n.add("bracket_" + j);
        }
        return n;
    }

    /** Bracket {@code j}'s features into {@code out} (length {@link #count}). */
    public static void bracket(Observation o, int j, double[] out) {
        double r = o.ratesPercent()[j] / 100;
        out[0] = 1;
        out[1] = r;
        out[2] = r * r;
        out[3] = meanRate(o);
        out[4] = o.progress();
        out[5] = o.hoursShare();
        out[6] = o.reachShare()[j];
        out[7] = o.welfareTrend();
        out[8] = o.welfareTrend() * o.lastMove()[j] / 20;
        for (int b = 0; b < o.ratesPercent().length; b++) {
            out[SHARED + b] = b == j ? 1 : 0;
        }
    }

    /** The year's baseline features into {@code out} (length {@link #baselineCount}). */
    public static void global(Observation o, double[] out) {
        double m = meanRate(o);
        out[0] = 1;
        out[1] = o.progress();
        out[2] = o.progress() * o.progress();
        out[3] = m;
        out[4] = m * m;
        out[5] = o.hoursShare();
        out[6] = o.welfareTrend();
        for (int b = 0; b < o.ratesPercent().length; b++) {
            out[BASELINE_SHARED + b] = o.ratesPercent()[b] / 100;
        }
    }

    private static double meanRate(Observation o) {
        double s = 0;
        for (double r : o.ratesPercent()) {
            s += r;
        }
        return s / o.ratesPercent().length / 100;
    }
}
