package org.econlab.llm;

import org.econlab.agents.KindProvider;
import org.econlab.governance.Electorates;

/**
 * Registers the LLM-backed kinds: the {@code llm} worker, the {@code llm} planner and the {@code llm}
 * electorate for the democratic planner (loaded through {@link KindProvider}).
 */
public final class LlmKinds implements KindProvider {

    @Override
    public void registerKinds() {
        LlmWorkers.register();
        LlmPlanner.register();
        Electorates.registerWithParameters(LlmElectorate.KIND, params -> {
            LlmElectorate.Settings settings = LlmElectorate.parse(params);
            String path = params.path();
            return setup -> new LlmElectorate(setup, settings, path);
        });
    }
}
