package org.econlab.ui.run;

/** The steps per second a run plays at, measured over half-second windows for the status line. FX thread. */
final class StepRate {

    private static final long WINDOW_NANOS = 500_000_000L;
    private long since;
    private int stepsThen;
    private double perSecond;

    /** Starts measuring a new run at step 0, time {@code now} (nanoseconds). */
    void restart(long now) {
        since = now;
        stepsThen = 0;
        perSecond = 0;
    }

    /** Sees {@code steps} done at {@code now}; once per window the rate is measured again. */
    void saw(int steps, long now) {
        if (now - since > WINDOW_NANOS) {
            perSecond = (steps - stepsThen) / ((now - since) / 1e9);
            stepsThen = steps;
            since = now;
        }
    }

    /** Steps per second over the last complete window. */
    double perSecond() {
        return perSecond;
    }
}
