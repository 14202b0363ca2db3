package org.econlab.agents;

import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.Map;

/**
 * Sets the marginal rates once per tax year. Called only on the runner thread.
 */
public interface PlannerPolicy {

    /** The registry name of this kind, e.g. {@code saez}. */
    String kind();

    /**
     * The rates for the tax year starting at {@code ctx.step()}; {@code ctx.schedule()} holds the rates
     * in force until now. Called at step 0 and at every later tax-year start past the warm-up.
     */
    TaxSchedule decide(StepContext ctx);

    /** Sees every step's outcome and its SWF. Default: nothing. */
    default void observe(StepContext ctx, Population population, WorkerState state, double swf) {
    }

    /** Agent index of the elected leader who set the rates, or -1 when no election is held. */
    default int leader() {
        return -1;
    }

    /** Ballots the leader received in the last election (0 when none). */
    default int votesForLeader() {
        return 0;
    }

    /** Ballots per candidate (agent index) in the last election; empty when none was held. */
    default Map<Integer, Integer> lastTally() {
        return Map.of();
    }

    /** Each candidate's platform (DELTA per bracket, points) in the last election; empty without platforms. */
    default Map<Integer, java.util.List<Double>> lastPlatforms() {
        return Map.of();
    }

    /**
     * Why the run should stop cleanly after the step just played (e.g. an LLM budget is used up), or null to go
     * on. Read on the runner thread after each step; the run then ends as {@code stopped} with this reason.
     */
    default String stopRequested() {
        return null;
    }

    /** Extra per-step figures this planner reports ({@link StepMetrics}). Default: none. */
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
