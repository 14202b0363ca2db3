package org.econlab.ui.run;

import org.econlab.simulation.Scenario;

/**
 * Changes what a new run is built from, e.g. a class makes some workers seats for students and attaches itself to
 * the run's context. Called on the FX thread ({@link #scenario}) and on the thread that builds the run
 * ({@link #context}).
 */
public interface RunDecorator {
    /** The scenario the run plays, given the edited one. */
    Scenario scenario(Scenario edited);

    /** Adds services to the new run's context. */
    void context(org.econlab.agents.RunContext context);
}
