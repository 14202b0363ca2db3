package org.econlab.agents;

import org.econlab.population.Population;
import org.econlab.population.WorkerState;

/**
 * How workers choose labour hours each step. One policy instance drives the whole population's
 * columns, so a million built-in workers cost a few tight loops rather than a million objects.
 *
 * <p>Threads: {@link #beginStep} runs on the runner thread; {@link #chooseHours} and {@link #observe}
 * may then be called concurrently on disjoint agent ranges and must write only those agents' entries.
 * Results must not depend on how the ranges are split (draw randomness per agent and step).
 */
public interface WorkerPolicy {

    /** The registry name of this kind, e.g. {@code rational}. */
    String kind();

    /** Called once per step before any range is processed. */
    default void beginStep(StepContext ctx) {
    }

    /** Writes hours per week in {@code [0, maxHours]} to {@code state.hours()} for agents {@code [from, to)}. */
    void chooseHours(StepContext ctx, Population population, WorkerState state, int from, int to);

    /**
     * Sees the step's outcome (income, tax, utility, rebate in {@code state}; the step's SWF) for agents
     * {@code [from, to)}, to learn from it. Default: nothing.
     */
    default void observe(StepContext ctx, Population population, WorkerState state, double swf, int from, int to) {
    }

    /**
     * Why the run should stop cleanly after the step just played (e.g. an LLM budget is used up), or null to go
     * on. Read on the runner thread after each step; the run then ends as {@code stopped} with this reason.
     */
    default String stopRequested() {
        return null;
    }

    /** Extra per-step figures these workers report ({@link StepMetrics}). Default: none. */
    default StepMetrics metrics() {
        return StepMetrics.NONE;
    }

    /** Per-agent figures for the window's agent table ({@link AgentDetails}); runner thread only. Default: none. */
    default AgentDetails agentDetails() {
        return AgentDetails.NONE;
    }

    /** What this policy's LLM calls did ({@link LlmActivity}); {@link LlmActivity#NONE} without LLM. Default: none. */
    default LlmActivity llmActivity() {
        return LlmActivity.NONE;
    }
}
