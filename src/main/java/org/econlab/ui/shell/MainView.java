package org.econlab.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.econlab.lesson.LessonChart;

import org.econlab.ui.charts.ChartLook;
import org.econlab.ui.charts.ChartPanes;
import org.econlab.ui.charts.LiveCharts;
import org.econlab.ui.editor.CensusEditor;
import org.econlab.ui.editor.RateSliders;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.editor.ScenarioEditorView;
import org.econlab.ui.lessons.AnswerFigureWindow;
import org.econlab.ui.run.RunViewModel;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;

/**
 * The lab window's shell: menus, toolbar, the scenario editor as a drawer on the left, the monitors and the section
 * tabs on the right, a place for a side panel beside the tabs and for a start screen over everything, and the status
 * line. It wires the sections to the run's view model and owns nothing of theirs: each section is a View of its own
 * package; sections hear of the run through {@link RunViewModel#events()}. Built for a projector (1024 x 768).
 */
public final class MainView {

    /** At most this many chart refreshes per second. */
    static final double MAX_FPS = 25;
    /** Chart redrawing stops for the frame once it has taken this long (one chart at least). */
    static final long FRAME_BUDGET_NANOS = 12_000_000L;
    /** Below this window width the toolbar shows icons only and the editor starts hidden. */
    public static final double COMPACT_WIDTH = 1200;

    private final ScenarioDraft draft;
    private final RunViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final BorderPane watchArea = new BorderPane();
    private final LiveCharts charts;
    private final ChartPanes panes;
    private final ShellTheme theme = new ShellTheme(this::applyTheme);
    private final ScenarioFiles files;
    private final FigureActions figures;
    private final ScenarioEditorView editor;
    private final EditorDrawer drawer;
    private final Sections sections;
    private final RateSliders rateSliders;
    private final ShellToolbar toolbar;
    private final LessonWiring lessons;
    /** The answer-figure windows open for the lesson's current step. */
    private final java.util.List<javafx.stage.Stage> lessonFigures = new java.util.ArrayList<>();

