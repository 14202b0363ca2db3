package org.econlab.governance;

import org.econlab.agents.AgentSetup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Electorates by name, so a scenario's {@code planner.electorate} can pick the built-in rule-based voters
 * or an LLM electorate registered by the LLM module ({@code Electorates.register("llm", setup -> ...)}).
 */
public final class Electorates {

    /** Builds an electorate for one run. */
    @FunctionalInterface
    public interface Factory extends Function<AgentSetup, Electorate> {
    }

    public static final String BUILT_IN = "built_in";

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        register(BUILT_IN, BuiltInElectorate::new);
    }

    private Electorates() {
    }

    /** Adds (or replaces) an electorate kind. */
    public static synchronized void register(String name, Factory factory) {
        FACTORIES.put(name, factory);
    }

    /** Registered names, in registration order. */
    public static synchronized List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** A new electorate of kind {@code name} for the run described by {@code setup}. */
    public static synchronized Electorate create(String name, AgentSetup setup) {
        Factory f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown electorate \"" + name + "\" (known: " + names() + ")");
        }
        return f.apply(setup);
    }
}
