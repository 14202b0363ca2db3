package org.econlab.ui.lessons;

import org.econlab.simulation.Scenario;

/**
 * What a lesson asks of the window, given by the shell: open a step's economy the way a scenario file is opened
 * (the draft and the run view model), and play two economies side by side. FX thread.
 */
public interface LessonHost {

    /**
     * Makes {@code scenario} the window's scenario (as opening a file does, unsaved edits asked about first) and
     * starts a fresh run of it.
     *
     * @return false when the user cancelled (the window's scenario is unchanged)
     */
    boolean open(Scenario scenario);

    /** Plays {@code left} and {@code right} (same population, seed and length) side by side, live, and shows them. */
    void sideBySide(String leftLabel, Scenario left, String rightLabel, Scenario right);

    /** Stops two economies playing side by side, if any (a step that shows one economy), and shows the charts. */
    void stopSideBySide();
}
