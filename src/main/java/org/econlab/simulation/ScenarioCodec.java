package org.econlab.simulation;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.agents.PlannerKinds;
import org.econlab.agents.WorkerKinds;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.config.StrictJson;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.Gb2IncomePrior;
import org.econlab.economy.LabourModel;
import org.econlab.economy.SkillPrior;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.economy.UniformSkillPrior;
import org.econlab.population.CensusTable;
import org.econlab.population.DeltaDistribution;
import org.econlab.population.PopulationSpec;
import org.econlab.population.UtilityMix;
import org.econlab.random.NumpyRandomState;
import org.econlab.random.RandomSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes scenario files (JSON, {@code schemaVersion} 1). Reading validates every field and
 * refuses a bad file with an {@link InvalidInputException} that names the field path and the reason,
 * e.g. {@code brackets.rates[2]: 150 is outside 0..100}; unknown fields are refused too, so a typo does
 * not silently fall back to a default.
 */
public final class ScenarioCodec {

    public static final int MAX_AGENTS = 50_000_000;
    public static final int MAX_STEPS = 100_000_000;
    /** Worker kind of a scenario whose {@code worker.kind} is absent. */
    public static final String DEFAULT_WORKER_KIND = "learning";
    /** Planner kind of a scenario whose {@code planner.kind} is absent. */
    public static final String DEFAULT_PLANNER_KIND = "icrl";

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ScenarioCodec() {
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("", "no such file: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("", "cannot read " + file + ": " + org.econlab.errors.PlainWords.reason(e));
        }
        return parse(text);
    }

