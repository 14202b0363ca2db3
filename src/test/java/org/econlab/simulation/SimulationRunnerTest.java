package org.econlab.simulation;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background runner: commands apply between steps; one thread advances time. */
class SimulationRunnerTest {

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void stepPausePlayStop() throws Exception {
        Scenario s = TestScenarios.scenario(50, 1_000_000, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        List<String> threads = new CopyOnWriteArrayList<>();
        sim.addListener(snap -> threads.add(Thread.currentThread().getName()));
        SimulationRunner runner = new SimulationRunner(sim);
        runner.stepOnce();
        runner.stepOnce();
        waitFor(() -> threads.size() == 2);
        assertEquals(SimulationRunner.State.PAUSED, runner.state());
        runner.play();
        waitFor(() -> threads.size() > 50);
        runner.pause();
        waitFor(() -> runner.state() == SimulationRunner.State.PAUSED);
        int paused = threads.size();
        Thread.sleep(50);
        assertEquals(paused, threads.size(), "no steps while paused");
        runner.stop();
        assertTrue(runner.awaitEnd(5, TimeUnit.SECONDS));
        assertEquals(SimulationRunner.State.FINISHED, runner.state());
        assertEquals(RunOutcome.STOPPED, sim.outcome());
        assertTrue(threads.stream().allMatch("simulation-runner"::equals));
    }

    @Test
    void runStepsThenPausesAndARunEndsByItself() throws Exception {
        Scenario s = TestScenarios.scenario(10, 30, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        SimulationRunner runner = new SimulationRunner(sim);
        runner.runSteps(7);
        waitFor(() -> runner.state() == SimulationRunner.State.PAUSED);
        assertEquals(7, sim.currentStep());
        runner.play();
        assertTrue(runner.awaitEnd(5, TimeUnit.SECONDS));
        assertEquals(RunOutcome.COMPLETED, sim.outcome());
        assertEquals(30, sim.currentStep());
    }

    @Test
    void aFailingStepEndsTheRunAsFailedWithoutKillingTheCaller() throws Exception {
        Scenario s = TestScenarios.scenario(10, 30, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        sim.addListener(snap -> {
            if (snap.step() == 3) {
                throw new IllegalStateException("disk full");
            }
        });
        SimulationRunner runner = new SimulationRunner(sim);
        runner.play();
        assertTrue(runner.awaitEnd(5, TimeUnit.SECONDS));
        assertEquals(RunOutcome.FAILED, sim.outcome());
        assertEquals("disk full", runner.failure().getMessage());
    }
}
