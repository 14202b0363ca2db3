package org.econlab.llm;

import org.econlab.config.InvalidInputException;
import org.econlab.errors.OneLine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A named LLM endpoint from the user's endpoint file (never from a scenario). Holds the <em>name</em> of the
 * environment variable with the API key, never the key. Immutable.
 *
 * @param name                  how scenarios and {@code --endpoint} refer to it
 * @param provider              {@link Provider#OPENAI} (any OpenAI-compatible server) or {@link Provider#OLLAMA};
 *                              explicit, never guessed from the model name (paper-model §14.16)
 * @param baseUrl               e.g. {@code http://localhost:8000/v1} or {@code http://localhost:11434}
 * @param model                 model name as the server knows it
 * @param temperature           default sampling temperature (paper §11: 0.7)
 * @param maxTokens             default reply token limit (paper §11: 1000)
 * @param jsonMode              ask for JSON replies ({@code response_format=json_object} / {@code format=json})
 * @param maxConcurrent         requests in flight at once, at least 1
 * @param requestsPerMinute     0 for no limit
 * @param priceInputPerMillion  USD per million prompt tokens (for the cost meter)
 * @param priceOutputPerMillion USD per million completion tokens
 * @param apiKeyEnv             name of the environment variable holding the key, or null for none
 * @param timeoutSeconds        per-request timeout
 */
public record EndpointProfile(String name, Provider provider, String baseUrl, String model, double temperature,
                              int maxTokens, boolean jsonMode, int maxConcurrent, double requestsPerMinute,
                              double priceInputPerMillion, double priceOutputPerMillion, String apiKeyEnv,
                              double timeoutSeconds) {

    /** The wire format. */
    public enum Provider {
        OPENAI, OLLAMA;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Provider byId(String id) {
            for (Provider p : values()) {
                if (p.id().equalsIgnoreCase(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final int DEFAULT_MAX_TOKENS = 1000;

    public EndpointProfile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(baseUrl);
        Objects.requireNonNull(model);
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        String problem = urlProblem(baseUrl);
        if (problem != null) {
            throw new InvalidInputException("endpoint " + name + ": baseUrl", problem);
        }
    }

    /**
     * Why {@code url} cannot be an endpoint's base URL, or null when it can: only {@code http} and {@code https}
     * with a host name, no user name or password in it (keys go in an environment variable), no query or fragment.
     */
    public static String urlProblem(String url) {
        String shown = OneLine.quoted(url);
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            return shown + " is not a URL (e.g. http://localhost:8000/v1)";
        }
        String scheme = u.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return shown + " must start with http:// or https:// (e.g. http://localhost:8000/v1)";
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            return shown + " has no host name (e.g. http://localhost:8000/v1)";
        }
        if (u.getRawUserInfo() != null) {
            return "must not hold a user name or password; put the key in an environment variable named by apiKeyEnv";
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            return shown + " must not have a query (?...) or fragment (#...)";
        }
        return null;
    }

    /** A one-off profile for {@code --llm-base-url}: paper defaults, 4 concurrent requests, no price. */
    public static EndpointProfile adHoc(Provider provider, String baseUrl, String model, String apiKeyEnv) {
        return new EndpointProfile("cli", provider, baseUrl, model, DEFAULT_TEMPERATURE, DEFAULT_MAX_TOKENS, true, 4, 0,
                0, 0, apiKeyEnv, 120);
    }

    public EndpointProfile withMaxConcurrent(int n) {
        return new EndpointProfile(name, provider, baseUrl, model, temperature, maxTokens, jsonMode, n,
                requestsPerMinute, priceInputPerMillion, priceOutputPerMillion, apiKeyEnv, timeoutSeconds);
    }

    /** Cost in nano-dollars of a call, rounded; integer so that sums never depend on call order. */
    public long costNanoUsd(long inputTokens, long outputTokens) {
        return Math.round(inputTokens * priceInputPerMillion * 1000.0) + Math.round(outputTokens * priceOutputPerMillion * 1000.0);
    }
}
