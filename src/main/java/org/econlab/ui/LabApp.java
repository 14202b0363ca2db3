package org.econlab.ui;

import org.econlab.ui.shell.RecentFiles;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.WindowPlacement;
import org.econlab.ui.shell.MainView;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.econlab.errors.LabLog;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import java.nio.file.Path;

/**
 * The lab window. Opens the default sample scenario for editing; Play runs it on a background runner
 * while the charts follow.
 *
 * <p>Hidden switches for demos and screenshots (environment variables, since {@code -D} flags given to
 * {@code mvn javafx:run} do not reach the app): {@code ECONLAB_AUTOPLAY=1} starts playing on launch,
 * {@code ECONLAB_THEME=dark} opens in the dark theme, {@code ECONLAB_PRESENTATION=1} in presentation
 * mode, {@code ECONLAB_SCENARIO=path} opens that scenario file, {@code ECONLAB_SPEED=n} plays n steps
 * per second, {@code ECONLAB_TAB=i} shows the i-th chart tab, {@code ECONLAB_EDITOR=1|0} shows or hides the
 * scenario editor.
 */
public final class LabApp extends Application {

    /** The scenario the window opens with (the single place that names it). */
    public static final String DEFAULT_SCENARIO = "/sample-scenarios/classroom-100.json";

    private RunViewModel model;

    /** Sends the window's log (and langchain4j's) to the lab's log file when started by {@code mvn javafx:run}. */
    @Override
    public void init() {
        LabLog.install(System::getenv);
    }

    @Override
    public void start(Stage stage) {
        Scenario scenario = ScenarioCodec.readResource(DEFAULT_SCENARIO);
        ScenarioDraft draft = new ScenarioDraft(scenario);
        model = new RunViewModel(scenario, defaultRunsDirectory());
        MainView view = new MainView(draft, model, RecentFiles.user());
        java.util.prefs.Preferences place = java.util.prefs.Preferences.userRoot().node("org/econlab/lab/window");
        WindowPlacement.Box box = WindowPlacement.restore(place, 1440, 900);
        Scene scene = new Scene(view.root(), box.width(), box.height());
        stage.titleProperty().bind(view.titleBinding());
        stage.setScene(scene);
        WindowPlacement.apply(stage, box, place);
        view.showEditor(box.width() >= MainView.COMPACT_WIDTH, false); // a drawer on small screens
        view.rememberViewIn(java.util.prefs.Preferences.userRoot().node("org/econlab/lab/view"));
        String theme = System.getenv("ECONLAB_THEME");
        if (theme != null && !theme.isBlank()) {
            view.setDark("dark".equalsIgnoreCase(theme));
        }
        if ("1".equals(System.getenv("ECONLAB_PRESENTATION"))) {
            view.setPresentation(true);
        }
        String editorEnv = System.getenv("ECONLAB_EDITOR");
        if ("1".equals(editorEnv) || "0".equals(editorEnv)) {
            view.showEditor("1".equals(editorEnv), false);
        }
        stage.setOnCloseRequest(e -> {
            if (!view.confirmDiscard()) {
                e.consume();
                return;
            }
            view.endClass();
            model.shutdown();
        });
        stage.show();
        String file = System.getenv("ECONLAB_SCENARIO");
        if (file != null && !file.isBlank()) {
            view.openFile(Path.of(file)); // after show, so that a problem dialog has its owner
        }
        String tab = System.getenv("ECONLAB_TAB");
        if (tab != null && tab.matches("\\d")) {
            view.selectTab(Integer.parseInt(tab));
        }
        String speed = System.getenv("ECONLAB_SPEED");
        if (speed != null && speed.matches("\\d+(\\.\\d+)?")) {
            view.setSpeed(Double.parseDouble(speed));
        }
        if ("1".equals(System.getenv("ECONLAB_AUTOPLAY"))) {
            Platform.runLater(model::play);
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }

    /** Where the window's runs are recorded: {@code ~/llm-economist-lab/runs}, or {@code ECONLAB_RUNS_DIR}. */
    public static Path defaultRunsDirectory() {
        String env = System.getenv("ECONLAB_RUNS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), "llm-economist-lab", "runs");
    }
}
