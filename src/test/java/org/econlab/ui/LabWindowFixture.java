package org.econlab.ui;

import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.econlab.simulation.Scenario;
import org.econlab.ui.shell.MainView;
import org.econlab.ui.shell.RecentFiles;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * The one window fixture of the UI tests (they run headless under Monocle, see the pom's headless-gui-tests
 * profile): one lab window for a TestFX test, built as {@link LabApp} builds it: the scenario draft, the run view model
 * (records under {@code runs}) and the main view on a stage of the given size, without the lesson chooser the
 * application shows first unless {@link #showAsLaunched} is used. FX thread (a test's {@code @Start}).
 *
 * @param draft the editor's scenario draft
 * @param model the run view model; call {@link RunViewModel#shutdown()} after each test
 * @param view  the main view
 */
public record LabWindowFixture(ScenarioDraft draft, RunViewModel model, MainView view) {

    /**
     * Shows the window.
     *
     * @param stepsPerSecond the run speed (0 = as fast as possible), or null for the window's default
     */
    public static LabWindowFixture show(Stage stage, Scenario scenario, Path runs, Double stepsPerSecond, int width, int height) {
        ScenarioDraft draft = new ScenarioDraft(scenario);
        RunViewModel model = new RunViewModel(scenario, runs);
        if (stepsPerSecond != null) {
            model.setSpeed(stepsPerSecond);
        }
        MainView view = new MainView(draft, model, new RecentFiles(Preferences.userRoot().node("org/econlab/lab-test/recent")));
        stage.setScene(new Scene(view.root(), width, height));
        stage.show();
        return new LabWindowFixture(draft, model, view);
    }

    /**
     * Shows the window as the application opens it with no switches set: the lesson chooser first (the other
     * {@link #show} skips it, for tests of the normal window).
     */
    public static LabWindowFixture showAsLaunched(Stage stage, Scenario scenario, Path runs, Double stepsPerSecond,
            int width, int height) {
        LabWindowFixture w = show(stage, scenario, runs, stepsPerSecond, width, height);
        LabApp.firstScreen(w.view(), name -> null);
        return w;
    }

    /** Waits up to {@code seconds} for {@code condition}, failing the test after that. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
