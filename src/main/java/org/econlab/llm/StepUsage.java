package org.econlab.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's LLM usage step by step, from the counters of its {@link UsageMeter}: what each role used and each endpoint
 * answered between the first query for one step and the first query for the next. Thread-safe.
 */
final class StepUsage {

    private final UsageMeter meter;
    private int usageStep = -1;
    private Map<String, long[]> usageBefore = Map.of();
    private Map<String, long[]> usageAt = Map.of();
    private Map<String, long[]> usageDelta = Map.of();
    private Map<String, Long> answeredBefore = Map.of();
    private Map<String, Long> answeredAt = Map.of();
    private Map<String, Long> answeredDelta = Map.of();

    StepUsage(UsageMeter meter) {
        this.meter = meter;
    }

    /**
     * Usage per role during step {@code step} (counters at the first query for this step minus those at the first
     * query for the previous one). Every policy asks with the same step after the step, so they agree.
     */
    synchronized Map<String, long[]> usageOfStep(int step) {
        if (step != usageStep) {
            usageBefore = usageAt;
            usageAt = meter.snapshot();
            answeredBefore = answeredAt;
            answeredAt = meter.answeredByEndpoint();
            Map<String, Long> a = new TreeMap<>();
            answeredAt.forEach((e, n) -> a.put(e, n - answeredBefore.getOrDefault(e, 0L)));
            answeredDelta = a;
            usageStep = step;
            Map<String, long[]> d = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : usageAt.entrySet()) {
                long[] before = usageBefore.get(e.getKey());
                long[] v = e.getValue().clone();
                if (before != null) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= before[i];
                    }
                }
                d.put(e.getKey(), v);
            }
            usageDelta = d;
        }
        return usageDelta;
    }

    /** Calls answered per endpoint profile during step {@code step}, counted like {@link #usageOfStep}. */
    synchronized Map<String, Long> answeredOfStep(int step) {
        usageOfStep(step);
        return answeredDelta;
    }
}
