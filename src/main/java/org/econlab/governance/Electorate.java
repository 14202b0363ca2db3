package org.econlab.governance;

import org.econlab.agents.StepMetrics;

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

    /** Agent {@code agent}'s platform (one DELTA per bracket, percentage points) if it runs, else empty. */
    Optional<double[]> platform(int agent, ElectionContext ctx);

    /**
     * Agent {@code agent}'s ballot: the agent index of the candidate it votes for. An implementation
     * that cannot decide returns {@code previousVote}.
     */
    int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx);

    /** The elected leader's DELTA per bracket (percentage points) for the coming tax year. */
    double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx);

    /**
     * Extra per-step figures of this electorate (e.g. LLM calls per role), reported through the planner
     * that holds it. {@code step} gives the step just played. Default: none.
     */
    default StepMetrics metrics(IntSupplier step) {
        return StepMetrics.NONE;
    }
}
