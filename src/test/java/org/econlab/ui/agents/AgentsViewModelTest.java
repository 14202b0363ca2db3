package org.econlab.ui.agents;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.ui.run.AgentProbe;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Agents tab without a screen: which way a worker would move, one post-tax income, a pick while paused, timing. */
class AgentsViewModelTest {

    private static final Scenario SMALL = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"agents\",\"seed\":5,"
            + "\"steps\":10,\"taxYearSteps\":5,\"population\":{\"agents\":8},\"brackets\":{\"preset\":\"three\"},"
            + "\"worker\":{\"kind\":\"learning\"},\"planner\":{\"kind\":\"icrl\"}}");

    private static AgentRow row(double hours, double best, double netRate) {
        return new AgentRow(12, "", 30_000, hours, best, 60, 20_842, 3_000, 19_000, netRate, Double.NaN, 1, new double[0]);
    }

    @Test
    void theExplanationSaysWhichWayTheWorkerWouldMoveAndWhyOnItsOwnLine() {
        String more = AgentsViewModel.explain(row(54, 60, 12.3), java.util.List.of());
        assertTrue(more.contains("works 54 h/week; at its best response it would work 6 h more, 60 h/week"), more);
        String less = AgentsViewModel.explain(row(60, 54, 12.3), java.util.List.of());
        assertTrue(less.contains("it would work 6 h less, 54 h/week"), less);
        String[] lines = less.split("\n");
        assertEquals(2, lines.length, less);
        assertTrue(lines[1].startsWith("Why: at $20,842 a year it faces a marginal rate of 60%"), lines[1]);
        assertTrue(lines[1].contains("after the rebate it pays 12.3% of its income in tax"), lines[1]);
        assertTrue(AgentsViewModel.explain(row(60, 54, -4), java.util.List.of())
                .contains("the rebate more than repays its tax: it gains $834 a year net, 4.0% of its income"));
        assertTrue(AgentsViewModel.explain(row(40, 40.2, 1), java.util.List.of()).contains("its best response (40 h)"));
    }

    @Test
    void aWorkerPickedWhileThePausedRunWaitsShowsItsHistoryNowWithTheTablesPostTaxIncome() {
        AgentProbe probe = new AgentProbe();
        Simulation sim = new Simulation(SMALL, false);
        probe.runStarted(sim);
        for (int k = 0; k < 4; k++) {
            probe.stepCompleted(sim.step());
        }
        AtomicInteger copies = new AtomicInteger();
        AgentsViewModel vm = new AgentsViewModel(() -> probe, () -> {
            copies.incrementAndGet();
            probe.copyNow(sim); // what the paused run does between steps
        });
        AgentsViewModel.Update first = vm.poll(0, true);
        assertNotNull(first.page());
        assertEquals(8, first.rows().size());
        assertNull(first.history(), "nobody followed yet");

        vm.select(5);
        vm.select(5); // the table re-selects the same worker after each refresh: no second copy
        assertEquals(1, copies.get());
        AgentsViewModel.Update picked = vm.poll(1, true);
        AgentProbe.History h = picked.history();
        assertEquals(5, h.agent());
        assertEquals(4, h.step().length, "the whole history at once, without another step");
        AgentRow five = AgentsViewModel.rows(picked.page()).stream().filter(r -> r.agent() == 5).findFirst().orElseThrow();
        assertEquals(five.postTax(), h.postTax(h.step().length - 1), 1e-6, "one post-tax income in table and chart");
    }

    @Test
    void thePageIsAskedForAtMostOnceASecondAndOnlyOnScreen() {
        AgentProbe probe = new AgentProbe();
        AgentsViewModel vm = new AgentsViewModel(() -> probe, () -> { });
        assertNull(vm.poll(0, false));
        assertNull(vm.poll(5, true), "no run yet: nothing to show");
        assertEquals("", vm.showFrom("not a number"));
        assertEquals("1200", vm.showFrom(" 1,200 "));
    }
}
