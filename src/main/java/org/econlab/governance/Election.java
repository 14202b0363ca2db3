package org.econlab.governance;

import org.econlab.economy.RateDeltas;
import org.econlab.economy.TaxSchedule;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The election procedure of paper-model §9, shared by every {@link Electorate}:
 * <ol>
 *   <li>Without platforms (the reference's default and its democratic experiment): every worker is a candidate and
 *       nobody is asked to run.</li>
 *   <li>With platforms, candidacy: every worker is asked for a platform; up to {@value #MAX_CANDIDACY_ROUNDS} rounds
 *       until at least one runs. Platforms are normalised (clip to +-20, round to 10). With no candidate the
 *       current leader stays and the rates do not change.</li>
 *   <li>Ballots: every worker votes for a candidate's agent index. A ballot for a non-candidate is
 *       replaced by the worker's previous vote if that is a candidate, else it is not counted (the
 *       reference crashes or counts it; we validate, fixing quirk 17). Platforms are not carried over
 *       between elections (the reference never resets them, quirk 17).</li>
 *   <li>Tally: plurality; a tie is broken uniformly at random with a draw from
 *       {@link RandomStreams} (purpose VOTING, step = the election's step), so it is seeded and
 *       reproducible.</li>
 *   <li>Policy: the leader's DELTA ({@link Electorate#leaderDeltas}) is applied with the leader rule
 *       (reflect out-of-range deltas, {@link RateDeltas#applyLeaderRule}); at step 0 the leader answers too (as in
 *       the reference) but the rates stay.</li>
 * </ol>
 */
public final class Election {

    public static final int MAX_CANDIDACY_ROUNDS = 10;

    /**
     * What an election produced.
     *
     * @param leader         elected agent (or the previous leader when nobody ran; -1 if none)
     * @param votesForLeader ballots counted for the leader
     * @param candidates     who ran, in agent order
     * @param ballots        each worker's counted vote (-1 when not counted)
     * @param deltas         the leader's normalised DELTA (zeros when the rates did not change)
     * @param schedule       the rates for the coming tax year
     */
    public record Outcome(int leader, int votesForLeader, List<Candidate> candidates, int[] ballots, double[] deltas,
                          TaxSchedule schedule) {
        public Outcome {
            candidates = List.copyOf(candidates);
            ballots = ballots.clone();
            deltas = deltas.clone();
        }

        @Override
        public int[] ballots() {
            return ballots.clone();
        }

        @Override
        public double[] deltas() {
            return deltas.clone();
        }
    }

    private Election() {
    }

    /**
     * Holds one election.
     *
     * @param electorate    who decides
     * @param ctx           the election's context
     * @param previousVotes each worker's previous ballot (its own index before the first election)
     * @param applyPolicy   whether the leader's deltas change the rates (false at step 0)
     */
    public static Outcome hold(Electorate electorate, ElectionContext ctx, int[] previousVotes, boolean applyPolicy) {
        return hold(electorate, ctx, previousVotes, applyPolicy, true);
    }

    /**
     * Holds one election, with or without platforms.
     *
     * @param platforms whether workers run on platforms (candidacy round); without, every worker is a candidate
     */
    public static Outcome hold(Electorate electorate, ElectionContext ctx, int[] previousVotes, boolean applyPolicy,
                               boolean platforms) {
        int n = ctx.population().size();
        int k = ctx.current().bracketCount();
        List<Candidate> candidates = new ArrayList<>();
        if (!platforms) {
            for (int a = 0; a < n; a++) {
                candidates.add(new Candidate(a, new double[0]));
            }
        }
        for (int round = 0; platforms && round < MAX_CANDIDACY_ROUNDS && candidates.isEmpty(); round++) {
            for (int a = 0; a < n; a++) {
                Optional<double[]> p = electorate.platform(a, ctx);
                if (p.isPresent() && p.get().length == k) {
                    candidates.add(new Candidate(a, RateDeltas.normalise(p.get())));
                }
            }
        }
        int[] ballots = new int[n];
        Arrays.fill(ballots, -1);
        if (candidates.isEmpty()) {
            return new Outcome(ctx.currentLeader(), 0, candidates, ballots, new double[k], ctx.current());
        }
        int[] candidateSlot = new int[n];
        Arrays.fill(candidateSlot, -1);
        for (int c = 0; c < candidates.size(); c++) {
            candidateSlot[candidates.get(c).agent()] = c;
        }
        int[] counts = new int[candidates.size()];
        for (int a = 0; a < n; a++) {
            int prev = previousVotes == null ? a : previousVotes[a];
            int vote = electorate.ballot(a, candidates, prev, ctx);
            if (!(vote >= 0 && vote < n && candidateSlot[vote] >= 0)) {
                vote = prev >= 0 && prev < n && candidateSlot[prev] >= 0 ? prev : -1;
            }
            ballots[a] = vote;
            if (vote >= 0) {
                counts[candidateSlot[vote]]++;
            }
        }
        int winner = tally(counts, ctx.step().seed(), ctx.step().step());
        Candidate leader = candidates.get(winner);
        double[] deltas = new double[k];
        TaxSchedule schedule = ctx.current();
        double[] proposed = electorate.leaderDeltas(leader.agent(), leader, ctx);
        if (applyPolicy) {
            if (proposed != null && proposed.length == k) {
                deltas = RateDeltas.normalise(proposed);
                double[] rates = RateDeltas.leaderRates(ctx.current().ratesPercent(), deltas);
                for (int j = 0; j < k; j++) {
                    deltas[j] = rates[j] - ctx.current().ratePercent(j); // after reflection
                }
                schedule = ctx.current().withRates(rates);
            }
        }
        return new Outcome(leader.agent(), counts[winner], candidates, ballots, deltas, schedule);
    }

    /**
     * Plurality winner's slot: the most votes; a tie is broken uniformly at random among the tied slots
     * (in candidate order) with the draw (seed, VOTING, agent 0, step, draw 0).
     */
    public static int tally(int[] counts, long seed, int step) {
        int max = -1;
        int tied = 0;
        for (int c : counts) {
            if (c > max) {
                max = c;
                tied = 1;
            } else if (c == max) {
                tied++;
            }
        }
        int pick = tied == 1 ? 0 : (int) (RandomStreams.uniform(seed, Purpose.VOTING, 0, step, 0) * tied);
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] == max) {
                if (pick == 0) {
                    return s;
                }
                pick--;
            }
        }
        throw new IllegalStateException("no candidate");
    }
}
