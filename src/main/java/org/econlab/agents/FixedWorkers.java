package org.econlab.agents;

import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

/**
 * Workers with constant hours (paper-model §3.7): either the same given hours for everyone, or, as the
 * reference's {@code FixedWorker}, an integer drawn once per agent uniformly from 40..60.
 */
public final class FixedWorkers implements WorkerPolicy {

    public static final String KIND = "fixed";

    /** The reference's per-agent draw: {@code randint(40, 61)}. */
    public static final int PAPER_MIN_HOURS = 40;
    public static final int PAPER_MAX_HOURS = 60;

    private final Double hoursPerWeek;
    private final long seed;
    private final double[] drawnHours;

    /**
     * @param hoursPerWeek the hours every worker supplies, or null for the reference's 40..60 draw
     * @param seed         run seed for the per-agent draw
     */
    public FixedWorkers(Double hoursPerWeek, long seed) {
        this(hoursPerWeek, seed, null);
    }

    /**
     * @param hoursPerWeek the hours every worker supplies, or null for the reference's 40..60 draw
     * @param seed         run seed for the per-agent draw from the lab's streams
     * @param drawnHours   the 40..60 hours already drawn with the reference's generator
     *                     ({@link Population#drawnHours()}, {@code random: numpy}), used instead of the lab's draw;
     *                     null for none
     */
    public FixedWorkers(Double hoursPerWeek, long seed, double[] drawnHours) {
        this.hoursPerWeek = hoursPerWeek;
        this.seed = seed;
        this.drawnHours = drawnHours;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void chooseHours(StepContext ctx, Population population, WorkerState state, int from, int to) {
        double[] hours = state.hours();
        double max = ctx.labour().maxHoursPerWeek();
        for (int i = from; i < to; i++) {
            hours[i] = Math.min(max, hoursOf(i));
        }
    }

    /** The constant hours of agent {@code i}. */
    public double hoursOf(int i) {
        if (hoursPerWeek != null) {
            return hoursPerWeek;
        }
        if (drawnHours != null) {
            return drawnHours[i];
        }
        int span = PAPER_MAX_HOURS - PAPER_MIN_HOURS + 1;
        return PAPER_MIN_HOURS + (int) (RandomStreams.uniform(seed, Purpose.FIXED_HOURS, i, 0, 0) * span);
    }
}
