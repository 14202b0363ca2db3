package org.econlab.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts LLM usage per role for a run: calls, retries (transport retries and agent re-asks), failures
 * (failed calls and invalid replies), fallbacks (decisions taken without a valid reply after every attempt),
 * input and output tokens, cost (nano-dollars, integer so that totals never depend on call order) and latency;
 * and, per endpoint profile, the calls it answered (so a run spread over several servers says which answered how
 * many). Thread-safe. A budget (tokens and/or dollars) is checked by the policies after each step.
 */
public final class UsageMeter {

    /** Counter indices. */
    public static final int CALLS = 0;
    public static final int RETRIES = 1;
    public static final int FAILURES = 2;
    public static final int FALLBACKS = 3;
    public static final int TOKENS_IN = 4;
    public static final int TOKENS_OUT = 5;
    public static final int COST_NANO_USD = 6;
    public static final int LATENCY_MILLIS = 7;
    /** Transport retries alone (also inside {@link #RETRIES}). */
    public static final int TRANSPORT_RETRIES = 8;
    /** Calls that failed after their transport retries (also inside {@link #FAILURES}). */
    public static final int FAILED_CALLS = 9;
    /** Unusable replies (also inside {@link #FAILURES}). */
    public static final int INVALID_REPLIES = 10;
    /**
     * Replies cut by the token limit (finish reason {@code length}, or JSON / a persona text that ends inside a
     * value): never parsed, asked again. Their own kind of retry: not inside {@link #FAILURES}; the re-ask is counted
     * in {@link #RETRIES} as every re-ask is.
     */
    public static final int TRUNCATED = 11;
    /** Decisions asked for (each ends in a usable reply or a fallback); the base of the fallback rate. */
    public static final int DECISIONS = 12;
    static final int COUNTERS = 13;

    /** steps.csv column suffixes (latency is not a column: it differs on replay) ... */
    public static final List<String> COLUMN_NAMES = List.of("calls", "retries", "failures", "fallbacks", "tokens_in",
            "tokens_out", "cost_usd", "truncated");

    /** ... and the counter behind each of them. */
    public static final int[] COLUMN_COUNTERS = {CALLS, RETRIES, FAILURES, FALLBACKS, TOKENS_IN, TOKENS_OUT,
            COST_NANO_USD, TRUNCATED};

    private final Map<String, AtomicLongArray> byRole = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> answeredByEndpoint = new ConcurrentHashMap<>();
    private volatile long budgetTokens; // 0 = none
    private volatile double budgetUsd;  // 0 = none

    private AtomicLongArray role(String role) {
        return byRole.computeIfAbsent(role, r -> new AtomicLongArray(COUNTERS));
    }

    /** A call that returned a reply. */
    public void reply(String role, LlmReply r) {
        AtomicLongArray c = role(role);
        c.incrementAndGet(CALLS);
        c.addAndGet(RETRIES, r.transportRetries());
        c.addAndGet(TRANSPORT_RETRIES, r.transportRetries());
        c.addAndGet(TOKENS_IN, r.inputTokens());
        c.addAndGet(TOKENS_OUT, r.outputTokens());
        c.addAndGet(COST_NANO_USD, r.costNanoUsd());
        c.addAndGet(LATENCY_MILLIS, r.latencyMillis());
        answeredByEndpoint.computeIfAbsent(r.endpoint(), e -> new AtomicLong()).incrementAndGet();
    }

    /** A call that failed after {@code transportRetries} transport retries. */
    public void failedCall(String role, int transportRetries) {
        AtomicLongArray c = role(role);
        c.incrementAndGet(CALLS);
        c.incrementAndGet(FAILURES);
        c.incrementAndGet(FAILED_CALLS);
        c.addAndGet(RETRIES, transportRetries);
        c.addAndGet(TRANSPORT_RETRIES, transportRetries);
    }

    /** A reply the agent could not use (unparseable, missing key, wrong length). */
    public void invalidReply(String role) {
        AtomicLongArray c = role(role);
        c.incrementAndGet(FAILURES);
        c.incrementAndGet(INVALID_REPLIES);
    }

