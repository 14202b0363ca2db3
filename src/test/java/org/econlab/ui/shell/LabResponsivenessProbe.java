package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;

import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures how fast the window answers while a 1,000,000-worker rational run plays at full speed: the
 * round trip of a task posted to the FX thread (what a click waits for), sampled every 20 ms for a few
 * seconds on the Overview tab and on the Agents tab. A measurement, not a test: it runs only with
 * {@code mvn -B -o test -Dtest=LabResponsivenessProbe -Decon.probe=true} and writes
 * {@code target/responsiveness.txt}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "econ.probe", matches = "true")
class LabResponsivenessProbe {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        Scenario s = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withAgents(1_000_000).withSteps(100_000);
        LabWindowFixture w = LabWindowFixture.show(stage, s, runs, null, 1280, 800);
        model = w.model();
        view = w.view();
    }

    private static double[] sample(int count) throws Exception {
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            CountDownLatch done = new CountDownLatch(1);
            long t0 = System.nanoTime();
            Platform.runLater(done::countDown);
            done.await(10, TimeUnit.SECONDS);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            Thread.sleep(20);
        }
        return ms;
    }

    private static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String summary(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%s: n=%d median=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms",
                what, s.length, s[s.length / 2], s[(int) (s.length * 0.95)], s[(int) (s.length * 0.99)], s[s.length - 1]);
    }

    @Test
    void fxThreadRoundTripWhileAMillionWorkersPlay(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        robot.interact(model::play);
        LabWindowFixture.waitUntil(120, () -> model.stepsDoneProperty().get() >= 3);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long gc0 = gcMillis();
        String load0 = load();
        double[] overview = sample(250);
        long gc1 = gcMillis();
        int s1 = model.stepsDoneProperty().get();
        robot.interact(() -> robot.lookup("#watch-tabs").queryAs(TabPane.class).getSelectionModel().select(3));
        Thread.sleep(1500);
        long gc2 = gcMillis();
        double[] agents = sample(250);
        long gc3 = gcMillis();
        int s2 = model.stepsDoneProperty().get();
        model.shutdown();
        String report = String.join("\n",
                "1,000,000 rational workers, us_fed_2024 brackets, Saez planner, max speed, "
                        + Runtime.getRuntime().availableProcessors() + " cores",
                String.format(Locale.ROOT, "first steps after %.1f s (population drawn off the FX thread); %d steps played while sampling",
                        buildSeconds, s2),
                summary("FX round trip, Overview tab (4 live charts)", overview) + ", GC " + (gc1 - gc0) + " ms",
                summary("FX round trip, Agents tab (1,000-row sample, refreshed once a second)", agents) + ", GC " + (gc3 - gc2) + " ms",
                "machine load average before/after: " + load0 + " / " + load() + " (other processes share the cores)",
                "simulation threads: " + (RunViewModel.PARALLEL ? "all cores" : "one (a core is left to the window)"),
                "steps at end of overview sampling: " + s1);
        System.out.println(report);
        Files.writeString(Path.of("target", "responsiveness.txt"), report + "\n");
    }
}
