package org.econlab.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An LLM agent's in-context memory, kept the way the reference keeps its {@code message_history} (paper-model §3.4
 * "assembled message", §5.5): one entry per step with the step's {@code historical} block, its {@code user_prompt},
 * its {@code action}, a {@code leader} string and a {@code metric} (utility or SWF), and the text that is sent:
 * <pre>
 * Historical data:
 * Timestep t:            for t = max(0, k - min(H, entries)) .. k
 * {block t}
 * Best N timesteps:      N = min(5, entries unique on (metric, action)), sorted by metric, descending, stably
 * Timestep s (leader L):  L = the leader string of entry k, for every listed entry (paper-model §14.4)
 * {block s}
 * {user prompt of entry k}
 * </pre>
 * The style's {@link PromptStyle#ownLeaderHeaders()} shows each entry's own leader instead.
 *
 * <p>Not thread-safe: each agent's history is touched by one thread at a time.
 */
final class MessageHistory {

    /** One step's entry. */
    static final class Entry {
        final int timestep;
        final StringBuilder historical = new StringBuilder(256);
        final StringBuilder userPrompt = new StringBuilder();
        String action = "";
        String leader;
        /** The metric; {@code metricSet == false} means the reference's initial int {@code 0}. */
        double metric;
        boolean metricSet;
        /** Labour (workers) or rates (planner) of the entry, for running averages; not part of the text. */
        double labour;

        Entry(int timestep, String leader) {
            this.timestep = timestep;
            this.leader = leader;
        }

        void metric(double m) {
            metric = m;
            metricSet = true;
        }

        String metricKey() {
            return metricSet ? PyText.repr(metric) : "0";
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final int history;
    private final PromptStyle style;

    /**
     * @param history       H, the window length
     * @param style         the text style
     * @param initialLeader the leader string of entry 0 ({@code "planner"} in the reference)
     */
    MessageHistory(int history, PromptStyle style, String initialLeader) {
        this.history = history;
        this.style = style;
        entries.add(new Entry(0, initialLeader));
    }

    /** Appends the entry for {@code timestep} (the reference's {@code add_message_history_timestep}). */
    Entry add(int timestep) {
        Entry e = new Entry(timestep, "");
        entries.add(e);
        return e;
    }

    /** Entry {@code t}; entries are indexed by step. */
    Entry get(int t) {
        return entries.get(t);
    }

    boolean has(int t) {
        return t >= 0 && t < entries.size();
    }

    int size() {
        return entries.size();
    }

    /** The reference's {@code get_historical_message(timestep, include_user_prompt)}. */
    String text(int timestep, boolean includeUserPrompt) {
        StringBuilder out = new StringBuilder(4096);
        out.append("Historical data:\n");
        int from = Math.max(0, timestep - Math.min(history, entries.size()));
        for (int t = from; t <= timestep; t++) {
            out.append("Timestep ").append(t).append(":\n").append(entries.get(t).historical);
        }
        List<Entry> best = best();
        out.append("Best ").append(best.size()).append(" timesteps:\n");
        String current = entries.get(timestep).leader;
        for (Entry e : best) {
            String leader = style.ownLeaderHeaders() ? e.leader : current;
            out.append("Timestep ").append(e.timestep);
            if (style.ownLeaderHeaders() && (leader == null || leader.isEmpty())) {
                out.append(":\n");
            } else {
                out.append(" (leader ").append(leader == null ? "" : leader).append("):\n");
            }
            out.append(e.historical);
        }
        if (includeUserPrompt) {
            out.append(entries.get(timestep).userPrompt);
        }
        return out.toString();
    }

    /** Up to 5 entries, by metric descending (stable), unique on {@code str(metric) + action}. */
    private List<Entry> best() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Double.compare(b.metricSet ? b.metric : 0, a.metricSet ? a.metric : 0));
        List<Entry> out = new ArrayList<>(5);
        Set<String> seen = new HashSet<>();
        for (Entry e : sorted) {
            if (seen.add(e.metricKey() + e.action) && out.size() < 5) {
                out.add(e);
            }
        }
        return out;
    }
}
