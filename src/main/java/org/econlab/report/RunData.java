package org.econlab.report;

import com.google.gson.JsonElement;
import org.econlab.economy.WelfareFunction;
import org.econlab.simulation.ScenarioCodec;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.StatUtils;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.TaxBrackets;
import org.econlab.simulation.RunRecordWriter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saved run record read back: its manifest and every column of {@code steps.csv}. Works on records
 * of finished, stopped and interrupted runs alike (a killed run's manifest still says "running").
 * Immutable after reading.
 */
public final class RunData {

    private final Path directory;
    private final JsonObject manifest;
    private final Map<String, double[]> columns;
    private final int rows;

    private RunData(Path directory, JsonObject manifest, Map<String, double[]> columns, int rows) {
        this.directory = directory;
        this.manifest = manifest;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Reads the record in {@code dir}.
     *
     * @throws InvalidInputException when the folder is not a run record or a file is damaged
     */
    public static RunData read(Path dir) {
        Path manifestFile = dir.resolve(RunRecordWriter.MANIFEST);
        Path stepsFile = dir.resolve(RunRecordWriter.STEPS);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(stepsFile)) {
            throw new InvalidInputException(dir.toString(), "not a run record (needs manifest.json and steps.csv)");
        }
        JsonObject manifest;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8));
            manifest = e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(manifestFile.toString(), "cannot be read: " + org.econlab.errors.PlainWords.reason(e));
        }
        Map<String, List<Double>> raw = new LinkedHashMap<>();
        String text;
        try {
            text = Files.readString(stepsFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(stepsFile.toString(), "cannot be read: " + org.econlab.errors.PlainWords.reason(e));
        }
        // Every row is written with its newline and flushed: a last line without one was torn by a kill (or a full
        // disk) mid-write. Drop it whole, whatever it looks like; never read half a row.
        int end = text.lastIndexOf('\n');
        text = end < 0 ? "" : text.substring(0, end + 1);
        try (Reader r = new StringReader(text);
             CSVParser parser = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<String> header = parser.getHeaderNames();
            for (String h : header) {
                raw.put(h, new ArrayList<>());
            }
            for (CSVRecord rec : parser) {
                if (rec.size() != header.size()) {
                    throw new IllegalStateException("row " + rec.getRecordNumber() + " has " + rec.size()
                            + " fields, the header " + header.size());
                }
                for (String h : header) {
                    raw.get(h).add(Double.parseDouble(rec.get(h)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(stepsFile.toString(), "cannot be read: " + org.econlab.errors.PlainWords.reason(e));
        }
        int rows = raw.isEmpty() ? 0 : raw.values().iterator().next().size();
        Map<String, double[]> columns = new LinkedHashMap<>();
        raw.forEach((k, v) -> columns.put(k, v.subList(0, rows).stream().mapToDouble(Double::doubleValue).toArray()));
        return new RunData(dir, manifest, columns, rows);
    }

    public Path directory() {
        return directory;
    }

    /** A copy of the record's manifest. */
    public JsonObject manifest() {
        return manifest.deepCopy();
    }

    /** Number of complete steps recorded. */
    public int rows() {
        return rows;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** A copy of a column, e.g. {@code swf} or {@code rate_0}. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new InvalidInputException(directory.toString(), "steps.csv has no column " + name);
        }
        return c.clone();
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Number of brackets (rate_j columns). */
    public int bracketCount() {
        int k = 0;
        while (columns.containsKey("rate_" + k)) {
            k++;
        }
        return k;
    }

    /** The scenario's brackets from the manifest, if they can be read. */
    public Optional<TaxBrackets> brackets() {
        try {
            JsonObject b = manifest.getAsJsonObject("scenario").getAsJsonObject("brackets");
            if (b.has("preset")) {
                return BracketPreset.byId(b.get("preset").getAsString()).map(BracketPreset::brackets);
            }
            var cut = b.getAsJsonArray("cutoffs");
            double[] c = new double[cut.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = cut.get(i).getAsDouble();
            }
            return Optional.of(TaxBrackets.of(c));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Label of bracket {@code j} such as "$11,600-$47,150", or "bracket j". */
    public String bracketLabel(int j) {
        return brackets().filter(b -> b.count() > j).map(b -> b.label(j)).orElse("bracket " + j);
    }

    private String manifestString(String key, String fallback) {
        JsonElement e = manifest.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    public String scenarioName() {
        try {
            return manifest.getAsJsonObject("scenario").get("name").getAsString();
        } catch (RuntimeException e) {
            return directory.getFileName().toString();
        }
    }

    /**
     * The welfare function of the run, read from the recorded scenario ({@code utility.swf}, default the paper's);
     * the paper's when the scenario cannot be read.
     */
    public WelfareFunction welfare() {
        try {
            return ScenarioCodec.fromJson(manifest.getAsJsonObject("scenario")).swf();
        } catch (RuntimeException e) {
            return WelfareFunction.PAPER;
        }
    }

    public String plannerKind() {
        return manifestString("plannerKind", "?");
    }

    public String workerKind() {
        return manifestString("workerKind", "?");
    }

    public String seed() {
        return manifestString("seed", "?");
    }

    public String outcome() {
        return manifestString("outcome", "?");
    }

    public String labVersion() {
        return manifestString("labVersion", "?");
    }

    public String agents() {
        return manifestString("agents", "?");
    }

    /** The models that served the run's LLM roles (manifest {@code llmModels}), e.g. "worker: openai/gpt-4o-mini@https://api.openai.com"; "" without LLM. */
    public String llmModels() {
        return llmModels(manifest);
    }

    /**
     * One line naming each LLM role's provider, model and host from a manifest's {@code llmModels}, roles with the same
     * model grouped: {@code "worker, planner: openai/gpt-4o-mini@https://api.openai.com"}; "" when there is none.
     */
    public static String llmModels(JsonObject manifest) {
        if (manifest == null || !manifest.has("llmModels") || !manifest.get("llmModels").isJsonArray()) {
            return "";
        }
        Map<String, List<String>> byModel = new java.util.LinkedHashMap<>();
        for (JsonElement e : manifest.getAsJsonArray("llmModels")) {
            JsonObject o = e.getAsJsonObject();
            String what = str(o, "provider") + "/" + str(o, "model") + (str(o, "host").isEmpty() ? "" : "@" + str(o, "host"));
            byModel.computeIfAbsent(what, x -> new java.util.ArrayList<>()).add(str(o, "role"));
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : byModel.entrySet()) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(String.join(", ", e.getValue())).append(": ").append(e.getKey());
        }
        return b.toString();
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    /**
     * Worker {@code worker}'s persona in words ("Production occupations, Female, 59") as the manifest's "leaders" names
     * it, or "" when the record names none (no persona, not a leader, or a record from before leaders were named).
     */
    public String leaderPersona(int worker) {
        if (!manifest.has("leaders") || !manifest.get("leaders").isJsonArray()) {
            return "";
        }
        for (JsonElement e : manifest.getAsJsonArray("leaders")) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject who = e.getAsJsonObject();
            if (who.has("worker") && who.get("worker").getAsInt() == worker && who.has("occupation")) {
                return str(who, "occupation") + ", " + str(who, "sex") + ", " + str(who, "age");
            }
        }
        return "";
    }

    /** Steps the run was set to play (from its scenario), or -1 when the manifest does not say. */
    public int stepsPlanned() {
        try {
            return manifest.get("steps").getAsInt();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** True when the run completed and every planned step is in {@code steps.csv}. */
    public boolean complete() {
        return "completed".equals(outcome()) && rows == stepsPlanned();
    }

    /**
     * The run's state in a few words: {@code complete}, or why it is not, e.g. {@code INCOMPLETE: interrupted after
     * 37 of 100 steps (manifest still says running)} or {@code INCOMPLETE: stopped after 12 of 50 steps (budget: ...)}.
     */
    public String completeness() {
        if (complete()) {
            return "complete";
        }
        String of = rows + " of " + (stepsPlanned() < 0 ? "?" : Integer.toString(stepsPlanned())) + " steps";
        String outcome = outcome();
        String why = switch (outcome) {
            case "running" -> "interrupted after " + of + " (killed or crashed: the manifest still says running)";
            case "stopped" -> "stopped after " + of + reasonSuffix("stopReason");
            case "failed" -> "failed after " + of + reasonSuffix("reason");
            case "completed" -> "completed but steps.csv holds " + of;
            default -> outcome + " after " + of;
        };
        return "INCOMPLETE: " + org.econlab.errors.OneLine.of(why, 200);
    }

    private String reasonSuffix(String key) {
        String r = manifestString(key, null);
        return r == null ? "" : " (" + r + ")";
    }

    /** A short name for legends: planner and seed, e.g. "saez, seed 42". */
    public String shortLabel() {
        return plannerKind() + ", seed " + seed();
    }

    /** Mean of a column over the last 20% of the steps (at least one step). */
    public double meanOfLastFifth(String column) {
        return meanOfLastFifth(column(column));
    }

    /**
     * Mean over the last 20% of a per-step series: from step {@code floor(0.8 n)} on, at least the last step
     * (what "swf_mean_last20pct" means everywhere in the lab); NaN for an empty series.
     */
    public static double meanOfLastFifth(double[] perStep) {
        if (perStep.length == 0) {
            return Double.NaN;
        }
        int from = Math.min((int) Math.floor(perStep.length * 0.8), perStep.length - 1);
        return StatUtils.mean(perStep, from, perStep.length - from);
    }

    /** The last value of a column, or NaN when there are no rows. */
    public double last(String column) {
        double[] c = column(column);
        return c.length == 0 ? Double.NaN : c[c.length - 1];
    }
}
