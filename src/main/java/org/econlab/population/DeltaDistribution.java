package org.econlab.population;

import com.google.gson.JsonObject;

import org.apache.commons.math3.special.Erf;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the labour-cost exponent delta of {@code u = z~ - c l^delta} varies across workers (issue 20; the paper has
 * one delta for all). Each worker draws its own delta once, from one uniform of the population stream
 * ({@link org.econlab.random.RandomStreams.Purpose#DELTA}) and, for a table, its persona. Its labour elasticity is
 * then {@code e_i = 1/(delta_i - 1)}. Immutable; {@link #draw} is pure and thread-safe.
 *
 * <ul>
 *   <li>{@code {"dist": "uniform", "min": A, "max": B}}: delta uniform on [A, B], A &gt; 1.</li>
 *   <li>{@code {"dist": "lognormal", "median": M, "sigma": S}}: {@code delta - 1} log-normal with median M - 1 and
 *   log-sd S, so delta &gt; 1 always and the elasticity {@code 1/(delta - 1)} is log-normal too (median 1/(M-1)).</li>
 *   <li>{@code {"dist": "table", "by": "occupation"|"age", "values": {"KEY": delta, ...}, "otherwise": D}}: delta by
 *   the worker's occupation (major group, as in the census table) or age band ({@code "25-34"}, ...; the census
 *   bands); {@code otherwise} for keys not in the table (required unless the table covers every key). Needs
 *   personas.</li>
 * </ul>
 *
 * @param kind   uniform, lognormal or table
 * @param a      uniform: min; lognormal: median; table: the {@code otherwise} delta (NaN when none)
 * @param b      uniform: max; lognormal: sigma; table: unused (0)
 * @param by     table: occupation or age; otherwise null
 * @param values table: delta per key, in file order; otherwise empty
 */
public record DeltaDistribution(Kind kind, double a, double b, String by, Map<String, Double> values) {

    /** The distribution families. */
    public enum Kind {
        UNIFORM, LOGNORMAL, TABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Smallest delta a worker may have (the cost of labour must stay convex). */
    public static final double MIN_DELTA = 1.0000001;
    public static final double MAX_DELTA = 100;

    public DeltaDistribution {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static DeltaDistribution uniform(double min, double max) {
        return new DeltaDistribution(Kind.UNIFORM, min, max, null, Map.of());
    }

    public static DeltaDistribution lognormal(double median, double sigma) {
        return new DeltaDistribution(Kind.LOGNORMAL, median, sigma, null, Map.of());
    }

    /** A table by {@code "occupation"} or {@code "age"}; {@code otherwise} may be NaN (then every key must be given). */
    public static DeltaDistribution table(String by, Map<String, Double> values, double otherwise) {
        return new DeltaDistribution(Kind.TABLE, otherwise, 0, by, values);
    }

    /** Whether drawing needs the workers' personas. */
    public boolean needsPersonas() {
        return kind == Kind.TABLE;
    }

    /**
     * Worker's delta from a uniform {@code u} in (0, 1) and its persona (null allowed unless {@link #needsPersonas}).
     */
    public double draw(double u, Persona persona) {
        switch (kind) {
            case UNIFORM:
                return a + u * (b - a);
            case LOGNORMAL: {
                double z = Math.sqrt(2) * Erf.erfInv(2 * u - 1);
                return Math.min(MAX_DELTA, Math.max(MIN_DELTA, 1 + (a - 1) * Math.exp(b * z)));
            }
            default: {
                Double d = values.get(keyOf(persona));
                return d != null ? d : a;
            }
        }
    }

    /** The key a table looks a persona up by. */
    String keyOf(Persona p) {
        if (by.equals("occupation")) {
            return p.occupation();
        }
        return ageBand(p.age());
    }

    /** The census age band of an age in years, e.g. {@code "25-34"}. */
    static String ageBand(int age) {
        for (int band = 0; band < CensusTable.AGE_BANDS.size(); band++) {
            int[] r = CensusTable.ageRange(band);
            if (age <= r[1]) {
                return CensusTable.AGE_BANDS.get(band);
            }
        }
        return CensusTable.AGE_BANDS.get(CensusTable.AGE_BANDS.size() - 1);
    }

    /**
     * A representative delta, used where one number is needed (the scenario's {@code LabourModel}, forms and labels):
     * the uniform's midpoint, the log-normal's median, the table's {@code otherwise} (or the mean of its values).
     * Each worker's own delta is what the economy uses.
     */
    public double centre() {
        switch (kind) {
            case UNIFORM:
                return (a + b) / 2;
            case LOGNORMAL:
                return a;
            default:
                if (!Double.isNaN(a)) {
                    return a;
                }
                return values.values().stream().mapToDouble(Double::doubleValue).average().orElse(3.5);
        }
    }

    /** The canonical JSON object {@link #parse} reads back to an equal distribution. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("dist", kind.id());
        switch (kind) {
            case UNIFORM:
                o.addProperty("min", a);
                o.addProperty("max", b);
                break;
            case LOGNORMAL:
                o.addProperty("median", a);
                o.addProperty("sigma", b);
                break;
            default:
                o.addProperty("by", by);
                JsonObject v = new JsonObject();
                values.forEach(v::addProperty);
                o.add("values", v);
                if (!Double.isNaN(a)) {
                    o.addProperty("otherwise", a);
                }
        }
        return o;
    }

    /**
     * Reads {@code utility.delta} given as an object, for a population with these personas ({@code census} null when
     * the population has none).
     *
     * @throws InvalidInputException naming the field and the reason
     */
    public static DeltaDistribution parse(JsonFields f, CensusTable census) {
        String dist = f.choice("dist", null, List.of("uniform", "lognormal", "table"));
        if (dist == null) {
            throw new InvalidInputException(f.pathOf("dist"), "is required: uniform, lognormal or table (or give delta"
                    + " as one number)");
        }
        DeltaDistribution d;
        switch (dist) {
            case "uniform": {
                double min = f.requiredNumber("min", MIN_DELTA, MAX_DELTA);
                double max = f.requiredNumber("max", MIN_DELTA, MAX_DELTA);
                if (max < min) {
                    throw new InvalidInputException(f.pathOf("max"), JsonFields.format(max) + " is below min ("
                            + JsonFields.format(min) + ")");
                }
                d = uniform(min, max);
                break;
            }
            case "lognormal":
                d = lognormal(f.requiredNumber("median", 1.01, MAX_DELTA), f.requiredNumber("sigma", 0, 5));
                break;
            default:
                d = parseTable(f, census);
        }
        f.rejectUnknown();
        return d;
    }

    private static DeltaDistribution parseTable(JsonFields f, CensusTable census) {
        String by = f.choice("by", null, List.of("occupation", "age"));
        if (by == null) {
            throw new InvalidInputException(f.pathOf("by"), "is required for a table: occupation or age");
        }
        if (census == null) {
            throw new InvalidInputException(f.pathOf("by"), "a delta table by " + by + " needs population.personas=true");
        }
        JsonFields v = f.object("values");
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : v.raw().keySet()) {
            values.put(key, v.requiredNumber(key, MIN_DELTA, MAX_DELTA));
        }
        double otherwise = f.has("otherwise") ? f.requiredNumber("otherwise", MIN_DELTA, MAX_DELTA) : Double.NaN;
        TreeSet<String> keys = new TreeSet<>();
        if (by.equals("occupation")) {
            census.rows().forEach(r -> keys.add(r.occupation()));
        } else {
            keys.addAll(CensusTable.AGE_BANDS);
        }
        for (String key : values.keySet()) {
            if (!keys.contains(key)) {
                throw new InvalidInputException(v.pathOf(key), "is not a" + (by.equals("age") ? "n age band" : "n occupation")
                        + " of the census table (known: " + String.join(", ", keys) + ")");
            }
        }
        if (Double.isNaN(otherwise)) {
            List<String> missing = new ArrayList<>(keys);
            missing.removeAll(values.keySet());
            if (!missing.isEmpty()) {
                throw new InvalidInputException(f.pathOf("otherwise"), "is required: the table has no delta for "
                        + String.join(", ", missing));
            }
        }
        return table(by, values, otherwise);
    }
}
