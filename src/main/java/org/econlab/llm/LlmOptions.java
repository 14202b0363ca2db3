package org.econlab.llm;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Run-time LLM settings that do not belong in a scenario (they name machines, files and budgets): set by the
 * command line (or a test, or the app) before a simulation is built, read by the LLM agents' factories.
 * Immutable; {@link #current()} is process-wide.
 *
 * @param endpointsFile     the endpoint file, or null for {@code $ECONLAB_ENDPOINTS_FILE} or the default
 * @param endpointOverride  a profile name that replaces every LLM role's endpoint ({@code --endpoint}), or null
 * @param adHocEndpoint     a one-off profile that replaces every role's endpoint ({@code --llm-base-url}), or null
 * @param recordTo          cassette to write ({@code --record-llm}), or null
 * @param replayFrom        cassette to answer from ({@code --replay-llm}), or null
 * @param fallthrough       on a replay miss, call the endpoint instead of failing
 * @param budgetTokens      stop the run when input+output tokens reach this (0: no limit)
 * @param budgetUsd         stop the run when the cost reaches this (0: no limit)
 * @param env               environment lookup (keys, {@code ECONLAB_ENDPOINTS_FILE}); {@code System::getenv}
 * @param transportRetries  transport retries per call (429, 5xx, timeouts)
 * @param backoffMillis     first transport back-off; doubles per retry
 */
public record LlmOptions(Path endpointsFile, String endpointOverride, EndpointProfile adHocEndpoint, Path recordTo,
                         Path replayFrom, boolean fallthrough, long budgetTokens, double budgetUsd,
                         Function<String, String> env, int transportRetries, long backoffMillis) {

    /** Defaults: the user's endpoint file, live calls, no budget, 3 transport retries from 1 s (paper §3.5: 2^k s). */
    public static final LlmOptions DEFAULT = new LlmOptions(null, null, null, null, null, false, 0, 0, System::getenv, 3,
            1000);

    private static volatile LlmOptions current = DEFAULT;

    public static LlmOptions current() {
        return current;
    }

    /** Sets the options for the simulations built from now on. */
    public static void set(LlmOptions options) {
        current = options == null ? DEFAULT : options;
    }

    public LlmOptions withEndpointsFile(Path p) {
        return new LlmOptions(p, endpointOverride, adHocEndpoint, recordTo, replayFrom, fallthrough, budgetTokens,
                budgetUsd, env, transportRetries, backoffMillis);
    }

    public LlmOptions withEndpointOverride(String name) {
        return new LlmOptions(endpointsFile, name, adHocEndpoint, recordTo, replayFrom, fallthrough, budgetTokens,
                budgetUsd, env, transportRetries, backoffMillis);
    }

    public LlmOptions withAdHocEndpoint(EndpointProfile p) {
        return new LlmOptions(endpointsFile, endpointOverride, p, recordTo, replayFrom, fallthrough, budgetTokens,
                budgetUsd, env, transportRetries, backoffMillis);
    }

    public LlmOptions withRecordTo(Path p) {
        return new LlmOptions(endpointsFile, endpointOverride, adHocEndpoint, p, replayFrom, fallthrough, budgetTokens,
                budgetUsd, env, transportRetries, backoffMillis);
    }

    public LlmOptions withReplay(Path p, boolean fall) {
        return new LlmOptions(endpointsFile, endpointOverride, adHocEndpoint, recordTo, p, fall, budgetTokens,
                budgetUsd, env, transportRetries, backoffMillis);
    }

    public LlmOptions withBudget(long tokens, double usd) {
        return new LlmOptions(endpointsFile, endpointOverride, adHocEndpoint, recordTo, replayFrom, fallthrough, tokens,
                usd, env, transportRetries, backoffMillis);
    }

    public LlmOptions withEnv(Function<String, String> e) {
        return new LlmOptions(endpointsFile, endpointOverride, adHocEndpoint, recordTo, replayFrom, fallthrough,
                budgetTokens, budgetUsd, e, transportRetries, backoffMillis);
    }

    public LlmOptions withTransportRetries(int retries, long backoff) {
        return new LlmOptions(endpointsFile, endpointOverride, adHocEndpoint, recordTo, replayFrom, fallthrough,
                budgetTokens, budgetUsd, env, retries, backoff);
    }
}
