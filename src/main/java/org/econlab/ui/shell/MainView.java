package org.econlab.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.controlsfx.control.Notifications;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.SimulationRunner;
import org.econlab.ui.agents.AgentsView;
import org.econlab.ui.charts.ChartLook;
import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.charts.ChartPanes;
import org.econlab.ui.charts.LiveCharts;
import org.econlab.ui.classroom.ClassroomView;
import org.econlab.ui.classroom.ClassroomViewModel;
import org.econlab.ui.editor.CensusEditor;
import org.econlab.ui.editor.RateSliders;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.editor.ScenarioEditorView;
import org.econlab.ui.labour.LabourView;
import org.econlab.ui.llm.LlmView;
import org.econlab.ui.llm.LlmViewModel;
import org.econlab.ui.overview.MonitorsView;
import org.econlab.ui.overview.OverviewView;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.seeds.SeedsView;
import org.econlab.ui.votes.VotesView;
import org.econlab.ui.widgets.Dialogs;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.List;

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
    private final Node editorNode;
    private final SectionTabs tabs;
    private final MonitorsView monitors = new MonitorsView();
    private final OverviewView overview;
    private final VotesView votes;
    private final AgentsView agents;
    private final SeedsView seeds;
    private final ClassroomViewModel classroom;
    private final RateSliders rateSliders;
    private final ShellToolbar toolbar;
    private final CheckMenuItem editorItem = new CheckMenuItem("Scenario editor");
    private final SplitPane split;
    private double dividerPosition = 0.3;

    public MainView(ScenarioDraft draft, RunViewModel model, RecentFiles recent) {
        this.draft = draft;
        this.model = model;
        this.figures = new FigureActions(model, this::window, theme::stylesheets);
        this.files = new ScenarioFiles(draft, model, recent, this::window, theme::stylesheets);
        charts = new LiveCharts(model.scenarioProperty().get());
        panes = new ChartPanes(charts);
        editor = new ScenarioEditorView(draft, owner -> editCensus(), model::llmOptions);
        editorNode = editor.root();
        rateSliders = new RateSliders(model, draft);
        draft.scenarioProperty().addListener((o, a, s) -> model.setScenario(s));
        EditorCommands.bindIntervene(editor.interveneButton, draft, model, this::window, theme::stylesheets);
        toolbar = new ShellToolbar(model, draft, rateSliders, this::runSeeds, () -> showEditor(!editorShown(), true));
        editorItem.setOnAction(e -> showEditor(editorItem.isSelected(), true));

        // ---- sections ----
        overview = new OverviewView(charts, panes);
        LabourView labour = new LabourView(charts, panes);
        votes = new VotesView(panes.pane(charts.leader, "leader", "The elected leader over time: one row per worker"
                + " ever elected, a bar for each tenure."),
                panes.pane(charts.votes, "last_election", "Ballots per candidate in the last election; the leader first."));
        agents = new AgentsView(model, panes.pane(charts.incomeScatter, "post_vs_pre_tax", "Each dot is a worker of the"
                + " sample: its post-tax income against its pre-tax income; the grey line is no tax and no rebate."),
                panes.pane(charts.workerHistory, "worker_history", "The selected worker's pre- and post-tax income"
                        + " (before the rebate) per step."));
        seeds = new SeedsView(() -> model.scenarioProperty().get(), charts::ensemble, this::announce);
        classroom = new ClassroomViewModel(model);
        tabs = new SectionTabs(charts);
        tabs.add("Overview", null, overview.root(), overview.charts());
        tabs.add("Labour & welfare", null, labour.root(), labour.charts());
        tabs.add("Votes", null, votes.root(), List.of(charts.leader.chart(), charts.votes.chart()));
        Tab agentsTab = tabs.add("Agents", null, agents.root(), List.of(charts.incomeScatter.chart(),
                charts.workerHistory.chart()));
        tabs.add("Seeds", null, seeds.root(), List.of());
        tabs.add("LLM", "llm-tab", new LlmView(new LlmViewModel(model::llmActivity)).root(), List.of());
        tabs.add("Class", "class-tab", new ClassroomView(classroom).root(), List.of());
        tabs.onShown(t -> {
            if (t == agentsTab) {
                model.refreshAgentsNow();
            }
        });
        watchArea.setTop(monitors.root());
        watchArea.setCenter(tabs.root());
        split = new SplitPane(watchArea);
        SplitPane.setResizableWithParent(editorNode, false);
        showEditor(true, false);
        centre.getChildren().add(split);

        PlayKeys keys = new PlayKeys(model, draft);
        root.setTop(new VBox(ShellMenus.build(files, draft, model, keys, this::runSeeds, editorItem, theme, figures,
                this::window), toolbar.root()));
        root.setCenter(centre);
        root.setBottom(statusBar());
        root.getStyleClass().add("lab-root");
        root.widthProperty().addListener((o, a, w) -> compactToolbar());

        model.events().onSteps(batch -> {
            charts.append(batch);
            votes.append(batch);
            monitors.show(batch.get(batch.size() - 1), System.nanoTime());
        });
        model.events().onReset(this::reset);
        model.events().onReferences(charts::references);
        model.events().onSwfReferences(charts::swfReferences);
        model.failureProperty().addListener((o, a, f) -> {
            if (f != null && !f.isEmpty()) {
                Dialogs.error(window(), theme.stylesheets(), "The run failed", f
                        + "\n\nThe run record keeps every step played so far; your scenario edits are unchanged.");
            }
        });
        model.runStateProperty().addListener((o, a, st) -> {
            if (st == SimulationRunner.State.FINISHED && a != SimulationRunner.State.FINISHED
                    && model.stepsDoneProperty().get() >= model.scenarioProperty().get().steps()) {
                announce("Run finished: " + model.stepsDoneProperty().get() + " steps of " + model.scenarioProperty().get().name());
            }
        });
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                keys.install(scene);
                applyTheme();
            }
        });
        monitors.reset(model.scenarioProperty().get());
        votes.reset(model.scenarioProperty().get());
        overview.reset(model.scenarioProperty().get());
        tabs.select(0);
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= (long) (1e9 / MAX_FPS)) {
                    last = now;
                    model.pullSnapshots();
                    agents.refresh(now, tabs.selected() == agentsTab, charts);
                    monitors.flush(now);
                }
                charts.redraw(FRAME_BUDGET_NANOS);
            }
        }.start();
    }

    private void reset(Scenario s) {
        charts.reset(s);
        monitors.reset(s);
        votes.reset(s);
        agents.reset();
        overview.reset(s);
        panes.refitAll();
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status-label");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Label usage = new Label();
        usage.setId("usage-label");
        usage.textProperty().bind(model.usageProperty());
        Label validity = new Label();
        validity.getStyleClass().add("error-label");
        validity.textProperty().bind(Bindings.when(draft.validProperty()).then("")
                .otherwise(Bindings.concat("Scenario invalid: ", draft.problemSummaryProperty())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(16, status, usage, validity, grow);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void editCensus() {
        CensusEditor.show(window(), editor.census(), theme.stylesheets()).ifPresent(editor::setCensus);
    }

    private void runSeeds() {
        tabs.select(4);
        seeds.start();
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
        centre.getChildren().retainAll(split);
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
        // an open drawer gets room for its fields (it is closed again to show the charts)
        double width = root.getWidth() > 0 ? root.getWidth() : 1280;
        dividerPosition = Math.min(0.6, Math.max(0.3, (theme.presentation() ? 520 : 380) / width));
        if (editorShown()) {
            split.setDividerPositions(dividerPosition);
        }
        charts.applyTheme(theme.dark(), theme.scale(), theme.presentation());
        for (JFreeChart c : editor.charts) {
            ChartLook.style(c, theme.dark(), theme.scale());
        }
        panes.refitAll();
        compactToolbar();
        overview.setPresentation(theme.presentation());
        overview.reset(model.scenarioProperty().get());
    }

    /** Icons only when the labels would not fit (narrow window, or presentation mode's big text). */
    private void compactToolbar() {
        toolbar.compact(theme.presentation() || root.getWidth() < COMPACT_WIDTH);
    }

    /** Shows or hides the scenario editor (a drawer on the left); {@code remember} keeps the choice. */
    public void showEditor(boolean show, boolean remember) {
        boolean shown = editorShown();
        if (show && !shown) {
            split.getItems().add(0, editorNode);
            split.setDividerPositions(dividerPosition);
        } else if (!show && shown) {
            dividerPosition = split.getDividerPositions()[0];
            split.getItems().remove(editorNode);
        }
        toolbar.editorToggle.setSelected(show);
        editorItem.setSelected(show);
        if (remember) {
            theme.remember("editor", show);
        }
    }

    public boolean editorShown() {
        return split.getItems().contains(editorNode);
    }

    private void announce(String text) {
        Window w = window();
        if (w == null || !w.isShowing()) {
            return;
        }
        try {
            Notifications n = Notifications.create().title("LLM Economist Lab").text(text).owner(w)
                    .hideAfter(javafx.util.Duration.seconds(4));
            if (theme.dark()) {
                n.darkStyle();
            }
            n.showInformation();
        } catch (RuntimeException e) {
            model.notice(text); // a notification is a courtesy; the status line says it too
        }
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

    /** Ends a class if one runs (the window closes): students are told, nicknames forgotten, the server stopped. */
    public void endClass() {
        classroom.end();
    }

    /** Shows the i-th section tab (0 = Overview). */
    public void selectTab(int i) {
        tabs.select(i);
    }

    // ---- for tests ----

    FigureActions figures() {
        return figures;
    }

    int swfPointCount() {
        return charts.welfare.pointCount();
    }

    LiveCharts charts() {
        return charts;
    }

    List<ChartPane> chartPanes() {
        return panes.all();
    }

    MonitorsView monitors() {
        return monitors;
    }

    VotesView votes() {
        return votes;
    }

    SeedsView seeds() {
        return seeds;
    }

    RateSliders rateSliders() {
        return rateSliders;
    }

    ToolBar toolbar() {
        return toolbar.root();
    }
}
