package org.econlab.agents;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kinds by name with a one-line description each, in registration order: the shared machinery of
 * {@link WorkerKinds} and {@link PlannerKinds}. Thread-safe.
 *
 * @param <P> the parser type of the kinds
 */
final class KindRegistry<P> {

    private final String role;
    private final Map<String, P> parsers = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /** @param role what the kinds are kinds of, for messages ("worker", "planner") */
    KindRegistry(String role) {
        this.role = role;
    }

    synchronized void register(String kind, String description, P parser) {
        parsers.put(kind, parser);
        descriptions.put(kind, description);
    }

    synchronized Map<String, String> descriptions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
    }

    /** The parser of the kind named by {@code spec.kind}, or an error at that field listing the known kinds. */
    synchronized P parserFor(JsonFields spec) {
        String kind = spec.requiredString("kind");
        P parser = parsers.get(kind);
        if (parser == null) {
            throw new InvalidInputException(spec.pathOf("kind"), "unknown " + role + " kind \"" + kind
                    + "\" (known: " + String.join(", ", parsers.keySet()) + ")");
        }
        return parser;
    }
}
