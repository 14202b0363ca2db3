package org.econlab.governance;

import org.econlab.agents.AgentDetails;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.PlannerPolicy;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The democratic scenario's "planner" (paper-model §9): at step 0 and every tax-year start it holds an
 * {@link Election} among the workers with a pluggable {@link Electorate}; the elected leader's DELTA sets the
 * rates (at step 0 the rates stay at the start rates). Without platforms (the default, as the reference runs it)
 * every worker is eligible and nobody campaigns; with {@code platforms: true} workers run on announced DELTAs.
 * Reports the leader and its votes, which the simulation copies into every step snapshot ({@code leader},
 * {@code votes_for_leader}).
 */
public final class DemocraticPlanner implements PlannerPolicy {

    public static final String KIND = "democratic";

    private final Electorate electorate;
    private final boolean platforms;
    private final Population population;
    private final int[] votes;
    private WorkerState lastState;
    private int leader = -1;
    private int votesForLeader;
    private int candidates;
    private Election.Outcome lastOutcome;
    private Map<Integer, Integer> lastTally = Map.of();
    private Map<Integer, List<Double>> lastPlatforms = Map.of();
    private int lastStep;
    private final StepMetrics electorateMetrics;

    /** An election with platforms (the older default of this lab). */
    public DemocraticPlanner(AgentSetup setup, Electorate electorate) {
        this(setup, electorate, true);
    }

    /** @param platforms whether workers run on platforms; without, every worker is a candidate (the reference's default) */
    public DemocraticPlanner(AgentSetup setup, Electorate electorate, boolean platforms) {
        this.electorate = electorate;
        this.platforms = platforms;
        this.population = setup.population();
        this.votes = new int[population.size()];
        for (int i = 0; i < votes.length; i++) {
            votes[i] = i; // the reference's initial vote: oneself
        }
        this.lastState = new WorkerState(population.size());
        this.electorateMetrics = electorate.metrics(() -> lastStep);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        lastState = state;
        lastStep = ctx.step();
        electorate.observe(ctx, population, state, swf);
    }

    /** Whether candidates run on platforms. */
    public boolean platforms() {
        return platforms;
    }

    @Override
    public org.econlab.agents.LlmActivity llmActivity() {
        return electorate.llmActivity();
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        ElectionContext ec = new ElectionContext(ctx, ctx.schedule(), population, lastState, leader);
        Election.Outcome o = Election.hold(electorate, ec, votes, ctx.step() > 0, platforms);
        int[] b = o.ballots();
        for (int i = 0; i < votes.length; i++) {
            if (b[i] >= 0) {
                votes[i] = b[i];
            }
        }
        leader = o.leader();
        votesForLeader = o.votesForLeader();
        candidates = o.candidates().size();
        lastOutcome = o;
        Map<Integer, Integer> tally = new TreeMap<>();
        for (int ballot : b) {
            if (ballot >= 0) {
                tally.merge(ballot, 1, Integer::sum);
            }
        }
        lastTally = Collections.unmodifiableMap(tally);
        Map<Integer, List<Double>> offered = new TreeMap<>();
        if (platforms) {
            for (Candidate c : o.candidates()) {
                offered.put(c.agent(), Arrays.stream(c.platformDeltas()).boxed().toList());
            }
        }
        lastPlatforms = Collections.unmodifiableMap(offered);
        return o.schedule();
    }

    @Override
    public int leader() {
        return leader;
    }

    @Override
    public int votesForLeader() {
        return votesForLeader;
    }

    @Override
    public Map<Integer, Integer> lastTally() {
        return lastTally;
    }

    @Override
    public Map<Integer, List<Double>> lastPlatforms() {
        return lastPlatforms;
    }

    /** The last election's outcome, or null before the first. */
    public Election.Outcome lastOutcome() {
        return lastOutcome;
    }

    /** Each worker's current vote: the agent index it voted for (itself before the first election). */
    @Override
    public AgentDetails agentDetails() {
        return new AgentDetails() {
            @Override
            public List<String> names() {
                return List.of("vote");
            }

            @Override
            public double value(int column, int agent) {
                return votes[agent];
            }
        };
    }

    @Override
    public StepMetrics metrics() {
        return new StepMetrics() {
            private final List<String> names = Stream.concat(Stream.of("candidates"),
                    electorateMetrics.names().stream()).toList();

            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public double value(int index) {
                return index == 0 ? candidates : electorateMetrics.value(index - 1);
            }
        };
    }
}
