package org.econlab.agents;

import java.util.ServiceLoader;

/**
 * A module that adds worker, planner or other kinds to the registries ({@link WorkerKinds},
 * {@link PlannerKinds}). Implementations are listed in
 * {@code META-INF/services/org.econlab.agents.KindProvider} and loaded once, the first time either registry
 * is used, so the registries never depend on the modules that extend them (governance, llm, ...).
 */
public interface KindProvider {

    /** Registers this module's kinds. Called once per JVM. */
    void registerKinds();

    /** Loads every provider once; re-entrant calls during loading return at once. */
    static void loadAll() {
        Loader.loadOnce();
    }

    /** Holds the once-only flag. */
    final class Loader {
        private static boolean loaded;

        private Loader() {
        }

        static synchronized void loadOnce() {
            if (loaded) {
                return;
            }
            loaded = true; // before loading: providers register into the registries, which call back here
            for (KindProvider p : ServiceLoader.load(KindProvider.class, KindProvider.class.getClassLoader())) {
                p.registerKinds();
            }
        }
    }
}
