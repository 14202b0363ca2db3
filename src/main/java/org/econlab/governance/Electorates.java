package org.econlab.governance;

import org.econlab.agents.AgentSetup;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Electorates by name, so a scenario's {@code planner.electorate} can pick the built-in rule-based voters
 * ({@code "built_in"}) or another registered kind, given as a name or as an object with {@code kind} and
 * that kind's parameters (e.g. {@code {"kind": "llm", "endpoint": "local"}}).
 */
public final class Electorates {

    /** Builds an electorate for one run. */
    @FunctionalInterface
    public interface Factory extends Function<AgentSetup, Electorate> {
    }

    /** Reads an electorate kind's parameters (validating them) and returns its factory. */
    @FunctionalInterface
    public interface Parser {
        Factory parse(JsonFields params);
    }

    public static final String BUILT_IN = "built_in";

    private static final Map<String, Parser> PARSERS = new LinkedHashMap<>();

    static {
        register(BUILT_IN, BuiltInElectorate::new);
    }

    private Electorates() {
    }

    /** Adds (or replaces) an electorate kind without parameters. */
    public static void register(String name, Factory factory) {
        registerWithParameters(name, params -> {
            params.rejectUnknown();
            return factory;
        });
    }

    /** Adds (or replaces) an electorate kind with parameters. */
    public static synchronized void registerWithParameters(String name, Parser parser) {
        PARSERS.put(name, parser);
    }

    /** Registered names, in registration order. */
    public static synchronized List<String> names() {
        return List.copyOf(PARSERS.keySet());
    }

    /**
     * Validates the electorate of kind {@code name} with {@code params} (which may carry a {@code kind} field
     * naming it) and returns its factory.
     *
     * @throws InvalidInputException naming the field at fault
     */
    public static synchronized Factory parse(String name, JsonFields params, String namePath) {
        Parser parser = PARSERS.get(name);
        if (parser == null) {
            throw new InvalidInputException(namePath, "unknown electorate \"" + name + "\" (known: "
                    + String.join(", ", names()) + ")");
        }
        return parser.parse(params);
    }

    /** A new electorate of kind {@code name} (without parameters) for the run described by {@code setup}. */
    public static Electorate create(String name, AgentSetup setup) {
        return parse(name, new JsonFields(null, "electorate"), "electorate").apply(setup);
    }
}