    public MainView(ScenarioDraft draft, RunViewModel model, RecentFiles recent) {
        this.draft = draft;
        this.model = model;
        this.figures = new FigureActions(model, this::window, theme::stylesheets);
        this.files = new ScenarioFiles(draft, model, recent, this::window, theme::stylesheets);
        charts = new LiveCharts(model.scenarioProperty().get());
        panes = new ChartPanes(charts);
        editor = new ScenarioEditorView(draft, owner -> editCensus(), model::llmOptions);
        rateSliders = new RateSliders(model, draft);
        draft.scenarioProperty().addListener((o, a, s) -> model.setScenario(s));
        EditorCommands.bindIntervene(editor.interveneButton, draft, model, this::window, theme::stylesheets);
        toolbar = new ShellToolbar(model, draft, rateSliders, this::runSeeds, () -> showEditor(!editorShown(), true));

        sections = new Sections(model, charts, panes, this::announce);
        model.events().onReset(s -> panes.refitAll());
        watchArea.setTop(sections.monitors.root());
        watchArea.setCenter(sections.tabs.root());
        drawer = new EditorDrawer(editor.root(), watchArea, toolbar.editorToggle, theme);
        showEditor(true, false);
        centre.getChildren().add(drawer.root());

        lessons = new LessonWiring(model, files, sections, this, this::announce);
        PlayKeys keys = new PlayKeys(model, draft);
        root.setTop(new VBox(ShellMenus.build(files, draft, model, keys, this::runSeeds, drawer.menuItem, theme, figures,
                this::window, new ShellMenus.Extras(this::showLessonChooser, () -> sections.showSideBySide(true))),
                toolbar.root()));
        root.setCenter(centre);
        root.setBottom(StatusBar.of(model, draft));
        root.getStyleClass().add("lab-root");
        root.widthProperty().addListener((o, a, w) -> compactToolbar());

        RunNotices.install(model, this::window, theme::stylesheets, this::announce);
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                keys.install(scene);
                applyTheme();
            }
        });
        sections.tabs.select(0);
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) { // the frame pump: the run's news at most MAX_FPS times a second
                if (now - last >= (long) (1e9 / MAX_FPS)) {
                    last = now;
                    model.pullSnapshots();
                    sections.tick(now);
                }
                charts.redraw(FRAME_BUDGET_NANOS);
            }
        }.start();
    }

    private void editCensus() {
        CensusEditor.show(window(), draft.census(), theme.stylesheets()).ifPresent(draft::setCensus);
    }

    private void runSeeds() {
        sections.runSeeds();
    }

    // ---- places for new sections ----

    /** Puts {@code panel} beside the section tabs (null removes it), e.g. a lesson's text next to its charts. */
    public void setSidePanel(Node panel) {
        watchArea.setRight(panel);
    }

    /** Shows {@code screen} over the whole window below the menus until {@link #closeStartScreen()}, e.g. a chooser. */
    public void setStartScreen(Node screen) {
        closeStartScreen();
        screen.getStyleClass().add("start-screen");
        centre.getChildren().add(screen);
    }

    public void closeStartScreen() {
        centre.getChildren().retainAll(drawer.root());
    }

    /** Shows the lesson chooser over the window (the first screen; View > Lessons). */
    public void showLessonChooser() {
        setStartScreen(lessons.chooser.root());
    }

    /**
     * Starts the lesson {@code id} at its first step (the chooser closes).
     *
     * @return false when there is no such lesson or the user cancelled
     */
    public boolean beginLesson(String id) {
        for (org.econlab.lesson.Lesson l : lessons.model.lessons()) {
            if (l.id().equals(id) && lessons.model.begin(l)) {
                closeStartScreen();
                return true;
            }
        }
        return false;
    }

    /** Whether a start screen (the lesson chooser) covers the window. */
    public boolean startScreenShown() {
        return centre.getChildren().size() > 1;
    }

    // ---- themes, drawer, notices ----

    /** Restores the theme, presentation mode and editor drawer from {@code prefs} and remembers later choices there. */
    public void rememberViewIn(java.util.prefs.Preferences prefs) {
        theme.rememberIn(prefs);
        String editorPref = prefs.get("editor", null);
        if (editorPref != null) {
            showEditor(Boolean.parseBoolean(editorPref), false);
        }
    }

    public void setDark(boolean dark) {
        theme.setDark(dark);
    }

    public void setPresentation(boolean on) {
        theme.setPresentation(on);
    }

    private void applyTheme() {
        if (root.getScene() != null) {
            root.getScene().getStylesheets().setAll(theme.stylesheets());
        }
        root.getStyleClass().remove("presentation");
        if (theme.presentation()) {
            root.getStyleClass().add("presentation");
        }
        drawer.fit(root.getWidth() > 0 ? root.getWidth() : 1280);
        charts.applyTheme(theme.dark(), theme.scale(), theme.presentation());
        for (JFreeChart c : editor.charts) {
            ChartLook.style(c, theme.dark(), theme.scale());
        }
        panes.refitAll();
        compactToolbar();
        sections.sideBySideView.applyTheme(theme.dark(), theme.scale());
        sections.overview.setPresentation(theme.presentation());
        sections.votes.setPresentation(theme.presentation());
        sections.overview.reset(model.scenarioProperty().get());
    }

    /** Icons only when the labels would not fit (narrow window, or presentation mode's big text). */
    private void compactToolbar() {
        toolbar.compact(theme.presentation() || root.getWidth() < COMPACT_WIDTH);
    }

    /** Shows or hides the scenario editor (a drawer on the left); {@code remember} keeps the choice. */
    public void showEditor(boolean show, boolean remember) {
        drawer.show(show, remember);
    }

    public boolean editorShown() {
        return drawer.shown();
    }

    private void announce(String text) {
        RunNotices.announce(window(), theme.dark(), model, text);
    }

    /** Opens a figure of the lesson step's answer in its own window, in the window's theme. */
    void showLessonFigure(LessonChart figure) {
        lessonFigures.add(AnswerFigureWindow.show(window(), figure, theme.dark(), theme.scale(), theme.stylesheets()));
    }

    /** Closes the figure windows of a step the lesson has left (they would show another step's answer). */
    void closeLessonFigures() {
        lessonFigures.forEach(javafx.stage.Stage::close);
        lessonFigures.clear();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- for the application ----

    public Parent root() {
        return root;
    }

    /** The window title: scenario name, file, and a star when there are unsaved edits. */
    public StringBinding titleBinding() {
        return Bindings.createStringBinding(() -> {
            Path f = draft.fileProperty().get();
            return "LLM Economist Lab — " + draft.scenarioProperty().get().name()
                    + (f == null ? "" : " (" + f.getFileName() + ")") + (draft.dirtyProperty().get() ? " *" : "");
        }, draft.fileProperty(), draft.scenarioProperty(), draft.dirtyProperty());
    }

    /** Asks about unsaved edits; false when the user cancelled. */
    public boolean confirmDiscard() {
        return files.confirmDiscard();
    }

    /** Opens a scenario file; a bad file is explained in a dialog and the current edits are kept. */
    public boolean openFile(Path path) {
        return files.openFile(path);
    }

    /** Saves the draft to {@code path}; problems are explained in a dialog and nothing is lost. */
    public boolean saveTo(Path path) {
        return files.saveTo(path);
    }

    void openSample(Samples.Sample sample) {
        files.openSample(sample);
    }

    /** Sets the speed (steps per second, 0 = max) as if chosen in the toolbar. */
    public void setSpeed(double stepsPerSecond) {
        toolbar.setSpeed(stepsPerSecond);
    }

    /**
     * Ends a class if one runs (the window closes): students are told, nicknames forgotten, the server stopped; two
     * economies playing side by side stop too.
     */
    public void endClass() {
        sections.classroom.end();
        sections.sideBySide.stop();
    }

    /** Shows the i-th section tab (0 = Overview). */
    public void selectTab(int i) {
        sections.tabs.select(i);
    }

    // ---- for tests ----

    FigureActions figures() {
        return figures;
    }

    LiveCharts charts() {
        return charts;
    }

    ChartPanes panes() {
        return panes;
    }

    Sections sections() {
        return sections;
    }

    RateSliders rateSliders() {
        return rateSliders;
    }

    LessonWiring lessons() {
        return lessons;
    }

    ToolBar toolbar() {
        return toolbar.root();
    }
}
