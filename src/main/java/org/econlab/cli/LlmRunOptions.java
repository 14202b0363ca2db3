package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.llm.CassetteGateway;
import org.econlab.llm.EndpointProfile;
import org.econlab.llm.LlmOptions;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The LLM options of {@code run} (a picocli mixin): which endpoint serves every LLM role, cassettes and budget.
 * They apply to every LLM role of the scenario and are never written into the scenario or the run record.
 */
final class LlmRunOptions {

    @Option(names = "--endpoint", paramLabel = "NAME[,NAME...]",
            description = "endpoint profile (from ~/.llm-economist-lab/endpoints.json or $ECONLAB_ENDPOINTS_FILE) for every LLM role;"
                    + " several names spread the calls over those servers, least loaded first")
    String endpoint;

    @Option(names = "--endpoints-file", paramLabel = "FILE",
            description = "endpoint file (default $ECONLAB_ENDPOINTS_FILE or ~/.llm-economist-lab/endpoints.json)")
    Path endpointsFile;

    @Option(names = "--llm-base-url", paramLabel = "URL", description = "one-off endpoint base URL, e.g. http://localhost:8000/v1")
    String baseUrl;

    @Option(names = "--llm-model", paramLabel = "MODEL", description = "model name for --llm-base-url")
    String model;

    @Option(names = "--llm-provider", paramLabel = "openai|ollama", defaultValue = "openai",
            description = "wire format for --llm-base-url (default ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--llm-key-env", paramLabel = "VAR", description = "environment variable holding the API key for --llm-base-url")
    String keyEnv;

    @Option(names = "--record-llm", description = "record every LLM call to DIR/" + CassetteGateway.FILE + " in the run record")
    boolean record;

    @Option(names = "--replay-llm", paramLabel = "CASSETTE", description = "answer every LLM call from a cassette; a miss fails the run")
    Path replay;

    @Option(names = "--llm-fallthrough", description = "with --replay-llm: call the endpoint on a miss")
    boolean fallthrough;

    @Option(names = "--llm-budget-tokens", paramLabel = "N", description = "stop the run cleanly once LLM calls used N tokens")
    Long budgetTokens;

    @Option(names = "--llm-budget-usd", paramLabel = "USD", description = "stop the run cleanly once LLM calls cost this much")
    Double budgetUsd;

    @Option(names = "--llm-circuit-breaker", paramLabel = "K",
            description = "fail the run after K consecutive transport failures with no success (default 6; 0: never)")
    Integer breaker;

    /** The LLM options of a run; a cassette to record is added by {@link #recordInto} once the record folder is known. */
    LlmOptions toOptions() {
        LlmOptions o = LlmOptions.DEFAULT.withEndpointsFile(endpointsFile);
        if (endpoint != null && baseUrl != null) {
            throw new InvalidInputException("--endpoint", "give either --endpoint or --llm-base-url, not both");
        }
        if (endpoint != null) {
            o = o.withEndpointOverride(endpoint);
        }
        EndpointProfile adHoc = adHoc(baseUrl, model, provider, keyEnv);
        if (adHoc != null) {
            o = o.withAdHocEndpoint(adHoc);
        }
        if (fallthrough && replay == null) {
            throw new InvalidInputException("--llm-fallthrough", "needs --replay-llm");
        }
        if (replay != null) {
            o = o.withReplay(replay, fallthrough);
        }
        if (budgetTokens != null || budgetUsd != null) {
            if (budgetTokens != null && budgetTokens < 1 || budgetUsd != null && !(budgetUsd > 0)) {
                throw new InvalidInputException("--llm-budget", "must be positive");
            }
            o = o.withBudget(budgetTokens == null ? 0 : budgetTokens, budgetUsd == null ? 0 : budgetUsd);
        }
        if (breaker != null) {
            if (breaker < 0) {
                throw new InvalidInputException("--llm-circuit-breaker", breaker + " must be 0 (never) or more");
            }
            o = o.withCircuitBreaker(breaker);
        }
        return o;
    }

    /** {@code options}, recording a cassette into the record folder {@code recordDir} when {@code --record-llm}. */
    LlmOptions recordInto(LlmOptions options, Path recordDir) {
        return record ? options.withRecordTo(recordDir.resolve(CassetteGateway.FILE)) : options;
    }

    /** A one-off profile from {@code --llm-base-url}, or null when none is given. */
    static EndpointProfile adHoc(String baseUrl, String model, String provider, String keyEnv) {
        if (baseUrl == null) {
            if (model != null) {
                throw new InvalidInputException("--llm-model", "needs --llm-base-url");
            }
            return null;
        }
        if (model == null) {
            throw new InvalidInputException("--llm-model", "is required with --llm-base-url");
        }
        EndpointProfile.Provider p = EndpointProfile.Provider.byId(provider);
        if (p == null) {
            throw new InvalidInputException("--llm-provider", "unknown provider \"" + provider + "\" (known: openai, ollama)");
        }
        String problem = EndpointProfile.urlProblem(baseUrl);
        if (problem != null) {
            throw new InvalidInputException("--llm-base-url", problem);
        }
        return EndpointProfile.adHoc(p, baseUrl, model, keyEnv);
    }
}