    /** Reads a scenario bundled on the class path, e.g. {@code /sample-scenarios/three-5-rational.json}. */
    public static Scenario readResource(String resource) {
        try (InputStream in = ScenarioCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled scenario " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates scenario JSON text. */
    public static Scenario parse(String json) {
        JsonElement root = StrictJson.parse(json);
        if (root == null || !root.isJsonObject()) {
            throw new InvalidInputException("", "a scenario must be a JSON object {...}");
        }
        return fromJson(root.getAsJsonObject());
    }

    /** Validates a scenario given as a JSON object. */
    public static Scenario fromJson(JsonObject json) {
        JsonFields root = new JsonFields(json, "");
        long version = root.whole("schemaVersion", -1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (version == -1) {
            throw new InvalidInputException("schemaVersion", "is required (this build reads version " + Scenario.SCHEMA_VERSION + ")");
        }
        if (version != Scenario.SCHEMA_VERSION) {
            throw new InvalidInputException("schemaVersion", version + " is not supported (this build reads version "
                    + Scenario.SCHEMA_VERSION + ")");
        }
        String name = root.string("name", "untitled");
        String description = root.string("description", "");
        long seed = root.whole("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        int steps = root.wholeInt("steps", 1000, 1, MAX_STEPS);
        int taxYear = root.wholeInt("taxYearSteps", 25, 1, MAX_STEPS);
        int warmup = root.wholeInt("warmupSteps", 0, 0, MAX_STEPS);

        String randomId = root.string("random", RandomSource.LAB.id());
        RandomSource random = RandomSource.byId(randomId).orElseThrow(() -> new InvalidInputException(
                root.pathOf("random"), "unknown random source \"" + randomId + "\" (known: " + RandomSource.ids()
                + "; lab is the lab's own streams, numpy the reference implementation's generator)"));
        if (random == RandomSource.NUMPY && (seed < 0 || seed > NumpyRandomState.MAX_SEED)) {
            throw new InvalidInputException(root.pathOf("seed"), seed + " is outside 0..4294967295, the seeds"
                    + " NumPy's np.random.seed accepts (this scenario has random: numpy)");
        }

        PopulationSpec population = readPopulation(root.object("population"));
        TaxSchedule start = readBrackets(root.object("brackets"));
        JsonFields utility = root.object("utility");
        // utility.delta: one number for every worker (the paper), or a distribution drawn per worker (issue 20).
        DeltaDistribution deltas = utility.has("delta") && utility.raw().get("delta").isJsonObject()
                ? DeltaDistribution.parse(utility.object("delta"), population.personas() ? population.census() : null)
                : null;
        population = population.withDeltas(deltas);
        LabourModel labour = new LabourModel(
                utility.number("c", LabourModel.PAPER.disutilityCoefficient(), 1e-300, 1e300),
                deltas != null ? deltas.centre()
                        : utility.number("delta", LabourModel.PAPER.disutilityExponent(), 1.0000001, 100),
                utility.number("maxHours", LabourModel.PAPER.maxHoursPerWeek(), 1, 168));
        WelfareFunction swf = readWelfare(utility);
        utility.rejectUnknown();

        // Built-in learning agents are the defaults (issue 3): a scenario may omit worker or planner kind.
        JsonFields worker = withDefaultKind(root.object("worker"), DEFAULT_WORKER_KIND);
        WorkerKinds.parse(worker, labour);
        JsonFields planner = withDefaultKind(root.object("planner"), DEFAULT_PLANNER_KIND);
        PlannerKinds.parse(planner, start.brackets());
        root.rejectUnknown();

        return new Scenario(name, description, seed, steps, taxYear, warmup, population, start, labour, swf,
                new AgentSpec(worker.requiredString("kind"), worker.raw()),
                new AgentSpec(planner.requiredString("kind"), planner.raw()), random);
    }

    /** {@code utility.swf} (default: the paper's) and, for {@code atkinson}, {@code utility.atkinsonEpsilon}. */
    private static WelfareFunction readWelfare(JsonFields utility) {
        String swfId = utility.string("swf", WelfareFunction.PAPER.id());
        WelfareFunction.Kind kind = WelfareFunction.Kind.byId(swfId).orElseThrow(() -> new InvalidInputException(
                utility.pathOf("swf"), "unknown welfare function \"" + swfId + "\" (known: "
                + WelfareFunction.Kind.ids() + ")"));
        if (kind != WelfareFunction.Kind.ATKINSON) {
            if (utility.has("atkinsonEpsilon")) {
                throw new InvalidInputException(utility.pathOf("atkinsonEpsilon"), "is only used with swf \"atkinson\"");
            }
            return WelfareFunction.of(kind);
        }
        return WelfareFunction.atkinson(utility.number("atkinsonEpsilon", 1, 0, WelfareFunction.MAX_EPSILON));
    }

    private static JsonFields withDefaultKind(JsonFields agent, String kind) {
        if (agent.has("kind")) {
            return agent;
        }
        JsonObject o = agent.raw().deepCopy();
        o.remove("kind");
        o.addProperty("kind", kind);
        return new JsonFields(o, agent.path());
    }

    private static PopulationSpec readPopulation(JsonFields p) {
        int agents = p.wholeInt("agents", 5, 1, MAX_AGENTS);
        JsonFields skills = p.object("skills");
        String prior = skills.string("prior", "gb2");
        SkillPrior skillPrior;
        switch (prior) {
            case "gb2": {
                Gb2IncomePrior d = Gb2IncomePrior.US_INCOME_2023;
                skillPrior = new Gb2IncomePrior(
                        skills.number("mu", d.mu(), 1e-9, 1e12),
                        skills.number("sigma", d.sigma(), 1e-6, 1e3),
                        skills.number("nu", d.nu(), 1e-6, 1e3),
                        skills.number("tau", d.tau(), 1e-6, 1e3));
                break;
            }
            case "uniform": {
                double low = skills.number("low", UniformSkillPrior.PAPER.low(), 0, 1e9);
                double high = skills.number("high", UniformSkillPrior.PAPER.high(), 0, 1e9);
                if (high < low) {
                    throw new InvalidInputException(skills.pathOf("high"), JsonFields.format(high)
                            + " is below low (" + JsonFields.format(low) + ")");
                }
                skillPrior = new UniformSkillPrior(low, high);
                break;
            }
            default:
                throw new InvalidInputException(skills.pathOf("prior"), "unknown skill prior \"" + prior + "\" (known: gb2, uniform)");
        }
        boolean byOccupation = skills.bool("conditionOnOccupation", false);
        skills.rejectUnknown();
        boolean personas = p.bool("personas", false);
        if (byOccupation && !personas) {
            throw new InvalidInputException(skills.pathOf("conditionOnOccupation"), "needs population.personas=true");
        }
        CensusTable census = p.has("census") ? readCensus(p.raw().get("census"), p.pathOf("census")) : null;
        JsonFields mix = p.object("utilityMix");
        double ego = mix.number("egotistical", 100, 0, 100);
        double alt = mix.number("altruistic", 0, 0, 100);
        double adv = mix.number("adversarial", 0, 0, 100);
        if (Math.abs(ego + alt + adv - 100) > 1e-9) {
            throw new InvalidInputException(mix.path(), "percentages must sum to 100, they sum to "
                    + JsonFields.format(ego + alt + adv));
        }
        mix.rejectUnknown();
        p.rejectUnknown();
        if (census == null && personas) {
            census = CensusTable.bundled();
        }
        return new PopulationSpec(agents, skillPrior, personas, census, new UtilityMix(ego, alt, adv), byOccupation);
    }

    /**
     * Reads an inline persona table: a list of {@code {"occupation", "sex", "weights": [8 numbers]}} rows,
     * weights in the age-band order of {@link CensusTable#AGE_BANDS}, non-negative, with a positive total.
     */
    private static CensusTable readCensus(JsonElement e, String path) {
        if (!e.isJsonArray()) {
            throw new InvalidInputException(path, "must be a list of rows [{\"occupation\", \"sex\", \"weights\"}, ...]");
        }
        JsonArray a = e.getAsJsonArray();
        if (a.isEmpty()) {
            throw new InvalidInputException(path, "needs at least one row");
        }
        java.util.List<CensusTable.Row> rows = new java.util.ArrayList<>();
        double total = 0;
        for (int i = 0; i < a.size(); i++) {
            JsonFields row = JsonFields.of(a.get(i), path + "[" + i + "]");
            String occupation = row.requiredString("occupation");
            String sex = row.requiredString("sex");
            double[] w = row.numbers("weights", 0, 1e12, false);
            if (w == null) {
                throw new InvalidInputException(row.pathOf("weights"), "is required");
            }
            if (w.length != CensusTable.AGE_BANDS.size()) {
                throw new InvalidInputException(row.pathOf("weights"), "needs " + CensusTable.AGE_BANDS.size()
                        + " weights (" + String.join(", ", CensusTable.AGE_BANDS) + "), got " + w.length);
            }
            row.rejectUnknown();
            for (double v : w) {
                total += v;
            }
            rows.add(new CensusTable.Row(occupation, sex, w));
        }
        if (!(total > 0)) {
            throw new InvalidInputException(path, "the weights sum to 0; at least one must be positive");
        }
        return new CensusTable(rows);
    }

    private static TaxSchedule readBrackets(JsonFields b) {
        TaxBrackets brackets;
        boolean hasPreset = b.has("preset");
        boolean hasCutoffs = b.has("cutoffs");
        if (hasPreset && hasCutoffs) {
            throw new InvalidInputException(b.pathOf("cutoffs"), "give either a preset or cutoffs, not both");
        }
        if (hasCutoffs) {
            double[] cutoffs = b.numbers("cutoffs", 0, 1e15, false);
            String problem = TaxBrackets.problemWith(cutoffs);
            if (problem != null) {
                throw atIndex(b.pathOf("cutoffs"), problem);
            }
            brackets = TaxBrackets.of(cutoffs);
        } else {
            String id = b.string("preset", BracketPreset.THREE.id());
            brackets = BracketPreset.byId(id).orElseThrow(() -> new InvalidInputException(b.pathOf("preset"),
                    "unknown bracket preset \"" + id + "\" (known: " + BracketPreset.ids() + ")")).brackets();
        }
        double[] rates = b.numbers("rates", 0, 100, true);
        if (rates == null) {
            rates = new double[brackets.count()];
            Arrays.fill(rates, 50); // paper-model §5.2: 50% in every bracket
        } else if (rates.length == 1 && brackets.count() > 1) {
            double r = rates[0];
            rates = new double[brackets.count()];
            Arrays.fill(rates, r);
        } else if (rates.length != brackets.count()) {
            throw new InvalidInputException(b.pathOf("rates"), "needs " + brackets.count()
                    + " rates (one per bracket), got " + rates.length);
        }
        b.rejectUnknown();
        return TaxSchedule.of(brackets, rates);
    }

    /** Turns a "[i]: reason" problem into an error at {@code path[i]}. */
    private static InvalidInputException atIndex(String path, String problem) {
        if (problem.startsWith("[")) {
            int close = problem.indexOf("]: ");
            return new InvalidInputException(path + problem.substring(0, close + 1), problem.substring(close + 3));
        }
        return new InvalidInputException(path, problem);
    }

    /** The scenario as canonical, pretty-printed JSON. */
    public static String write(Scenario s) {
        return PRETTY.toJson(toJson(s)) + "\n";
    }

    /** The scenario as a canonical JSON object (what {@link #fromJson} reads back to an equal scenario). */
    public static JsonObject toJson(Scenario s) {
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", Scenario.SCHEMA_VERSION);
        o.addProperty("name", s.name());
        o.addProperty("description", s.description());
        o.addProperty("seed", s.seed());
        o.addProperty("steps", s.steps());
        o.addProperty("taxYearSteps", s.taxYearSteps());
        o.addProperty("warmupSteps", s.warmupSteps());
        if (s.random() != RandomSource.LAB) { // absent means lab: files written before the field stay identical
            o.addProperty("random", s.random().id());
        }

        JsonObject pop = new JsonObject();
        pop.addProperty("agents", s.population().agents());
        JsonObject skills = new JsonObject();
        SkillPrior prior = s.population().prior();
        skills.addProperty("prior", prior.id());
        if (prior instanceof Gb2IncomePrior g) {
            skills.addProperty("mu", g.mu());
            skills.addProperty("sigma", g.sigma());
            skills.addProperty("nu", g.nu());
            skills.addProperty("tau", g.tau());
        } else if (prior instanceof UniformSkillPrior u) {
            skills.addProperty("low", u.low());
            skills.addProperty("high", u.high());
        }
        if (s.population().skillsByOccupation()) {
            skills.addProperty("conditionOnOccupation", true);
        }
        pop.add("skills", skills);
        pop.addProperty("personas", s.population().personas());
        CensusTable census = s.population().census();
        if (census != null && !census.equals(CensusTable.bundled())) {
            JsonArray rows = new JsonArray();
            for (CensusTable.Row r : census.rows()) {
                JsonObject row = new JsonObject();
                row.addProperty("occupation", r.occupation());
                row.addProperty("sex", r.sex());
                row.add("weights", numbers(r.weights()));
                rows.add(row);
            }
            pop.add("census", rows);
        }
        JsonObject mix = new JsonObject();
        mix.addProperty("egotistical", s.population().mix().egotisticalPercent());
        mix.addProperty("altruistic", s.population().mix().altruisticPercent());
        mix.addProperty("adversarial", s.population().mix().adversarialPercent());
        pop.add("utilityMix", mix);
        o.add("population", pop);

        JsonObject br = new JsonObject();
        TaxBrackets brackets = s.brackets();
        BracketPreset preset = Arrays.stream(BracketPreset.values())
                .filter(p -> p.brackets().equals(brackets)).findFirst().orElse(null);
        if (preset != null) {
            br.addProperty("preset", preset.id());
        } else {
            br.add("cutoffs", numbers(brackets.cutoffsUsd()));
        }
        br.add("rates", numbers(s.startSchedule().ratesPercent()));
        o.add("brackets", br);

        JsonObject utility = new JsonObject();
        utility.addProperty("c", s.labour().disutilityCoefficient());
        if (s.population().deltas() != null) {
            utility.add("delta", s.population().deltas().toJson());
        } else {
            utility.addProperty("delta", s.labour().disutilityExponent());
        }
        utility.addProperty("maxHours", s.labour().maxHoursPerWeek());
        utility.addProperty("swf", s.swf().id());
        if (s.swf().kind() == WelfareFunction.Kind.ATKINSON) {
            utility.addProperty("atkinsonEpsilon", s.swf().epsilon());
        }
        o.add("utility", utility);
        o.add("worker", s.worker().json());
        o.add("planner", s.planner().json());
        return o;
    }

    private static JsonArray numbers(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                a.add((long) v);
            } else {
                a.add(v);
            }
        }
        return a;
    }
}
