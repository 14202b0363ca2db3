package org.econlab.simulation;

import com.google.gson.JsonElement;

import org.econlab.errors.ErrorPolicy;
import org.econlab.errors.ResourceLimitException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The heap a run of a scenario needs, estimated from the number of agents and the worker and planner kinds before
 * anything is built, so a run too large for the JVM is refused in a second with the figures and the {@code -Xmx} to
 * use, instead of dying of {@link OutOfMemoryError} minutes later.
 *
 * <p>Bytes per agent, from the columns each part allocates (design note 4): the population 13 (skill, utility type,
 * skill order) plus 24 while it is being sorted, 32 more with personas, 8 more with workers' own deltas; the step
 * state 32 (hours, income, tax, utility); {@code learning} workers 144 (11 bins of value and visits, bin, satisfaction), {@code persona} workers 160;
 * {@code fixed} 0 and {@code rational} 0; {@code llm} workers 1,024 plus 700 per remembered step (prompt history);
 * the {@code democratic} planner 20. Other kinds count 64. The estimate is within about 10% of the heap measured
 * by {@code bench} for the built-in kinds.
 *
 * @param bytes   estimated peak heap of the run's data, in bytes
 * @param parts   bytes by part, for the message
 */
public record MemoryEstimate(long bytes, Map<String, Long> parts) {

    /** Fixed overhead besides the per-agent columns (scenario, census table, chunk buffers, JIT'd code). */
    static final long BASE_BYTES = 16L << 20;

    public static MemoryEstimate of(Scenario s) {
        long n = s.population().agents();
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("population", n * (13 + 24 + (s.population().personas() ? 32 : 0)
                + (s.population().deltas() != null ? 8 : 0))); // each worker's own delta
        parts.put("step state", n * 32);
        parts.put(s.worker().kind() + " workers", n * workerBytes(s));
        parts.put(s.planner().kind() + " planner", n * plannerBytes(s));
        long total = BASE_BYTES;
        for (long v : parts.values()) {
            total += v;
        }
        return new MemoryEstimate(total, parts);
    }

    private static long workerBytes(Scenario s) {
        return switch (s.worker().kind()) {
            case "rational", "fixed" -> 0;
            case "learning" -> 144;
            case "persona" -> 160;
            case "llm" -> 1024 + 700L * intField(s.worker().json().get("history"), 50);
            default -> 64;
        };
    }

    private static long plannerBytes(Scenario s) {
        return switch (s.planner().kind()) {
            case "democratic" -> 20;
            case "us_fed", "saez", "free_market", "uniform", "fixed", "icrl", "stackelberg", "llm" -> 0;
            default -> 64;
        };
    }

    private static long intField(JsonElement e, long fallback) {
        try {
            return e == null || e.isJsonNull() ? fallback : Math.max(0, e.getAsLong());
        } catch (RuntimeException ex) {
            return fallback;
        }
    }

    /**
     * Refuses {@code s} when its estimate exceeds the heap this JVM can still give.
     *
     * @throws ResourceLimitException with the estimate, the heap figures and the {@code -Xmx} to use
     */
    public static void check(Scenario s) {
        MemoryEstimate e = of(s);
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        if (e.bytes() < (max - used(rt)) * 0.9) {
            return;
        }
        System.gc(); // only when tight: garbage may be most of what looks used
        long used = used(rt);
        long available = max - used;
        if (e.bytes() < available * 0.9) {
            return;
        }
        long suggested = (long) Math.ceil((e.bytes() * 1.25 + used) / (double) (1L << 30));
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Long> p : e.parts().entrySet()) {
            if (p.getValue() > 0) {
                parts.append(parts.length() == 0 ? "" : ", ").append(p.getKey()).append(' ')
                        .append(ErrorPolicy.gigabytes(p.getValue()));
            }
        }
        throw new ResourceLimitException(String.format(Locale.ROOT,
                "population.agents: %,d %s workers need about %s of heap (%s) but this JVM may use %s and has %s free;"
                        + " run with java -Xmx%dg (or more), or use fewer agents",
                s.population().agents(), s.worker().kind(), ErrorPolicy.gigabytes(e.bytes()), parts,
                ErrorPolicy.gigabytes(max), ErrorPolicy.gigabytes(Math.max(0, available)), Math.max(1, suggested)));
    }

    private static long used(Runtime rt) {
        return rt.totalMemory() - rt.freeMemory();
    }
}
