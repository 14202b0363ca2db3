package org.econlab.governance;

import org.econlab.TestScenarios;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Built-in voters in elections without platforms judge leaders by how they fared under them. */
class RetrospectiveVotingTest {

    @Test
    void votersRewardAnIncumbentUnderWhomTheyDidWellAndOtherwiseTryTheChallenger() {
        RetrospectiveVoting v = new RetrospectiveVoting(3, 42);
        int c0 = v.challenger(0, -1);
        for (int i = 0; i < 3; i++) {
            assertEquals(c0, v.ballot(i, 0, -1), "nobody has a record at step 0: everybody tries the challenger");
        }
        v.elected(c0);
        v.observe(new double[] {10, 10, 10});
        v.observe(new double[] {10, 10, 10});
        for (int i = 0; i < 3; i++) { // first term = average so far: ties go to the incumbent
            assertEquals(c0, v.ballot(i, 2, c0));
        }
        v.elected(c0);
        v.observe(new double[] {4, 16, 10}); // voter 0 fared worse this term, voter 1 better, voter 2 the same
        v.observe(new double[] {4, 16, 10});
        int c4 = v.challenger(4, c0);
        assertNotEquals(c0, c4, "the challenger is a worker who has never led");
        assertEquals(c4, v.ballot(0, 4, c0), "below its average (7): tries the challenger");
        assertEquals(c0, v.ballot(1, 4, c0), "above its average (13): keeps the incumbent");
        assertEquals(c0, v.ballot(2, 4, c0), "a tie keeps the incumbent");
        v.elected(c4);
        v.observe(new double[] {1, 1, 1}); // the new leader is bad for everyone
        v.observe(new double[] {1, 1, 1});
        int c6 = v.challenger(6, c4);
        assertEquals(c0, v.ballot(1, 6, c4), "back to the former leader under whom it did best");
        assertTrue(c6 != c4);
    }

    @Test
    void aDemocraticRunWithoutPlatformsElectsEveryTaxYearAndEveryWorkerVotes() {
        var s = TestScenarios.of(30, "three", null, "{\"kind\":\"learning\"}",
                "{\"kind\":\"democratic\",\"platforms\":false,\"electorate\":\"built_in\"}", 40, false);
        Simulation sim = new Simulation(s, false);
        StepSnapshot first = sim.step();
        assertEquals(30, first.votesForLeader(), "step 0: everybody votes for the challenger");
        assertEquals(0, (int) first.metricValues()[first.metricNames().indexOf("candidates")] - 30,
                "without platforms every worker is a candidate");
        StepSnapshot last = sim.runToEnd();
        assertEquals(30, last.lastTally().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(last.leader() >= 0 && last.leader() < 30);
        for (double r : last.ratesPercent()) {
            assertTrue(r >= 0 && r <= 100 && r % 10 == 0, "the leader moves the rates on the grid: " + r);
        }
    }
}
