package org.econlab.ui.seeds;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.run.SeedEnsemble;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Seeds tab without a screen: run N seeds, a row per seed and the mean with its interval, the band toggle. */
class SeedsViewModelTest {

    @Test
    void threeSeedsGiveARowEachAndTheMeanAndTheBandCanBeHidden() throws Exception {
        Scenario s = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"seeds\",\"seed\":7,\"steps\":30,"
                + "\"taxYearSteps\":5,\"population\":{\"agents\":10},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"learning\"},\"planner\":{\"kind\":\"icrl\"}}");
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>(); // the "FX thread" is this test's thread
        List<SeedEnsemble.Result> shown = new ArrayList<>();
        List<String> said = new ArrayList<>();
        SeedsViewModel vm = new SeedsViewModel(() -> s, shown::add, said::add, fx::add);
        vm.countProperty().set(3);
        vm.start();
        assertTrue(vm.runningProperty().get());
        vm.start(); // ignored while running
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (vm.runningProperty().get() && System.nanoTime() < until) {
            Runnable r = fx.poll(1, TimeUnit.SECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertFalse(vm.runningProperty().get());
        assertEquals(List.of("7", "8", "9", "mean ± 95%"), vm.rows().stream().map(SeedsViewModel.Row::seed).toList());
        assertTrue(vm.rows().get(3).gini().matches("0\\.\\d{3} ± 0\\.\\d{3}"), vm.rows().get(3).gini());
        assertEquals(List.of("3 seeds finished"), said);
        assertEquals(1, shown.size());
        assertNotNull(shown.get(0));
        vm.showBandProperty().set(false);
        assertNull(shown.get(1), "the band leaves the charts");
        assertTrue(vm.haveResultProperty().get());
    }
}
