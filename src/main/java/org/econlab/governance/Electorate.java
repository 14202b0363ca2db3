package org.econlab.governance;

import org.econlab.agents.LlmActivity;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The decisions workers make in the democratic scenario (paper-model §9): whether to run and on which
 * platform, whom to vote for, and, once elected, which DELTA to apply. Built-in (rule-based) and
 * LLM-backed electorates implement this; the election procedure itself (candidacy rounds, plurality
 * tally with a seeded random tie-break, applying the leader's deltas) is shared and lives beside it.
 *
 * <p>Called on the runner thread; an implementation may fan calls out internally but must return
 * results in agent order and independent of timing.
 */
public interface Electorate {

    /**
     * Agent {@code agent}'s platform (one DELTA per bracket, percentage points) if it runs, else empty. Asked only in
     * elections with platforms.
     */
    Optional<double[]> platform(int agent, ElectionContext ctx);

    /**
     * Agent {@code agent}'s ballot: the agent index of the candidate it votes for. An implementation
     * that cannot decide returns {@code previousVote}. In an election without platforms every worker is a
     * candidate with an empty platform.
     */
    int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx);

    /**
     * The elected leader's DELTA per bracket (percentage points) for the coming tax year. Asked at every election,
     * step 0 included (the reference's leader answers then too; its deltas are not applied at step 0).
     * {@code platform} is the leader's candidacy (an empty platform without platforms).
     */
    double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx);

    /**
     * Extra per-step figures of this electorate (e.g. LLM calls per role), reported through the planner
     * that holds it. {@code step} gives the step just played. Default: none.
     */
    default StepMetrics metrics(IntSupplier step) {
        return StepMetrics.NONE;
    }

    /** Sees every step's outcome (after the workers), e.g. to remember how each leader's term went. Default: nothing. */
    default void observe(StepContext ctx, Population population, WorkerState state, double swf) {
    }

    /** What this electorate's LLM calls did; {@link LlmActivity#NONE} without LLM. */
    default LlmActivity llmActivity() {
        return LlmActivity.NONE;
    }
}
