package org.econlab.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.config.StrictJson;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.SideBySide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a lesson folder's {@code lesson.json} and checks everything that can be checked before running: the
 * scenarios and their changes, the measurements, every placeholder and claim (that it parses and names a
 * measurement of its step). Errors name the lesson, the step and the field, e.g.
 * {@code lesson laffer-curve, step 2, claims[0].that: "a.swf >> b.swf" ...}. The format is described in
 * {@code docs/lessons.md}.
 */
public final class LessonCodec {

    /** The version of the lesson file format this build reads. */
    public static final int SCHEMA_VERSION = 1;
    /** The file every lesson folder holds. */
    public static final String FILE = "lesson.json";
    /** At most this many seeds per step (lessons run in class time). */
    public static final int MAX_SEEDS = 20;

    private LessonCodec() {
    }

    /**
     * Reads and checks the lesson in {@code folder}.
     *
     * @throws InvalidInputException naming the lesson, step and field at fault
     */
    public static Lesson read(LessonFolder folder) {
        String text = folder.read(FILE);
        if (text == null) {
            throw new InvalidInputException("", "no " + FILE + " in " + folder.describe());
        }
        String where = "lesson in " + folder.describe();
        try {
            JsonElement root = StrictJson.parse(text);
            if (root == null || !root.isJsonObject()) {
                throw new InvalidInputException("", "a lesson must be a JSON object {...}");
            }
            JsonFields f = new JsonFields(root.getAsJsonObject(), "");
            String id = f.requiredString("id");
            where = "lesson " + id;
            return lesson(f, id, folder);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.fieldPath().isEmpty() ? where : where + ", " + e.fieldPath(), e.reason());
        }
    }

    private static Lesson lesson(JsonFields f, String id, LessonFolder folder) {
        long version = f.whole("schemaVersion", -1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != SCHEMA_VERSION) {
            throw new InvalidInputException("schemaVersion", (version == -1 ? "is required" : version + " is not supported")
                    + " (this build reads version " + SCHEMA_VERSION + ")");
        }
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new InvalidInputException("id", "\"" + id + "\" must be lower-case letters, digits and dashes");
        }
        String title = f.requiredString("title");
        String levelId = f.choice("level", null, Level.ids());
        if (levelId == null) {
            throw new InvalidInputException("level", "is required (one of " + String.join(", ", Level.ids()) + ")");
        }
        Level level = Level.byId(levelId);
        int minutes = f.wholeInt("durationMinutes", 45, 5, 600);
        String summary = text(f, "summary", true);
        List<String> goals = strings(f, "goals");
        List<Long> lessonSeeds = seeds(f, null);
        JsonArray stepsJson = f.array("steps");
        if (stepsJson == null || stepsJson.isEmpty()) {
            throw new InvalidInputException("steps", "a lesson needs at least one step");
        }
        f.rejectUnknown();
        List<LessonStep> steps = new ArrayList<>();
        Scenario current = null;
        for (int i = 0; i < stepsJson.size(); i++) {
            JsonFields s = JsonFields.of(stepsJson.get(i), "");
            String stepTitle = s.string("title", "Step " + (i + 1));
            String at = "step " + (i + 1) + " (" + stepTitle + ")";
            try {
                LessonStep step = step(s, i + 1, stepTitle, folder, current, lessonSeeds);
                current = step.scenarioFrom(current);
                steps.add(step);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.fieldPath().isEmpty() ? at : at + ", " + e.fieldPath(), e.reason());
            }
        }
        return new Lesson(id, title, level, minutes, summary, goals, steps, folder.describe());
    }

    private static LessonStep step(JsonFields s, int number, String title, LessonFolder folder, Scenario current,
                                   List<Long> lessonSeeds) {
        ScenarioRef ref = s.has("scenario") ? scenarioRef(s.object("scenario"), folder) : null;
        if (ref == null && current == null) {
            throw new InvalidInputException("scenario", "the first step must name a scenario ({\"sample\": NAME} or"
                    + " {\"file\": NAME})");
        }
        ScenarioChanges changes = ScenarioChanges.of(s.has("changes") ? s.object("changes").raw() : null);
        Scenario base = ref != null ? ref.scenario() : current;
        Scenario stepScenario = apply(changes, base, "changes");
        String action = text(s, "do", true);
        String question = text(s, "question", true);
        String explanation = text(s, "explanation", true);
        List<Long> seeds = seeds(s, lessonSeeds == null ? List.of(stepScenario.seed()) : lessonSeeds);
        List<Measure> measures = measures(s, stepScenario);
        Set<String> names = new HashSet<>();
        measures.forEach(m -> names.add(m.name()));
        noPlaceholders("do", action);
        noPlaceholders("question", question);
        Set<String> runs = new HashSet<>();
        measures.stream().filter(m -> m.kind() == Measure.Kind.RUN).forEach(m -> runs.add(m.name()));
        checkPlaceholders("explanation", explanation, names, runs);
        for (Expression e : Placeholders.expressions(explanation)) {
            checkQuantities("explanation", e, measures, stepScenario);
        }
        List<Claim> claims = claims(s, names);
        for (int i = 0; i < claims.size(); i++) {
            checkQuantities("claims[" + i + "].that", claims.get(i).left(), measures, stepScenario);
            checkQuantities("claims[" + i + "].that", claims.get(i).right(), measures, stepScenario);
        }
        List<String> pair = strings(s, "sideBySide");
        if (!pair.isEmpty()) {
            checkPair(pair, measures, stepScenario);
        }
        OptionalInt seats = OptionalInt.empty();
        if (s.has("class")) {
            JsonFields c = s.object("class");
            seats = OptionalInt.of(c.wholeInt("seats", 30, 1, 1000));
            c.rejectUnknown();
        }
        s.rejectUnknown();
        return new LessonStep(number, title, ref, changes, action, question, explanation, seeds, measures, claims,
                pair, seats);
    }

    private static ScenarioRef scenarioRef(JsonFields f, LessonFolder folder) {
        String sample = f.string("sample", null);
        String file = f.string("file", null);
        f.rejectUnknown();
        if ((sample == null) == (file == null)) {
            throw new InvalidInputException(f.path(), "name exactly one of sample (a bundled sample scenario) or file"
                    + " (a scenario in the lesson's folder)");
        }
        try {
            if (sample != null) {
                if (!sample.matches("[A-Za-z0-9_.-]+")) {
                    throw new InvalidInputException(f.pathOf("sample"), "\"" + sample + "\" is not a sample name");
                }
                String res = "/sample-scenarios/" + sample + ".json";
                if (LessonCodec.class.getResource(res) == null) {
                    throw new InvalidInputException(f.pathOf("sample"), "no bundled sample scenario \"" + sample + "\"");
                }
                return new ScenarioRef("sample " + sample, ScenarioCodec.readResource(res));
            }
            String text = folder.read(file);
            if (text == null) {
                throw new InvalidInputException(f.pathOf("file"), "no file \"" + file + "\" in " + folder.describe());
            }
            return new ScenarioRef("file " + file, ScenarioCodec.parse(text));
        } catch (InvalidInputException e) {
            if (e.fieldPath().startsWith(f.path())) {
                throw e;
            }
            throw new InvalidInputException(f.path() + " (" + (sample != null ? sample : file) + ")"
                    + (e.fieldPath().isEmpty() ? "" : ", " + e.fieldPath()), e.reason());
        }
    }

    private static Scenario apply(ScenarioChanges changes, Scenario base, String path) {
        try {
            return changes.applyTo(base);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(path + (e.fieldPath().isEmpty() ? "" : " (scenario field " + e.fieldPath()
                    + ")"), e.reason());
        }
    }

    private static List<Measure> measures(JsonFields s, Scenario stepScenario) {
        JsonArray a = s.array("measure");
        List<Measure> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            JsonFields m = JsonFields.of(a.get(i), "measure[" + i + "]");
            String name = m.requiredString("name");
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*") || name.equals("seeds")) {
                throw new InvalidInputException(m.pathOf("name"), "\"" + name + "\" must be letters, digits and _"
                        + " starting with a letter (and not \"seeds\")");
            }
            if (!names.add(name)) {
                throw new InvalidInputException(m.pathOf("name"), "\"" + name + "\" is used twice in this step");
            }
            String label = m.string("label", name).strip();
            if (label.isEmpty()) {
                throw new InvalidInputException(m.pathOf("label"), "is empty (leave it out to use the name)");
            }
            List<String> kinds = List.of(Measure.Kind.RUN.id(), Measure.Kind.FLAT_RATES.id(), Measure.Kind.WORKER.id());
            String kindId = m.choice("kind", Measure.Kind.RUN.id(), kinds);
            Measure.Kind kind = Measure.Kind.values()[kinds.indexOf(kindId)];
            ScenarioChanges changes = ScenarioChanges.of(m.has("changes") ? m.object("changes").raw() : null);
            apply(changes, stepScenario, m.pathOf("changes"));
            double from = 0;
            double to = 100;
            double by = 10;
            double percentile = 50;
            if (kind != Measure.Kind.RUN) {
                from = m.number("from", 0, 0, 100);
                to = m.number("to", 100, 0, 100);
                by = m.number("by", 10, 0.5, 100);
                if (to < from) {
                    throw new InvalidInputException(m.pathOf("to"), JsonFields.format(to) + " is below from ("
                            + JsonFields.format(from) + ")");
                }
            }
            if (kind == Measure.Kind.WORKER) {
                percentile = m.number("percentile", 50, 0, 100);
            }
            m.rejectUnknown();
            out.add(new Measure(name, label, kind, changes, from, to, by, percentile));
        }
        return out;
    }

    private static List<Claim> claims(JsonFields s, Set<String> measures) {
        JsonArray a = s.array("claims");
        List<Claim> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            JsonFields c = JsonFields.of(a.get(i), "claims[" + i + "]");
            String text = c.requiredString("text");
            String that = c.requiredString("that");
            int atLeast = Claim.ALL;
            if (c.has("holdsOn")) {
                JsonElement h = c.raw().get("holdsOn");
                if (h.isJsonPrimitive() && h.getAsJsonPrimitive().isString()) {
                    c.choice("holdsOn", "all", List.of("all"));
                } else {
                    atLeast = c.wholeInt("holdsOn", 1, 1, MAX_SEEDS);
                }
            }
            c.rejectUnknown();
            Claim claim;
            try {
                claim = Claim.parse(text, that, atLeast);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(c.pathOf("that"), e.getMessage());
            }
            for (Expression e : List.of(claim.left(), claim.right())) {
                checkNames(c.pathOf("that"), e, measures);
            }
            out.add(claim);
        }
        return out;
    }

    /** What to do and the question are shown before the step runs, so they cannot quote its numbers. */
    private static void noPlaceholders(String field, String text) {
        int open = text.indexOf('{');
        if (open >= 0) {
            int close = text.indexOf('}', open);
            throw new InvalidInputException(field, "is shown before the step runs, so it cannot quote the run's numbers ("
                    + text.substring(open, close < 0 ? Math.min(text.length(), open + 30) : close + 1)
                    + "); quote them in the explanation");
        }
    }

    private static void checkPlaceholders(String field, String text, Set<String> measures, Set<String> runs) {
        List<Expression> expressions;
        try {
            expressions = Placeholders.expressions(text);
            for (Placeholders.Slot slot : Placeholders.slots(text)) {
                if (slot.parsed() == null && !slot.expression().equals("seeds")) {
                    String m = slot.expression().substring(0, slot.expression().indexOf('.'));
                    if (!measures.contains(m)) {
                        throw new IllegalArgumentException("{" + slot.expression() + "} names no measurement of this"
                                + " step (" + String.join(", ", measures) + ")");
                    }
                    if (!runs.contains(m)) {
                        throw new IllegalArgumentException("{" + slot.expression() + "}: only a run measurement has"
                                + " final rates");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
        for (Expression e : expressions) {
            checkNames(field, e, measures);
        }
    }

    private static void checkQuantities(String field, Expression e, List<Measure> measures, Scenario stepScenario) {
        for (String ref : e.references()) {
            int dot = ref.indexOf('.');
            int at = ref.indexOf('@');
            Measure m = measures.stream().filter(x -> x.name().equals(ref.substring(0, dot))).findFirst().orElseThrow();
            String quantity = ref.substring(dot + 1, at < 0 ? ref.length() : at);
            double rate = at < 0 ? Double.NaN : Double.parseDouble(ref.substring(at + 1));
            int k = m.changes().applyTo(stepScenario).brackets().count();
            String problem = m.problemWith(quantity, rate, k);
            if (problem != null) {
                throw new InvalidInputException(field, problem);
            }
        }
    }

    private static void checkNames(String field, Expression e, Set<String> measures) {
        for (String m : e.measures()) {
            if (!measures.contains(m)) {
                throw new InvalidInputException(field, "\"" + e + "\" names \"" + m + "\", which is no measurement of"
                        + " this step (" + (measures.isEmpty() ? "it has none" : String.join(", ", measures)) + ")");
            }
        }
    }

    private static void checkPair(List<String> pair, List<Measure> measures, Scenario stepScenario) {
        if (pair.size() != 2) {
            throw new InvalidInputException("sideBySide", "names two run measurements, not " + pair.size());
        }
        Scenario[] two = new Scenario[2];
        for (int i = 0; i < 2; i++) {
            String name = pair.get(i);
            Measure m = measures.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                    new InvalidInputException("sideBySide", "\"" + name + "\" is no measurement of this step"));
            if (m.kind() != Measure.Kind.RUN) {
                throw new InvalidInputException("sideBySide", "\"" + name + "\" is not a run measurement");
            }
            two[i] = m.changes().applyTo(stepScenario);
        }
        String problem = SideBySide.problemWith(two[0], two[1]);
        if (problem != null) {
            throw new InvalidInputException("sideBySide", problem);
        }
    }

    /** {@code seeds}: a list, or {@code {"from": 42, "count": 5}}; {@code fallback} when absent. */
    private static List<Long> seeds(JsonFields f, List<Long> fallback) {
        if (!f.has("seeds")) {
            return fallback;
        }
        JsonElement e = f.raw().get("seeds");
        List<Long> out = new ArrayList<>();
        if (e.isJsonObject()) {
            JsonFields r = f.object("seeds");
            long from = r.whole("from", 42, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
            int count = r.wholeInt("count", 1, 1, MAX_SEEDS);
            r.rejectUnknown();
            for (int i = 0; i < count; i++) {
                out.add(from + i);
            }
            return out;
        }
        JsonArray a = f.array("seeds");
        if (a.isEmpty() || a.size() > MAX_SEEDS) {
            throw new InvalidInputException(f.pathOf("seeds"), "needs 1 to " + MAX_SEEDS + " seeds, has " + a.size());
        }
        for (int i = 0; i < a.size(); i++) {
            JsonObject holder = new JsonObject();
            holder.add("seed", a.get(i));
            out.add(new JsonFields(holder, f.pathOf("seeds") + "[" + i + "]").whole("seed", 0, Long.MIN_VALUE,
                    Long.MAX_VALUE));
        }
        return out;
    }

    /** A text field: a string, or a list of strings joined with spaces (long texts read better split). */
    private static String text(JsonFields f, String field, boolean required) {
        if (!f.has(field)) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return "";
        }
        JsonElement e = f.raw().get(field);
        if (e.isJsonArray()) {
            return String.join(" ", strings(f, field));
        }
        return f.string(field, "");
    }

    private static List<String> strings(JsonFields f, String field) {
        List<String> out = new ArrayList<>();
        if (f.has(field) && f.raw().get(field).isJsonPrimitive()) {
            out.add(f.string(field, ""));
            return out;
        }
        JsonArray a = f.array(field);
        if (a == null) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            JsonElement e = a.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new InvalidInputException(f.pathOf(field) + "[" + i + "]", "must be a text in quotes");
            }
            out.add(e.getAsString());
        }
        return out;
    }
}
