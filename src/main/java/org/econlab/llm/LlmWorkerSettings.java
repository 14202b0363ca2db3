package org.econlab.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.econlab.agents.WorkerKinds;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.LabourModel;
import org.econlab.random.RandomStreams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scenario fields of the {@code llm} worker kind, validated: endpoints, prompt style, history, call settings,
 * budgets and which workers are LLM workers. Bad input names the field and the reason.
 */
final class LlmWorkerSettings {

    private LlmWorkerSettings() {
    }

    /** Validated scenario fields. */
    record Settings(List<String> endpoints, boolean cot, PromptStyle style, int history, Double temperature,
                    Integer maxTokens, Boolean jsonMode, int maxAttempts, Boolean satisfaction, boolean llmPersonaText,
                    boolean personaInSystemPrompt, long budgetTokens, double budgetUsd, Subset subset,
                    WorkerKinds.Factory others) {
    }

    /** Which workers are LLM workers: every one ({@code all}), listed indices, or k drawn at random / the first k. */
    record Subset(boolean all, int[] indices, int random, int first, String path) {

        int[] resolve(int n, long seed) {
            if (all) {
                int[] a = new int[n];
                Arrays.setAll(a, i -> i);
                return a;
            }
            if (indices != null) {
                for (int i : indices) {
                    if (i >= n) {
                        throw new InvalidInputException(path, "agent " + i + " does not exist (" + n + " workers)");
                    }
                }
                return indices.clone();
            }
            int k = Math.min(n, random > 0 ? random : first);
            if (first > 0) {
                int[] a = new int[k];
                Arrays.setAll(a, i -> i);
                return a;
            }
            return RandomStreams.sampleAgents(seed, RandomStreams.Purpose.LLM, 1, k, n);
        }
    }


    static List<String> endpoints(JsonFields p) {
        List<String> names = new ArrayList<>();
        if (!p.has("endpoint")) {
            return names;
        }
        JsonElement e = p.raw().get("endpoint");
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            names.add(e.getAsString());
        } else if (e.isJsonArray() && e.getAsJsonArray().size() > 0) {
            for (JsonElement x : e.getAsJsonArray()) {
                if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                    throw new InvalidInputException(p.pathOf("endpoint"), "must be a profile name or a list of names");
                }
                names.add(x.getAsString());
            }
        } else {
            throw new InvalidInputException(p.pathOf("endpoint"), "must be a profile name or a list of names");
        }
        return names;
    }

    static boolean cot(JsonFields p) {
        String prompt = p.string("prompt", "io").toLowerCase(Locale.ROOT);
        if (!prompt.equals("io") && !prompt.equals("cot")) {
            throw new InvalidInputException(p.pathOf("prompt"), "unknown prompt \"" + prompt + "\" (known: io, cot)");
        }
        return prompt.equals("cot");
    }

    static Settings parse(JsonFields p, LabourModel labour) {
        List<String> endpoints = endpoints(p);
        boolean cot = cot(p);
        PromptStyle style = PromptStyle.parse(p);
        int history = p.wholeInt("history", 50, 0, 100_000);
        Double temperature = p.has("temperature") ? p.number("temperature", 0.7, 0, 2) : null;
        Integer maxTokens = p.has("maxTokens") ? p.wholeInt("maxTokens", 1000, 1, 1_000_000) : null;
        Boolean json = p.has("jsonMode") ? p.bool("jsonMode", true) : null;
        int attempts = p.wholeInt("maxAttempts", 12, 1, 100);
        Boolean satisfaction = p.has("satisfaction") ? p.bool("satisfaction", true) : null;
        String personaText = p.string("personaText", "llm");
        if (!personaText.equals("llm") && !personaText.equals("template")) {
            throw new InvalidInputException(p.pathOf("personaText"), "unknown value \"" + personaText + "\" (known: llm, template)");
        }
        boolean inSystem = p.bool("personaInSystemPrompt", false);
        long budgetTokens = p.whole("budgetTokens", 0, 0, Long.MAX_VALUE);
        double budgetUsd = p.number("budgetUsd", 0, 0, 1e9);
        Subset subset = subset(p);
        WorkerKinds.Factory others = null;
        if (!subset.all()) {
            JsonFields o = p.has("others") ? p.object("others")
                    : new JsonFields(JsonParserHolder.object("{\"kind\":\"learning\"}"), p.pathOf("others"));
            if (LlmWorkers.KIND.equals(o.string("kind", ""))) {
                throw new InvalidInputException(o.pathOf("kind"), "the others must be a built-in kind");
            }
            others = WorkerKinds.parse(o, labour);
        } else if (p.has("others")) {
            throw new InvalidInputException(p.pathOf("others"), "only with llmAgents (every worker is an LLM otherwise)");
        }
        p.rejectUnknown();
        return new Settings(endpoints, cot, style, history, temperature, maxTokens, json, attempts, satisfaction,
                personaText.equals("llm"), inSystem, budgetTokens, budgetUsd, subset, others);
    }

    private static Subset subset(JsonFields p) {
        String path = p.pathOf("llmAgents");
        if (!p.has("llmAgents")) {
            return new Subset(true, null, 0, 0, path);
        }
        JsonElement e = p.raw().get("llmAgents");
        if (e.isJsonArray()) {
            double[] xs = p.numbers("llmAgents", 0, 100_000_000, false);
            int[] idx = new int[xs.length];
            for (int i = 0; i < xs.length; i++) {
                if (xs[i] != Math.rint(xs[i])) {
                    throw new InvalidInputException(path + "[" + i + "]", "must be a whole agent index");
                }
                idx[i] = (int) xs[i];
            }
            int[] sorted = Arrays.stream(idx).distinct().sorted().toArray();
            if (sorted.length == 0) {
                throw new InvalidInputException(path, "must name at least one agent");
            }
            return new Subset(false, sorted, 0, 0, path);
        }
        if (e.isJsonObject()) {
            JsonFields o = p.object("llmAgents");
            if (o.has("random") == o.has("first")) {
                throw new InvalidInputException(path, "give {\"random\": k} or {\"first\": k}");
            }
            int random = o.has("random") ? o.wholeInt("random", 1, 1, 100_000_000) : 0;
            int first = o.has("first") ? o.wholeInt("first", 1, 1, 100_000_000) : 0;
            o.rejectUnknown();
            return new Subset(false, null, random, first, path);
        }
        throw new InvalidInputException(path, "must be a list of agent indices or {\"random\": k} or {\"first\": k}");
    }

    /** A tiny holder so the default {@code others} object is parsed once. */
    private static final class JsonParserHolder {
        static JsonObject object(String json) {
            return com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        }
    }

}
