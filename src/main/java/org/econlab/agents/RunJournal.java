package org.econlab.agents;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Decisions a run's agents want kept in the run record's {@code events.jsonl} (e.g. each decision of a human worker),
 * one JSON object per line. Policies add entries while a step is played; the record writer drains them after the
 * step, in the order they were added. A run context service ({@code context.computeIfAbsent(RunJournal.class,
 * c -> new RunJournal())}); thread-safe.
 */
public final class RunJournal {

    private final ConcurrentLinkedQueue<JsonObject> pending = new ConcurrentLinkedQueue<>();

    /** Adds an entry; {@code entry} must hold an {@code event} field naming what it is. Kept as given (not copied). */
    public void add(JsonObject entry) {
        if (!entry.has("event")) {
            throw new IllegalArgumentException("a journal entry needs an \"event\" field");
        }
        pending.add(entry);
    }

    /** Removes and returns the entries added so far, oldest first. */
    public List<JsonObject> drain() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject e; (e = pending.poll()) != null; ) {
            out.add(e);
        }
        return out;
    }
}