    /** A reply cut by the token limit (asked again, never parsed). */
    public void truncated(String role) {
        role(role).incrementAndGet(TRUNCATED);
    }

    /** The agent asks again (attempt 2..12). */
    public void reask(String role) {
        role(role).incrementAndGet(RETRIES);
    }

    /** An agent starts asking for one decision (up to its attempts). */
    public void decision(String role) {
        role(role).incrementAndGet(DECISIONS);
    }

    /** A decision taken by the documented fallback. */
    public void fallback(String role) {
        role(role).incrementAndGet(FALLBACKS);
    }

    /** Counter {@code index} of {@code role} so far (0 for a role never seen). */
    public long get(String role, int index) {
        AtomicLongArray c = byRole.get(role);
        return c == null ? 0 : c.get(index);
    }

    /** Counter {@code index} summed over all roles. */
    public long total(int index) {
        long s = 0;
        for (AtomicLongArray c : byRole.values()) {
            s += c.get(index);
        }
        return s;
    }

    public double totalCostUsd() {
        return total(COST_NANO_USD) / 1e9;
    }

    /** Sets the budget; 0 means no limit. */
    public void setBudget(long tokens, double usd) {
        this.budgetTokens = tokens;
        this.budgetUsd = usd;
    }

    /** The token budget (0: none). */
    public long budgetTokens() {
        return budgetTokens;
    }

    /** The dollar budget (0: none). */
    public double budgetUsd() {
        return budgetUsd;
    }

    /** Why the budget is exhausted, or null while within it. */
    public String budgetExhausted() {
        long tokens = total(TOKENS_IN) + total(TOKENS_OUT);
        if (budgetTokens > 0 && tokens >= budgetTokens) {
            return "budget: " + tokens + " LLM tokens used, budget " + budgetTokens;
        }
        double usd = totalCostUsd();
        if (budgetUsd > 0 && usd >= budgetUsd) {
            return String.format(java.util.Locale.ROOT, "budget: $%.4f of LLM calls, budget $%.4f", usd, budgetUsd);
        }
        return null;
    }

    /** Roles seen so far, sorted, with their counters (for summaries). */
    public Map<String, long[]> snapshot() {
        Map<String, long[]> out = new LinkedHashMap<>();
        List<String> roles = new ArrayList<>(byRole.keySet());
        roles.sort(null);
        for (String r : roles) {
            AtomicLongArray c = byRole.get(r);
            long[] v = new long[COUNTERS];
            for (int i = 0; i < COUNTERS; i++) {
                v[i] = c.get(i);
            }
            out.put(r, v);
        }
        return out;
    }

    /** Calls answered so far per endpoint profile name (a replayed call counts for the endpoint that recorded it), sorted. */
    public Map<String, Long> answeredByEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        answeredByEndpoint.forEach((e, n) -> out.put(e, n.get()));
        return out;
    }

    /** One line per role, and one for the endpoints when several answered, e.g. for the CLI. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, long[]> e : snapshot().entrySet()) {
            long[] v = e.getValue();
            b.append(String.format(java.util.Locale.ROOT,
                    "llm %s: calls=%d retries=%d truncated=%d failures=%d fallbacks=%d tokens_in=%d tokens_out=%d cost=$%.6f mean_latency=%.0fms%n",
                    e.getKey(), v[CALLS], v[RETRIES], v[TRUNCATED], v[FAILURES], v[FALLBACKS], v[TOKENS_IN], v[TOKENS_OUT],
                    v[COST_NANO_USD] / 1e9, v[CALLS] == 0 ? 0.0 : (double) v[LATENCY_MILLIS] / v[CALLS]));
        }
        Map<String, Long> endpoints = answeredByEndpoint();
        if (endpoints.size() > 1) {
            b.append("llm endpoints:");
            endpoints.forEach((e, n) -> b.append(' ').append(e).append('=').append(n));
            b.append(String.format("%n"));
        }
        return b.toString();
    }
}
