package org.econlab.llm;

import org.econlab.agents.StepMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * The LLM usage columns of {@code steps.csv}: for each role of a policy, {@code llm_<role>_calls, _retries,
 * _failures, _fallbacks, _tokens_in, _tokens_out, _cost_usd, _truncated} during the step; for the first LLM policy of the
 * run also {@code llm_calls, llm_retries, llm_failures, llm_fallbacks, llm_tokens_in, llm_tokens_out,
 * llm_cost_usd} over all roles (electorate, persona and satisfaction calls included). Latency is left out on
 * purpose: a replayed run must reproduce {@code steps.csv} byte for byte. Extra figures (e.g. mean satisfaction)
 * follow, and then, with the run totals, {@code llm_endpoint_<profile>_calls}: the calls each endpoint profile of
 * the run answered during the step (a replayed call counts for the endpoint that answered it when recorded, so a
 * replay reports the same). Their sums over the run are in the manifest's {@code metricTotals}. The endpoint
 * columns are fixed when the simulation first asks for the names, after every policy has resolved its endpoints.
 */
final class LlmMetrics implements StepMetrics {

    private final LlmRun run;
    private final List<String> roles;
    private final boolean totals;
    private final IntSupplier step;
    private final List<String> names = new ArrayList<>();
    private final List<DoubleSupplier> extras = new ArrayList<>();
    /** Endpoint profile names per endpoint column (names that differ only in punctuation share a column). */
    private List<List<String>> endpointColumns;

    LlmMetrics(LlmRun run, List<String> roles, IntSupplier step) {
        this.run = run;
        this.roles = List.copyOf(roles);
        this.totals = run.claimTotals();
        this.step = step;
        for (String r : roles) {
            for (String c : UsageMeter.COLUMN_NAMES) {
                names.add("llm_" + r + "_" + c);
            }
        }
        if (totals) {
            for (String c : UsageMeter.COLUMN_NAMES) {
                names.add("llm_" + c);
            }
        }
    }

    synchronized LlmMetrics extra(String name, DoubleSupplier value) {
        if (endpointColumns != null) {
            throw new IllegalStateException("extra figures must be added before the names are read");
        }
        names.add(name);
        extras.add(value);
        return this;
    }

    @Override
    public synchronized List<String> names() {
        if (endpointColumns == null) {
            Map<String, List<String>> byColumn = new LinkedHashMap<>();
            if (totals) {
                for (String e : run.endpointNames()) {
                    byColumn.computeIfAbsent("llm_endpoint_" + columnPart(e) + "_calls", c -> new ArrayList<>()).add(e);
                }
            }
            names.addAll(byColumn.keySet());
            endpointColumns = List.copyOf(byColumn.values());
        }
        return names;
    }

    /** A profile name as part of a lower_snake_case column name, e.g. "vLLM-A.1" becomes "vllm_a_1". */
    static String columnPart(String profile) {
        String s = profile.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    @Override
    public double value(int index) {
        int per = UsageMeter.COLUMN_NAMES.size();
        int usageColumns = (roles.size() + (totals ? 1 : 0)) * per;
        if (index >= usageColumns + extras.size()) {
            Map<String, Long> answered = run.answeredOfStep(step.getAsInt());
            long v = 0;
            for (String e : endpointColumns.get(index - usageColumns - extras.size())) {
                v += answered.getOrDefault(e, 0L);
            }
            return v;
        }
        if (index >= usageColumns) {
            return extras.get(index - usageColumns).getAsDouble();
        }
        Map<String, long[]> usage = run.usageOfStep(step.getAsInt());
        int r = index / per;
        int c = index % per;
        int counter = UsageMeter.COLUMN_COUNTERS[c];
        long v;
        if (r < roles.size()) {
            long[] counters = usage.get(roles.get(r));
            v = counters == null ? 0 : counters[counter];
        } else {
            v = 0;
            for (long[] counters : usage.values()) {
                v += counters[counter];
            }
        }
        return counter == UsageMeter.COST_NANO_USD ? v / 1e9 : v;
    }
}
