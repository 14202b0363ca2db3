package org.econlab.ui.run;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.SimulationRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run replaced while it plays (a lesson's Next opens the next step's economy and plays it) stops late on its own
 * thread; the new run's status must still say "Running", not the replaced run's "Stopped". No stage needed.
 */
class ReplacedRunStateTest {

    private static Scenario slow(String name) {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"" + name + "\",\"steps\":2000,"
                + "\"population\":{\"agents\":10},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"learning\"},\"planner\":{\"kind\":\"fixed\",\"rates\":[10,20,30]}}");
    }

    /** Pulls the runner's snapshots as the window's frames do, until {@code done} or 20 s. */
    private static void pullUntil(RunViewModel model, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            model.pullSnapshots();
            Thread.sleep(16);
        }
    }

    @Test
    void theNextRunSaysRunningWhileThePreviousOneStopsLate(@TempDir Path dir) throws Exception {
        RunViewModel model = new RunViewModel(slow("first"), dir);
        try {
            model.setSpeed(4); // the runner sleeps 250 ms between steps: its stop lands after the next run started
            model.play();
            pullUntil(model, () -> model.stepsDoneProperty().get() >= 2);
            model.setScenario(slow("second"));
            model.reset();
            model.play();
            pullUntil(model, () -> model.stepsDoneProperty().get() >= 4);
            long end = System.nanoTime() + 1_000_000_000L;
            pullUntil(model, () -> System.nanoTime() > end);
            assertEquals(SimulationRunner.State.RUNNING, model.runStateProperty().get());
            assertTrue(model.statusProperty().get().startsWith("Running"), model.statusProperty().get());
        } finally {
            model.shutdown();
        }
    }
}
