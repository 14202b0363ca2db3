package org.econlab.ui.publish;

import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved runs compared without a screen: the tab's title, one table row per run, the overlaid figures. */
class ComparisonViewModelTest {

    private static Path record(Path dir, String name, long seed) {
        Scenario s = ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"" + name + "\",\"seed\":" + seed
                + ",\"steps\":20,\"population\":{\"agents\":8},\"brackets\":{\"preset\":\"three\"},"
                + "\"worker\":{\"kind\":\"rational\"},\"planner\":{\"kind\":\"saez\"}}");
        Simulation sim = new Simulation(s, false);
        sim.addListener(new RunRecordWriter(dir.resolve(name)));
        sim.runToEnd();
        return dir.resolve(name);
    }

    @Test
    void twoRunsGiveTwoRowsTheOverlaidFiguresAndACountingTitle(@TempDir Path dir) {
        ComparisonViewModel two = ComparisonViewModel.read(List.of(record(dir, "a", 1), record(dir, "b", 2)));
        assertEquals("Comparison of 2 runs", two.title());
        assertEquals(2, two.rows().size());
        assertTrue(two.rows().stream().allMatch(r -> r.size() == two.header().size()));
        assertEquals(List.of("swf", "tax_rates", "labor", "income"), two.figures().stream().map(f -> f.name()).toList());
        assertTrue(two.csv().lines().count() >= 3, two.csv());
    }

    @Test
    void oneRunIsTitledByItsScenario(@TempDir Path dir) {
        assertEquals("solo", ComparisonViewModel.read(List.of(record(dir, "solo", 3))).title());
    }
}
