package org.econlab.llm;

import org.econlab.agents.RunContext;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Run-time LLM settings that do not belong in a scenario (they name machines, files and budgets). Immutable. They
 * travel with one run in its {@link RunContext} ({@link #into}); the LLM agents' factories read them from there, so
 * two runs in one JVM can use different endpoints, cassettes and budgets.
 *
 * @param endpointsFile       the endpoint file, or null for {@code $ECONLAB_ENDPOINTS_FILE} or the default
 * @param endpointOverride    a profile name that replaces every LLM role's endpoint ({@code --endpoint}), or null
 * @param adHocEndpoint       a one-off profile that replaces every role's endpoint ({@code --llm-base-url}), or null
 * @param recordTo            cassette to write ({@code --record-llm}), or null
 * @param replayFrom          cassette to answer from ({@code --replay-llm}), or null
 * @param fallthrough         on a replay miss, call the endpoint instead of failing
 * @param budgetTokens        stop the run when input+output tokens reach this (0: no limit)
 * @param budgetUsd           stop the run when the cost reaches this (0: no limit)
 * @param env                 environment lookup (keys, {@code ECONLAB_ENDPOINTS_FILE}); {@code System::getenv}
 * @param transportRetries    transport retries per call (429, 5xx, timeouts, refused connections)
 * @param backoffMillis       first transport back-off; doubles per retry
 * @param maxBackoffPerCallMillis total back-off one call may spend waiting between its retries
 * @param breakerFailures     K: the run fails after K consecutive transport failures with no success in between
 *                            (0: never)
 * @param fallbackWarnFraction a run whose share of LLM decisions taken by fallback exceeds this is reported loudly
 */
public record LlmOptions(Path endpointsFile, String endpointOverride, EndpointProfile adHocEndpoint, Path recordTo,
                         Path replayFrom, boolean fallthrough, long budgetTokens, double budgetUsd,
                         Function<String, String> env, int transportRetries, long backoffMillis,
                         long maxBackoffPerCallMillis, int breakerFailures, double fallbackWarnFraction) {

    /**
     * Defaults: the user's endpoint file, live calls, no budget, 3 transport retries from 1 s (paper §3.5: 2^k s)
     * within 8 s of back-off per call, the circuit breaker at 6 consecutive transport failures, a warning above 5%
     * fallbacks.
     */
    public static final LlmOptions DEFAULT = new LlmOptions(null, null, null, null, null, false, 0, 0, System::getenv, 3,
            1000, 8000, 6, 0.05);

    /** Attaches these options to a run's context (the run's LLM agents read them there). */
    public RunContext into(RunContext context) {
        return context.with(LlmOptions.class, this);
    }

    /** A fresh run context carrying these options. */
    public RunContext newRunContext() {
        return into(RunContext.create());
    }

    public LlmOptions withEndpointsFile(Path p) {
        return with(b -> b.endpointsFile = p);
    }

    public LlmOptions withEndpointOverride(String name) {
        return with(b -> b.endpointOverride = name);
    }

    public LlmOptions withAdHocEndpoint(EndpointProfile p) {
        return with(b -> b.adHocEndpoint = p);
    }

    public LlmOptions withRecordTo(Path p) {
        return with(b -> b.recordTo = p);
    }

    public LlmOptions withReplay(Path p, boolean fall) {
        return with(b -> {
            b.replayFrom = p;
            b.fallthrough = fall;
        });
    }

    public LlmOptions withBudget(long tokens, double usd) {
        return with(b -> {
            b.budgetTokens = tokens;
            b.budgetUsd = usd;
        });
    }

    public LlmOptions withEnv(Function<String, String> e) {
        return with(b -> b.env = e);
    }

    public LlmOptions withTransportRetries(int retries, long backoff) {
        return with(b -> {
            b.transportRetries = retries;
            b.backoffMillis = backoff;
        });
    }

    /** @param maxTotalMillis total back-off one call may spend between its transport retries */
    public LlmOptions withMaxBackoffPerCall(long maxTotalMillis) {
        return with(b -> b.maxBackoffPerCallMillis = maxTotalMillis);
    }

    /** @param k consecutive transport failures (no success in between) that fail the run; 0 never */
    public LlmOptions withCircuitBreaker(int k) {
        return with(b -> b.breakerFailures = k);
    }

    /** @param fraction share of decisions taken by fallback above which a run is reported loudly */
    public LlmOptions withFallbackWarning(double fraction) {
        return with(b -> b.fallbackWarnFraction = fraction);
    }

    /** A copy with {@code change} applied to its fields. */
    private LlmOptions with(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    /** The fields of a copy being changed (the record's withers share it). */
    private static final class Fields {
        Path endpointsFile;
        String endpointOverride;
        EndpointProfile adHocEndpoint;
        Path recordTo;
        Path replayFrom;
        boolean fallthrough;
        long budgetTokens;
        double budgetUsd;
        Function<String, String> env;
        int transportRetries;
        long backoffMillis;
        long maxBackoffPerCallMillis;
        int breakerFailures;
        double fallbackWarnFraction;

        Fields(LlmOptions o) {
            endpointsFile = o.endpointsFile;
            endpointOverride = o.endpointOverride;
            adHocEndpoint = o.adHocEndpoint;
            recordTo = o.recordTo;
            replayFrom = o.replayFrom;
            fallthrough = o.fallthrough;
            budgetTokens = o.budgetTokens;
            budgetUsd = o.budgetUsd;
            env = o.env;
            transportRetries = o.transportRetries;
            backoffMillis = o.backoffMillis;
            maxBackoffPerCallMillis = o.maxBackoffPerCallMillis;
            breakerFailures = o.breakerFailures;
            fallbackWarnFraction = o.fallbackWarnFraction;
        }

        LlmOptions build() {
            return new LlmOptions(endpointsFile, endpointOverride, adHocEndpoint, recordTo, replayFrom, fallthrough,
                    budgetTokens, budgetUsd, env, transportRetries, backoffMillis, maxBackoffPerCallMillis,
                    breakerFailures, fallbackWarnFraction);
        }
    }
}
