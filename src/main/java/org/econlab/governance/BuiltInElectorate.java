package org.econlab.governance;

import org.econlab.agents.AgentSetup;
import org.econlab.economy.LabourModel;
import org.econlab.economy.RateDeltas;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.TaxSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule-based voters and candidates for the democratic scenario (paper-model §9), each maximising its own
 * isoelastic utility u. Every worker judges a schedule by the utility it would get if everybody (itself
 * included) played the best response to it and the revenue were rebated equally: rational expectations
 * of its own hours and of the rebate.
 * <ul>
 *   <li>Platform: the DELTA (grid {-20..20} per bracket, leader rule applied) maximising the worker's own
 *       utility: exhaustive over 5^K deltas for K &lt;= 3, coordinate ascent from no change for more
 *       brackets. A worker runs only if its best platform beats no change.</li>
 *   <li>Ballot: the candidate whose platform gives the voter the highest utility (ties, including
 *       candidates with identical platforms: the first candidate in agent order).</li>
 *   <li>Leader: applies its platform; without platforms, the DELTA that maximises its own utility (what its
 *       platform would have been).</li>
 *   <li>Elections without platforms: {@link RetrospectiveVoting} (voters judge past leaders by how they fared).</li>
 * </ul>
 * Evaluations are cached per election. Called on the runner thread only.
 */
public final class BuiltInElectorate implements Electorate {

    private static final double[] ORDER = {0, -10, 10, -20, 20};

    private final double[] skills;
    private final LabourModel labour;
    private final Map<String, double[]> utilities = new HashMap<>();
    private final StackelbergSearch.Problem followers;
    private final double[] hours;
    private final double[] z;
    private final double[] u;
    private int cachedStep = Integer.MIN_VALUE;
    private TaxSchedule cachedCurrent;
    private List<Candidate> ballotFor;
    private double[][] enumerated;
    private double[][] enumeratedDeltas;
    private final List<Integer> firstAgent = new ArrayList<>();
    private final List<double[]> platformUtilities = new ArrayList<>();
    private final RetrospectiveVoting retrospective;

    public BuiltInElectorate(AgentSetup setup) {
        this.skills = setup.population().skills();
        this.labour = setup.labour();
        // Voters predict outcomes as exact best responses (own share of the rebate, the lab's default).
        this.followers = new StackelbergSearch.Problem(skills, setup.startSchedule().brackets(), labour,
                setup.welfare(), org.econlab.economy.RebateTreatment.OWN_SHARE, setup.population().deltas());
        this.hours = new double[skills.length];
        this.z = new double[skills.length];
        this.u = new double[skills.length];
        this.retrospective = new RetrospectiveVoting(skills.length, setup.seed());
    }

    @Override
    public void observe(org.econlab.agents.StepContext ctx, org.econlab.population.Population population,
                        org.econlab.population.WorkerState state, double swf) {
        retrospective.observe(state.utility());
    }

    private void resetIfNewElection(ElectionContext ctx) {
        if (ctx.step().step() != cachedStep || !ctx.current().equals(cachedCurrent)) {
            utilities.clear();
            ballotFor = null;
            enumerated = null;
            cachedStep = ctx.step().step();
            cachedCurrent = ctx.current();
        }
    }

    /** Every worker's utility under the schedule that {@code deltas} (leader rule) make of the current rates. */
    private double[] utilitiesAfter(TaxSchedule current, double[] deltas) {
        double[] rates = RateDeltas.leaderRates(current.ratesPercent(), deltas);
        String key = Arrays.toString(rates);
        double[] cached = utilities.get(key);
        if (cached == null) {
            StackelbergSearch.outcome(followers, current.withRates(rates), hours, z, u);
            cached = u.clone();
            utilities.put(key, cached);
        }
        return cached;
    }

    @Override
    public Optional<double[]> platform(int agent, ElectionContext ctx) {
        resetIfNewElection(ctx);
        TaxSchedule current = ctx.current();
        int k = current.bracketCount();
        double[] none = new double[k];
        double stay = utilitiesAfter(current, none)[agent];
        double[] best = none;
        double bestU = stay;
        if (k <= 3) {
            if (enumerated == null) {
                int total = (int) Math.pow(ORDER.length, k);
                enumerated = new double[total][];
                enumeratedDeltas = new double[total][];
                for (int n = 0; n < total; n++) {
                    double[] d = new double[k];
                    int m = n;
                    for (int j = 0; j < k; j++) {
                        d[j] = ORDER[m % ORDER.length];
                        m /= ORDER.length;
                    }
                    enumeratedDeltas[n] = d;
                    enumerated[n] = utilitiesAfter(current, d);
                }
            }
            for (int n = 0; n < enumerated.length; n++) {
                double v = enumerated[n][agent];
                if (v > bestU) {
                    bestU = v;
                    best = enumeratedDeltas[n];
                }
            }
        } else {
            double[] d = none.clone();
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int j = 0; j < k; j++) {
                    double keep = d[j];
                    double arg = keep;
                    for (double g : ORDER) {
                        if (g == keep) {
                            continue;
                        }
                        d[j] = g;
                        double v = utilitiesAfter(current, d)[agent];
                        if (v > bestU) {
                            bestU = v;
                            arg = g;
                            improved = true;
                        }
                    }
                    d[j] = arg;
                }
            }
            best = d;
        }
        if (bestU > stay + 1e-9 * Math.max(1, Math.abs(stay))) {
            return Optional.of(best.clone());
        }
        return Optional.empty();
    }

    @Override
    public int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx) {
        resetIfNewElection(ctx);
        if (!candidates.isEmpty() && candidates.get(0).platformDeltas().length == 0) {
            return retrospective.ballot(agent, ctx.step().step(), ctx.currentLeader());
        }
        if (candidates != ballotFor) { // same list for every voter of an election: group equal platforms once
            ballotFor = candidates;
            firstAgent.clear();
            platformUtilities.clear();
            Map<String, Integer> seen = new HashMap<>();
            for (Candidate c : candidates) {
                String key = Arrays.toString(c.platformDeltas());
                if (seen.putIfAbsent(key, firstAgent.size()) == null) {
                    firstAgent.add(c.agent());
                    platformUtilities.add(utilitiesAfter(ctx.current(), c.platformDeltas()));
                }
            }
        }
        int best = previousVote;
        double bestU = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < firstAgent.size(); p++) {
            double v = platformUtilities.get(p)[agent];
            if (v > bestU) {
                bestU = v;
                best = firstAgent.get(p);
            }
        }
        return best;
    }

    @Override
    public double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx) {
        if (platform != null && platform.platformDeltas().length == ctx.current().bracketCount()) {
            return platform.platformDeltas();
        }
        retrospective.elected(leader);
        return platform(leader, ctx).orElse(new double[ctx.current().bracketCount()]);
    }

    /** Distinct platforms among {@code candidates} (for reports). */
    public static List<double[]> distinctPlatforms(List<Candidate> candidates) {
        List<double[]> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (out.stream().noneMatch(p -> Arrays.equals(p, c.platformDeltas()))) {
                out.add(c.platformDeltas());
            }
        }
        return out;
    }
}
