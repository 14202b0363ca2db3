package org.econlab.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.config.JsonPath;
import org.econlab.config.StrictJson;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter sweep: a base scenario, parameters to vary (each a dotted path into the scenario JSON with
 * a list of values or a numeric range), and seeds per point. The grid is the cartesian product of the
 * parameters' values, in the order given; every (point, seed) is one run. Every run's scenario is built
 * and validated when the sweep is read, so a bad value is refused before anything runs.
 *
 * <pre>{@code
 * { "schemaVersion": 1, "name": "tax year length",
 *   "base": "three-5-rational.json",          // relative to the sweep file, or "baseScenario": {...}
 *   "parameters": [ { "path": "taxYearSteps", "values": [5, 10, 25] },
 *                   { "path": "population.agents", "from": 10, "to": 50, "step": 20 } ],
 *   "seeds": 3, "steps": 200 }
 * }</pre>
 */
public final class SweepDefinition {

    public static final int SCHEMA_VERSION = 1;
    private static final int MAX_RUNS = 100_000;

    /** One varied parameter: its path and its values. */
    public record Parameter(String path, List<JsonElement> values) {
    }

    /** One run of the sweep. */
    public record RunSpec(String id, int point, long seed, List<JsonElement> values, Scenario scenario) {
    }

    private final String name;
    private final List<Parameter> parameters;
    private final List<RunSpec> runs;

    private SweepDefinition(String name, List<Parameter> parameters, List<RunSpec> runs) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.runs = List.copyOf(runs);
    }

    public String name() {
        return name;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** All runs in canonical order: point by point, seeds within a point. */
    public List<RunSpec> runs() {
        return runs;
    }

    public int points() {
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).point() + 1;
    }

    /** Reads a sweep file; a relative {@code base} is resolved against the file's folder. */
    public static SweepDefinition read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("", "cannot read " + file + ": " + org.econlab.errors.PlainWords.reason(e));
        }
        JsonElement root = StrictJson.parse(text);
        Path folder = file.toAbsolutePath().getParent();
        return parse(JsonFields.of(root, ""), folder);
    }

    static SweepDefinition parse(JsonFields root, Path folder) {
        long version = root.whole("schemaVersion", -1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != SCHEMA_VERSION) {
            throw new InvalidInputException("schemaVersion", version == -1 ? "is required (1)" : version + " is not supported (1)");
        }
        String name = root.string("name", "sweep");
        JsonObject base;
        if (root.has("baseScenario")) {
            base = root.object("baseScenario").raw();
        } else {
            String basePath = root.requiredString("base");
            Path p = folder.resolve(basePath);
            try {
                base = ScenarioCodec.toJson(ScenarioCodec.read(p));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("base", basePath + ": " + e.getMessage());
            }
        }
        int seeds = root.wholeInt("seeds", 1, 1, 10_000);
        Integer steps = root.has("steps") ? root.wholeInt("steps", 0, 1, ScenarioCodec.MAX_STEPS) : null;
        List<Parameter> params = new ArrayList<>();
        JsonArray pa = root.array("parameters");
        if (pa == null || pa.isEmpty()) {
            throw new InvalidInputException("parameters", "needs a list of at least one parameter");
        }
        for (int i = 0; i < pa.size(); i++) {
            params.add(parameter(JsonFields.of(pa.get(i), "parameters[" + i + "]")));
        }
        root.rejectUnknown();

        long total = seeds;
        for (Parameter p : params) {
            total *= p.values().size();
        }
        if (total > MAX_RUNS) {
            throw new InvalidInputException("parameters", "the sweep has " + total + " runs; at most " + MAX_RUNS);
        }
        long baseSeed = base.has("seed") ? base.get("seed").getAsLong() : 42;
        List<RunSpec> runs = new ArrayList<>();
        int points = (int) (total / seeds);
        for (int point = 0; point < points; point++) {
            List<JsonElement> values = new ArrayList<>();
            JsonObject scenarioJson = base.deepCopy();
            int rest = point;
            int[] index = new int[params.size()];
            for (int i = params.size() - 1; i >= 0; i--) {
                int n = params.get(i).values().size();
                index[i] = rest % n;
                rest /= n;
            }
            for (int i = 0; i < params.size(); i++) {
                JsonElement v = params.get(i).values().get(index[i]);
                values.add(v);
                JsonPath.set(scenarioJson, params.get(i).path(), v);
            }
            if (steps != null) {
                scenarioJson.addProperty("steps", steps);
            }
            for (int s = 0; s < seeds; s++) {
                long seed = baseSeed + s;
                scenarioJson.addProperty("seed", seed);
                Scenario scenario;
                try {
                    scenario = ScenarioCodec.fromJson(scenarioJson);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("parameters", "point " + point + " " + describe(params, values)
                            + " gives an invalid scenario: " + e.getMessage());
                }
                runs.add(new RunSpec(String.format("p%04d-s%d", point, seed), point, seed, List.copyOf(values), scenario));
            }
        }
        return new SweepDefinition(name, params, runs);
    }

    private static Parameter parameter(JsonFields p) {
        String path = p.requiredString("path");
        if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new InvalidInputException(p.pathOf("path"), "\"" + path + "\" is not a dotted path such as population.agents");
        }
        if (path.equals("seed")) {
            throw new InvalidInputException(p.pathOf("path"), "vary seeds with \"seeds\", not as a parameter");
        }
        List<JsonElement> values = new ArrayList<>();
        JsonArray listed = p.array("values");
        if (listed != null) {
            if (listed.isEmpty()) {
                throw new InvalidInputException(p.pathOf("values"), "must be a non-empty list");
            }
            listed.forEach(values::add);
            if (p.has("from") || p.has("to") || p.has("step")) {
                throw new InvalidInputException(p.pathOf("from"), "give either values or from/to/step, not both");
            }
        } else {
            double from = p.requiredNumber("from", -1e15, 1e15);
            double to = p.requiredNumber("to", -1e15, 1e15);
            double step = p.requiredNumber("step", 1e-12, 1e15);
            if (to < from) {
                throw new InvalidInputException(p.pathOf("to"), JsonFields.format(to) + " is below from (" + JsonFields.format(from) + ")");
            }
            BigDecimal a = BigDecimal.valueOf(from);
            BigDecimal b = BigDecimal.valueOf(to);
            BigDecimal d = BigDecimal.valueOf(step);
            for (BigDecimal x = a; x.compareTo(b) <= 0; x = x.add(d)) {
                values.add(new JsonPrimitive(x.stripTrailingZeros().scale() <= 0 ? (Number) x.longValueExact() : x.doubleValue()));
                if (values.size() > MAX_RUNS) {
                    throw new InvalidInputException(p.pathOf("step"), "gives more than " + MAX_RUNS + " values");
                }
            }
        }
        p.rejectUnknown();
        return new Parameter(path, values);
    }

    static String describe(List<Parameter> params, List<JsonElement> values) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(params.get(i).path()).append('=').append(valueText(values.get(i)));
        }
        return b.append(')').toString();
    }

    /** A parameter value as a CSV cell / label: plain for numbers and strings, JSON otherwise. */
    public static String valueText(JsonElement v) {
        return v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }
}
