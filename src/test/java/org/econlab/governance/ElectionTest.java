package org.econlab.governance;

import org.econlab.TestScenarios;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.StepContext;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.LabourModel;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElectionTest {

    private static final TaxSchedule FIFTY = TaxSchedule.uniform(BracketPreset.THREE.brackets(), 50);

    private static ElectionContext context(Population p, TaxSchedule current, long seed, int step) {
        StepContext ctx = new StepContext(seed, step, 1000, 25, current, LabourModel.PAPER, 0, 0);
        return new ElectionContext(ctx, current, p, new WorkerState(p.size()), -1);
    }

    /** Everyone runs on the same platform and votes for a fixed candidate: a scripted electorate. */
    private record Scripted(double[] platform, int[] ballots) implements Electorate {
        @Override
        public Optional<double[]> platform(int agent, ElectionContext ctx) {
            return agent < 2 ? Optional.of(platform) : Optional.empty();
        }

        @Override
        public int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx) {
            return ballots[agent];
        }

        @Override
        public double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx) {
            return platform.platformDeltas();
        }
    }

    @Test
    void aTiedPluralityIsBrokenBySeededDrawReproducibly() {
        int[] counts = {3, 1, 3, 3};
        boolean[] seen = new boolean[4];
        for (int step = 0; step < 200; step++) {
            int w = Election.tally(counts, 11, step);
            assertEquals(w, Election.tally(counts, 11, step), "same seed and step, same winner");
            assertTrue(counts[w] == 3);
            seen[w] = true;
        }
        assertTrue(seen[0] && seen[2] && seen[3] && !seen[1], "every tied candidate can win, no one else");
        assertEquals(1, Election.tally(new int[] {0, 5, 2}, 11, 0));
    }

    @Test
    void invalidBallotsFallBackToThePreviousVoteAndTheLeaderReflects() {
        Population p = Population.ofSkills(100, 200, 300, 400, 500);
        Electorate e = new Scripted(new double[] {20, -20, 5}, new int[] {1, 1, 4, 0, 0});
        TaxSchedule current = TaxSchedule.of(BracketPreset.THREE.brackets(), 90, 10, 50);
        Election.Outcome o = Election.hold(e, context(p, current, 3, 25), new int[] {0, 1, 2, 3, 1}, true);
        // agent 2 voted for non-candidate 4 and its previous vote (2) is no candidate either: not counted
        assertArrayEquals(new int[] {1, 1, -1, 0, 0}, o.ballots());
        assertEquals(2, o.candidates().size());
        assertTrue(o.leader() == 0 || o.leader() == 1);
        assertEquals(2, o.votesForLeader());
        // +20 from 90 and -20 from 10 leave 0..100: reflected; 5 rounds to 0
        assertArrayEquals(new double[] {70, 30, 50}, o.schedule().ratesPercent());
    }

    @Test
    void builtInCandidatesRunOnTheirOwnBestPlatformAndVotersPickTheirBest() {
        double[] skills = {60, 150, 400, 900, 2500, 6000};
        Population p = Population.ofSkills(skills);
        AgentSetup setup = new AgentSetup(p, FIFTY, LabourModel.PAPER, WelfareFunction.PAPER, 1, 100, 25);
        BuiltInElectorate e = new BuiltInElectorate(setup);
        ElectionContext ctx = context(p, FIFTY, 1, 25);
        double[] z = new double[skills.length];
        double[] u = new double[skills.length];
        for (int a = 0; a < skills.length; a++) {
            Optional<double[]> platform = e.platform(a, ctx);
            StackelbergSearch.outcome(followers(skills), FIFTY, new double[skills.length], z, u);
            double stay = u[a];
            if (platform.isPresent()) {
                StackelbergSearch.outcome(followers(skills), FIFTY.withRates(
                        org.econlab.economy.RateDeltas.leaderRates(FIFTY.ratesPercent(), platform.get())),
                        new double[skills.length], z, u);
                assertTrue(u[a] > stay, "a candidate's platform raises its own utility");
                for (double d : platform.get()) {
                    assertTrue(d == -20 || d == -10 || d == 0 || d == 10 || d == 20);
                }
            }
        }
        Election.Outcome o = Election.hold(e, ctx, null, true);
        for (int a = 0; a < skills.length; a++) {
            if (o.ballots()[a] >= 0) {
                double chosen = utilityUnder(skills, o, o.ballots()[a], a);
                for (Candidate c : o.candidates()) {
                    assertTrue(chosen >= utilityUnder(skills, o, c.agent(), a) - 1e-9);
                }
            }
        }
    }

    private static double utilityUnder(double[] skills, Election.Outcome o, int candidate, int voter) {
        Candidate c = o.candidates().stream().filter(x -> x.agent() == candidate).findFirst().orElseThrow();
        double[] z = new double[skills.length];
        double[] u = new double[skills.length];
        StackelbergSearch.outcome(followers(skills), FIFTY.withRates(
                org.econlab.economy.RateDeltas.leaderRates(FIFTY.ratesPercent(), c.platformDeltas())),
                new double[skills.length], z, u);
        return u[voter];
    }

    /** Voters predict best responses that count their own share of the rebate, as the built-in electorate does. */
    private static StackelbergSearch.Problem followers(double[] skills) {
        return new StackelbergSearch.Problem(skills, FIFTY.brackets(), LabourModel.PAPER, WelfareFunction.PAPER,
                org.econlab.economy.RebateTreatment.OWN_SHARE);
    }

    @Test
    void democraticRunsReportLeaderAndVotesAndAreReproducible() {
        Scenario s = TestScenarios.of(40, "three", null, "{\"kind\":\"persona\"}",
                "{\"kind\":\"democratic\"}", 100, true);
        Simulation a = new Simulation(s, false);
        Simulation b = new Simulation(s, false);
        while (!a.isFinished()) {
            StepSnapshot x = a.step();
            StepSnapshot y = b.step();
            assertEquals(x.leader(), y.leader());
            assertEquals(x.votesForLeader(), y.votesForLeader());
            assertArrayEquals(x.ratesPercent(), y.ratesPercent());
            assertTrue(x.leader() >= 0 && x.leader() < 40);
            assertTrue(x.votesForLeader() >= 1 && x.votesForLeader() <= 40);
            if (x.step() < 25) {
                assertArrayEquals(new double[] {50, 50, 50}, x.ratesPercent(), "at step 0 the rates stay");
            }
        }
    }

    @Test
    void electoratesArePluggableByName() {
        Electorates.register("test_scripted", setup -> new Scripted(new double[] {10, 0, 0}, new int[40]));
        Scenario s = TestScenarios.of(40, "three", null, "{\"kind\":\"learning\"}",
                "{\"kind\":\"democratic\",\"platforms\":true,\"electorate\":\"test_scripted\"}", 60, false);
        StepSnapshot last = new Simulation(s, false).runToEnd();
        assertEquals(0, last.leader());
        assertEquals(40, last.votesForLeader());
        assertArrayEquals(new double[] {70, 50, 50}, last.ratesPercent());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TestScenarios.of(5, "three", null,
                "{\"kind\":\"learning\"}", "{\"kind\":\"democratic\",\"electorate\":\"nobody\"}", 10, false));
        assertTrue(e.getMessage().startsWith("planner.electorate: unknown electorate \"nobody\""), e.getMessage());
    }

    @Test
    void snapshotsCarryTheLastTallyWithTheLeadersBallots() {
        var s = org.econlab.simulation.ScenarioCodec.parse("""
            {"schemaVersion":1,"seed":5,"steps":12,"taxYearSteps":4,"population":{"agents":40,"personas":true},
             "brackets":{"preset":"three"},"worker":{"kind":"persona"},"planner":{"kind":"democratic"}}
            """);
        var sim = new org.econlab.simulation.Simulation(s, false);
        var last = sim.runToEnd();
        java.util.Map<Integer, Integer> tally = last.lastTally();
        assertEquals(40, tally.values().stream().mapToInt(Integer::intValue).sum(), "every worker votes");
        assertEquals(last.votesForLeader(), tally.get(last.leader()));
        assertTrue(tally.values().stream().allMatch(v -> v <= last.votesForLeader()), "plurality: nobody beats the leader");
    }
}
