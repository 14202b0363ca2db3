package org.econlab.agents;

import org.econlab.errors.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one run carries besides its scenario (design note 13): services that modules attach by type (the LLM
 * module its options and, once built, its gateways, usage meter, budget and cassette), the secrets to scrub from
 * what the run writes, warnings to report when it ends, and resources to release then. Created with the run and
 * handed to every policy through {@link AgentSetup}; never static, so two runs in one JVM share nothing.
 * Thread-safe.
 */
public final class RunContext {

    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
    private final Secrets secrets = new Secrets();
    private final List<Supplier<String>> warningSources = new CopyOnWriteArrayList<>();
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();
    private boolean closed;

    private RunContext() {
    }

    /** A fresh, empty context. */
    public static RunContext create() {
        return new RunContext();
    }

    /** Attaches {@code value} as the run's {@code type} (replacing any); returns this context. */
    public <T> RunContext with(Class<T> type, T value) {
        services.put(type, Objects.requireNonNull(value));
        return this;
    }

    /** The run's {@code type}, if attached. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    /** The run's {@code type}, or {@code fallback}. */
    public <T> T getOrDefault(Class<T> type, T fallback) {
        return find(type).orElse(fallback);
    }

    /**
     * The run's {@code type}, built by {@code factory} the first time it is asked for (so the worker, the planner and
     * an electorate of one run share one instance).
     */
    public synchronized <T> T computeIfAbsent(Class<T> type, Function<RunContext, T> factory) {
        Object v = services.get(type);
        if (v == null) {
            v = Objects.requireNonNull(factory.apply(this));
            services.put(type, v);
        }
        return type.cast(v);
    }

    /** The secrets this run read (API keys): everything the run writes is scrubbed of them. */
    public Secrets secrets() {
        return secrets;
    }

    /** Adds a source of an end-of-run warning (null from it: nothing to warn about), read when the run ends. */
    public void addWarningSource(Supplier<String> source) {
        warningSources.add(Objects.requireNonNull(source));
    }

    /** The warnings the run's modules report now, e.g. a high LLM fallback rate. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Supplier<String> s : warningSources) {
            String w = s.get();
            if (w != null && !w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Runs {@code closer} when the run ends (e.g. stopping call threads, closing a cassette). */
    public void onClose(Runnable closer) {
        closers.add(Objects.requireNonNull(closer));
    }

    /** Releases the run's resources, once; later calls do nothing. Services stay readable (e.g. the meter). */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        RuntimeException first = null;
        for (Runnable r : closers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
