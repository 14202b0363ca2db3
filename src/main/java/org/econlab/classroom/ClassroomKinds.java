package org.econlab.classroom;

import org.econlab.agents.KindProvider;

/** Registers the {@code human} worker and electorate kinds (loaded through {@link KindProvider}). */
public final class ClassroomKinds implements KindProvider {

    @Override
    public void registerKinds() {
        HumanWorkers.register();
        HumanElectorate.register();
    }
}
