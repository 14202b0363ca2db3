package org.econlab.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.config.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The user's endpoint file: {@code ~/.llm-economist-lab/endpoints.json}, or the file named by the environment
 * variable {@value #FILE_ENV}. It lives outside the project and outside scenarios, so a scenario can be
 * shared without revealing servers or keys. Format:
 * <pre>
 * { "endpoints": [
 *   { "name": "local-vllm", "provider": "openai", "baseUrl": "http://localhost:8000/v1",
 *     "model": "meta-llama/Llama-3.1-8B-Instruct", "temperature": 0.7, "maxTokens": 1000, "jsonMode": true,
 *     "maxConcurrent": 8, "requestsPerMinute": 0, "priceInputPerMillion": 0, "priceOutputPerMillion": 0,
 *     "apiKeyEnv": "VLLM_API_KEY", "timeoutSeconds": 120 } ] }
 * </pre>
 * Only {@code name}, {@code provider}, {@code baseUrl} and {@code model} are required. A key is never read
 * from this file: {@code apiKeyEnv} names the environment variable holding it; a field called
 * {@code apiKey} is refused.
 */
public final class EndpointProfiles {

    /** Environment variable that overrides the file location. */
    public static final String FILE_ENV = "ECONLAB_ENDPOINTS_FILE";
    /** How the default location is shown in messages. */
    public static final String DEFAULT_SHOWN = "~/.llm-economist-lab/endpoints.json";

    private final Map<String, EndpointProfile> byName;
    private final String shownPath;

    private EndpointProfiles(Map<String, EndpointProfile> byName, String shownPath) {
        this.byName = byName;
        this.shownPath = shownPath;
    }

    /** Where the file is looked for, given an explicit path (may be null) and the environment. */
    public static Path location(Path explicit, Function<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.apply(FILE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(System.getProperty("user.home"), ".llm-economist-lab", "endpoints.json");
    }

    /** Loads the file; a missing file gives an empty set (lookups then fail with a clear message). */
    public static EndpointProfiles load(Path explicit, Function<String, String> env) {
        Path file = location(explicit, env);
        String shown = explicit == null && (env.apply(FILE_ENV) == null || env.apply(FILE_ENV).isBlank())
                ? DEFAULT_SHOWN : file.toString();
        if (!Files.exists(file)) {
            return new EndpointProfiles(Map.of(), shown);
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), shown);
        } catch (IOException e) {
            throw new InvalidInputException("", "cannot read " + shown + ": " + org.econlab.errors.PlainWords.reason(e));
        }
    }

    /** Parses endpoint-file text; {@code shownPath} names the file in error messages. */
    public static EndpointProfiles parse(String json, String shownPath) {
        JsonElement root;
        try {
            root = StrictJson.parse(json);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(shownPath + (e.fieldPath().isEmpty() ? "" : ": " + e.fieldPath()), e.reason());
        }
        if (root == null || !root.isJsonObject()) {
            throw new InvalidInputException(shownPath, "must be an object {\"endpoints\": [...]}");
        }
        JsonFields top = new JsonFields(root.getAsJsonObject(), "");
        Map<String, EndpointProfile> map = new LinkedHashMap<>();
        JsonElement list = root.getAsJsonObject().get("endpoints");
        top.has("endpoints");
        top.rejectUnknown();
        if (list != null && !list.isJsonArray()) {
            throw new InvalidInputException(shownPath + ": endpoints", "must be a list [...]");
        }
        JsonArray a = list == null ? new JsonArray() : list.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            EndpointProfile p = profile(JsonFields.of(a.get(i), "endpoints[" + i + "]"), shownPath);
            if (map.put(p.name(), p) != null) {
                throw new InvalidInputException(shownPath + ": endpoints[" + i + "].name", "duplicate name " + p.name());
            }
        }
        return new EndpointProfiles(Collections.unmodifiableMap(map), shownPath);
    }

    private static EndpointProfile profile(JsonFields f, String shownPath) {
        try {
            if (f.has("apiKey") || f.has("key")) {
                throw new InvalidInputException(f.pathOf("apiKey"),
                        "keys are never read from this file; put the key in an environment variable and name it in apiKeyEnv");
            }
            String name = f.requiredString("name");
            String providerId = f.requiredString("provider");
            EndpointProfile.Provider provider = EndpointProfile.Provider.byId(providerId);
            if (provider == null) {
                throw new InvalidInputException(f.pathOf("provider"), "unknown provider \"" + providerId + "\" (known: openai, ollama)");
            }
            String baseUrl = f.requiredString("baseUrl");
            String urlProblem = EndpointProfile.urlProblem(baseUrl);
            if (urlProblem != null) {
                throw new InvalidInputException(f.pathOf("baseUrl"), urlProblem);
            }
            EndpointProfile p = new EndpointProfile(name, provider, baseUrl, f.requiredString("model"),
                    f.number("temperature", EndpointProfile.DEFAULT_TEMPERATURE, 0, 2),
                    f.wholeInt("maxTokens", EndpointProfile.DEFAULT_MAX_TOKENS, 1, 1_000_000),
                    f.bool("jsonMode", true),
                    f.wholeInt("maxConcurrent", 4, 1, 4096),
                    f.number("requestsPerMinute", 0, 0, 1e9),
                    f.number("priceInputPerMillion", 0, 0, 1e6),
                    f.number("priceOutputPerMillion", 0, 0, 1e6),
                    f.has("apiKeyEnv") ? f.requiredString("apiKeyEnv") : null,
                    f.number("timeoutSeconds", 120, 0.001, 86_400));
            f.rejectUnknown();
            return p;
        } catch (InvalidInputException e) {
            throw new InvalidInputException(shownPath + ": " + e.fieldPath(), e.reason());
        }
    }

    /**
     * The profile called {@code name}.
     *
     * @param fieldPath where the name came from, e.g. {@code worker.endpoint} or {@code --endpoint}
     * @throws InvalidInputException "worker.endpoint: no profile named X in ~/.llm-economist-lab/endpoints.json"
     */
    public EndpointProfile get(String name, String fieldPath) {
        EndpointProfile p = byName.get(name);
        if (p == null) {
            throw new InvalidInputException(fieldPath, "no profile named " + name + " in " + shownPath
                    + (byName.isEmpty() ? "" : " (known: " + String.join(", ", byName.keySet()) + ")"));
        }
        return p;
    }

    public Map<String, EndpointProfile> all() {
        return byName;
    }

    /** Serialises profiles back to the file format (for tests and a first-run template). Never includes keys. */
    public static String toJson(EndpointProfile... profiles) {
        JsonArray a = new JsonArray();
        for (EndpointProfile p : profiles) {
            JsonObject o = new JsonObject();
            o.addProperty("name", p.name());
            o.addProperty("provider", p.provider().id());
            o.addProperty("baseUrl", p.baseUrl());
            o.addProperty("model", p.model());
            o.addProperty("temperature", p.temperature());
            o.addProperty("maxTokens", p.maxTokens());
            o.addProperty("jsonMode", p.jsonMode());
            o.addProperty("maxConcurrent", p.maxConcurrent());
            o.addProperty("requestsPerMinute", p.requestsPerMinute());
            o.addProperty("priceInputPerMillion", p.priceInputPerMillion());
            o.addProperty("priceOutputPerMillion", p.priceOutputPerMillion());
            if (p.apiKeyEnv() != null) {
                o.addProperty("apiKeyEnv", p.apiKeyEnv());
            }
            o.addProperty("timeoutSeconds", p.timeoutSeconds());
            a.add(o);
        }
        JsonObject root = new JsonObject();
        root.add("endpoints", a);
        return root.toString();
    }
}
