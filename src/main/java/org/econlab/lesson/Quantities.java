package org.econlab.lesson;

import org.econlab.config.JsonFields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers a step computed: one value per seed for each quantity ({@code measure.quantity}, or
 * {@code measure.quantity@rate} for a value at one flat rate), and a few texts (a run's final rates). Values of
 * all quantities are paired: index i is seed i of {@link #seeds()}. Filled by one thread, then read-only.
 */
public final class Quantities {

    private final List<Long> seeds;
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    public Quantities(List<Long> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed");
        }
        this.seeds = List.copyOf(seeds);
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** The key of {@code quantity} of measurement {@code measure}, at flat rate {@code at} (NaN for none). */
    public static String key(String measure, String quantity, double at) {
        return measure + "." + quantity + (Double.isNaN(at) ? "" : "@" + JsonFields.format(at));
    }

    /** Records the value of {@code key} on seed number {@code seedIndex}. */
    public void put(String key, int seedIndex, double value) {
        values.computeIfAbsent(key, k -> {
            double[] a = new double[seeds.size()];
            Arrays.fill(a, Double.NaN);
            return a;
        })[seedIndex] = value;
    }

    /** Records a text (seed independent, e.g. the mean final rates). */
    public void putText(String key, String text) {
        texts.put(key, text);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * The values of {@code key}, one per seed (a copy).
     *
     * @throws IllegalArgumentException naming the quantity when the step computed no such quantity
     */
    public double[] values(String key) {
        double[] v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the step computed no " + key + " (it has: " + knownSample(key) + ")");
        }
        return v.clone();
    }

    /** The text under {@code key}, or null. */
    public String text(String key) {
        return texts.get(key);
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    private String knownSample(String key) {
        String measure = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : "";
        List<String> same = new ArrayList<>();
        for (String k : values.keySet()) {
            if (k.startsWith(measure) && !k.contains("@")) {
                same.add(k);
            }
        }
        if (same.isEmpty()) {
            same.addAll(values.keySet().stream().limit(12).toList());
        }
        return String.join(", ", same.stream().limit(20).toList());
    }
}
