package org.econlab.simulation;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A read-only look at the simulation runs on the runner thread, between steps. */
class SimulationRunnerInspectTest {

    @Test
    void inspectRunsOnTheRunnerThreadBetweenSteps() throws Exception {
        Scenario s = ScenarioCodec.readResource("/sample-scenarios/three-5-rational.json");
        try (SimulationRunner runner = new SimulationRunner(new Simulation(s, false))) {
            runner.stepOnce();
            runner.stepOnce();
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger step = new AtomicInteger(-1);
            AtomicReference<String> thread = new AtomicReference<>();
            runner.inspect(sim -> {
                step.set(sim.currentStep());
                thread.set(Thread.currentThread().getName());
                done.countDown();
            });
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(2, step.get());
            assertEquals("simulation-runner", thread.get());
        }
    }
}
