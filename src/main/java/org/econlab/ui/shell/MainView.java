package org.econlab.ui.shell;

import org.econlab.ui.overview.MonitorsView;
import org.econlab.ui.seeds.SeedsView;
import org.econlab.ui.run.AgentProbe;
import org.econlab.ui.widgets.Fields;
import org.econlab.ui.classroom.ClassroomView;
import org.econlab.ui.llm.LlmView;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.editor.RateSliders;
import org.econlab.ui.widgets.Dialogs;
import org.econlab.ui.agents.AgentsView;
import org.econlab.ui.charts.ChartLook;
import org.econlab.ui.classroom.ClassroomViewModel;
import org.econlab.ui.charts.LiveCharts;
import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.editor.ScenarioEditorView;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.Icons;
import org.econlab.ui.editor.CensusEditor;
import org.econlab.ui.votes.VotesView;
import org.econlab.ui.llm.LlmViewModel;
import org.econlab.ui.LabApp;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.controlsfx.control.Notifications;
import org.controlsfx.control.SegmentedButton;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.WelfareFunction;
import org.econlab.errors.ErrorPolicy;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.SimulationRunner;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab window: menus and toolbar (Play / Pause / Step / Stop / Reset, speed, run N steps, rate sliders, seeds),
 * the scenario editor as a drawer on the left, monitors and live charts on the right, and a status bar. Built for a
 * projector: at 1024 x 768 every toolbar control is readable (icons with tooltips when labels do not fit), every
 * chart keeps at least half of its height for the plot, and presentation mode (F5) uses big fonts, thick lines and
 * fewer words. Builds controls only; state and commands live in {@link ScenarioDraft} and {@link RunViewModel}.
 */
public final class MainView {

    /** At most this many chart refreshes per second. */
    public static final double MAX_FPS = 25;
    /** Chart redrawing stops for the frame once it has taken this long (one chart at least). */
    public static final long FRAME_BUDGET_NANOS = 12_000_000L;
    /** The agent table refreshes at most this often while a run plays. */
    public static final long AGENT_REFRESH_NANOS = 1_000_000_000L;
    /** Below this window width the toolbar shows icons only and the editor starts hidden. */
    public static final double COMPACT_WIDTH = 1200;
    /** Chart font and line scale in presentation mode. */
    public static final float PRESENTATION_SCALE = 1.5f;

    public static final String LIGHT_CSS = MainView.class.getResource("lab.css").toExternalForm();
    public static final String DARK_CSS = MainView.class.getResource("lab-dark.css").toExternalForm();

    private final ScenarioDraft draft;
    private final RunViewModel model;
    private final FigureActions figures;
    private final RecentFiles recent;
    private final BorderPane root = new BorderPane();
    private final LiveCharts charts;
    private final ScenarioEditorView editor;
    private final Node editorNode;
    private final TabPane watch = new TabPane();
    private ClassroomViewModel classroom;
    private final Map<Tab, List<JFreeChart>> tabCharts = new IdentityHashMap<>();
    private final List<ChartPane> panes = new ArrayList<>();
    private final MonitorsView monitors = new MonitorsView();
    private final VotesView votes;
    private final AgentsView agents;
    private final SeedsView seeds;
    private final RateSliders rateSliders;
    private final Menu recentMenu = new Menu("Open recent");
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private final CheckMenuItem presentationItem = new CheckMenuItem("Presentation mode (big text, thick lines)");
    private final CheckMenuItem editorItem = new CheckMenuItem("Scenario editor");
    private final ToggleButton editorToggle = new ToggleButton("Editor");
    private final List<ButtonBase> toolbarButtons = new ArrayList<>();
    private final ToolBar toolbar;
    private final Tab agentsTab;
    private final Tab seedsTab;
    private final ComboBox<String> speed;
    private final SplitPane split;
    private final Label welfareNote = new Label();
    private final ToggleButton welfareTotal = new ToggleButton("Total");
    private final ToggleButton welfarePerWorker = new ToggleButton("Per worker");
    private final ToggleButton logScale = new ToggleButton("Log scale");
    private java.util.prefs.Preferences viewPrefs;
    private long lastAgentRefresh;
    private double dividerPosition = 0.3;

    public MainView(ScenarioDraft draft, RunViewModel model, RecentFiles recent) {
        this.draft = draft;
        this.model = model;
        this.figures = new FigureActions(model, this::window, this::stylesheets);
        this.recent = recent;
        charts = new LiveCharts(model.scenarioProperty().get());
        editor = new ScenarioEditorView(draft, owner -> editCensus(), model::llmOptions);
        editorNode = editor.root();
        rateSliders = new RateSliders(model, draft);

        draft.scenarioProperty().addListener((o, a, s) -> model.setScenario(s));

        // ---- toolbar ----
        editorToggle.setId("editor-toggle");
        editorToggle.setGraphic(Icons.icon(Icons.EDITOR, 16));
        editorToggle.setTooltip(new Tooltip("Show or hide the scenario editor (F9)"));
        editorToggle.setOnAction(e -> showEditor(editorToggle.isSelected(), true));
        toolbarButtons.add(editorToggle);
        Button play = button("Play", Icons.PLAY, "play-button", model::play, "Play (Space)");
        Button pause = button("Pause", Icons.PAUSE, "pause-button", model::pause, "Pause (Space)");
        Button step = button("Step", Icons.STEP, "step-button", model::step, "One step (Right arrow)");
        Button stop = button("Stop", Icons.STOP, "stop-button", model::stop, "End the run; its record is kept");
        Button reset = button("Reset", Icons.RESET, "reset-button", model::reset, "New run from the edited scenario (Ctrl+R)");
        BooleanBinding cannotStart = draft.validProperty().not().and(model.activeProperty().not());
        play.disableProperty().bind(model.runningProperty().or(cannotStart));
        step.disableProperty().bind(cannotStart);
        pause.disableProperty().bind(model.runningProperty().not());
        stop.disableProperty().bind(model.activeProperty().not());

        speed = new ComboBox<>(FXCollections.observableArrayList(
                "1 step/s", "2 steps/s", "5 steps/s", "10 steps/s", "20 steps/s", "50 steps/s", "100 steps/s", "Max speed"));
        speed.setId("speed-box");
        speed.setValue(speedLabel(model.speed()));
        speed.setTooltip(new Tooltip("Steps per second (20 lets a class follow a 2,500-step run in about two minutes)"));
        speed.setOnAction(e -> {
            String v = speed.getValue();
            model.setSpeed(v == null || v.startsWith("Max") ? 0 : Double.parseDouble(v.substring(0, v.indexOf(' '))));
        });
        TextField n = new TextField("25");
        n.setId("run-n-field");
        n.setPrefColumnCount(4);
        n.setTooltip(new Tooltip("How many steps Run N plays"));
        Button runN = button("Run N", Icons.RUN_N, "run-n-button", () -> { }, "Play N more steps, then pause");
        runN.disableProperty().bind(model.runningProperty().or(cannotStart));
        runN.setOnAction(e -> {
            try {
                int count = Integer.parseInt(n.getText().trim());
                if (count > 0) {
                    model.runSteps(count);
                    n.getStyleClass().remove("field-error");
                    return;
                }
            } catch (NumberFormatException ignored) {
                // fall through: mark the field
            }
            if (!n.getStyleClass().contains("field-error")) {
                n.getStyleClass().add("field-error");
            }
        });
        Button rates = button("Rates", Icons.SLIDERS, "rates-button", () -> { },
                "Set the bracket rates with sliders: between steps of the run, paused or playing (logged)");
        rates.setOnAction(e -> rateSliders.show(rates));
        Button seedsButton = button("Seeds", Icons.SEEDS, "seeds-button", () -> { },
                "Run the scenario under several seeds: mean and 95% band on the charts, a row per seed");

        Label pending = new Label("Edits apply at Reset");
        pending.getStyleClass().add("hint");
        pending.setMinWidth(Region.USE_PREF_SIZE);
        pending.visibleProperty().bind(model.activeProperty().and(Bindings.createBooleanBinding(
                () -> !draft.scenarioProperty().get().equals(model.scenarioProperty().get()),
                draft.scenarioProperty(), model.scenarioProperty())));
        pending.managedProperty().bind(pending.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        speed.setMinWidth(Region.USE_PREF_SIZE);
        n.setMinWidth(Region.USE_PREF_SIZE);
        toolbar = new ToolBar(editorToggle, play, pause, step, stop, reset, speed, n, runN, rates, seedsButton, spacer, pending);
        toolbar.setId("lab-toolbar");

        editor.interveneButton.disableProperty().bind(model.activeProperty().not().or(model.runningProperty())
                .or(draft.validProperty().not()));
        editor.interveneButton.setTooltip(new Tooltip("Replace the rates of the paused run from the next step; "
                + "logged as an intervention in the run record"));
        editor.interveneButton.setOnAction(e -> intervene());

        // ---- charts ----
        ChartPane ratesPane = pane(charts.ratesChart, "tax_rates", "Marginal tax rate of each bracket per step, in the"
                + " bracket's colour. Dashed: Saez rates for this population; dotted: the Stackelberg grid optimum"
                + " (rational workers only); ✎: rates set by hand.");
        ChartPane swfPane = pane(charts.swfChart, "swf", "Social welfare per step under the scenario's welfare function,"
                + " with each tax year's median; dashed: reference planners on this population; shaded: steps where"
                + " idle workers contribute more than half of the paper's SWF.");
        swfPane.setHeader(welfareHeader());
        ChartPane hoursPane = pane(charts.hoursChart, "labor", "Mean labour hours per week over all workers.");
        ChartPane bracketPane = pane(charts.bracketIncomeChart, "income", "How many workers earn inside each bracket now.");
        Tab overview = tab("Overview", grid2x2(ratesPane, swfPane, hoursPane, bracketPane),
                charts.ratesChart, charts.swfChart, charts.hoursChart, charts.bracketIncomeChart);
        Tab labour = tab("Labour & welfare", grid2x2(
                pane(charts.hoursHistogramChart, "hours_now", "Workers per 10-hour bin of weekly hours, this step."),
                pane(charts.giniChart, "gini", "Gini coefficient of pre-tax income (0 = equal, 1 = one worker earns all)."),
                pane(charts.taxChart, "tax", "Total tax collected (left axis) and the equal rebate per worker (right axis)."),
                null), charts.hoursHistogramChart, charts.giniChart, charts.taxChart);
        votes = new VotesView(pane(charts.leaderChart, "leader", "The elected leader over time: one row per worker"
                + " ever elected, a bar for each tenure."),
                pane(charts.votesChart, "last_election", "Ballots per candidate in the last election; the leader first."));
        Tab votesTab = tab("Votes", votes.root(), charts.leaderChart, charts.votesChart);
        agents = new AgentsView(model, pane(charts.prePostChart, "post_vs_pre_tax", "Each dot is a worker of the sample:"
                + " its post-tax income against its pre-tax income; the grey line is no tax and no rebate."),
                pane(charts.agentHistoryChart, "worker_history", "The selected worker's pre- and post-tax income (before"
                        + " the rebate) per step."));
        agentsTab = tab("Agents", agents.root(), charts.prePostChart, charts.agentHistoryChart);
        seeds = new SeedsView(() -> model.scenarioProperty().get(), charts::ensemble, this::announce);
        seedsTab = tab("Seeds", seeds.root());
        seedsButton.setOnAction(e -> {
            watch.getSelectionModel().select(seedsTab);
            seeds.start();
        });
        watch.getTabs().addAll(List.of(overview, labour, votesTab, agentsTab, seedsTab));
        Tab llmTab = new Tab("LLM", new LlmView(new LlmViewModel(model::llmActivity)).root());
        llmTab.setId("llm-tab");
        watch.getTabs().add(llmTab);
        classroom = new ClassroomViewModel(model);
        Tab classTab = new Tab("Class", new ClassroomView(classroom).root());
        classTab.setId("class-tab");
        watch.getTabs().add(classTab);
        watch.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        watch.setId("watch-tabs");
        watch.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> showCharts(t));
        VBox watchArea = new VBox(monitors.root(), watch);
        VBox.setVgrow(watch, Priority.ALWAYS);

        split = new SplitPane(watchArea);
        SplitPane.setResizableWithParent(editorNode, false);
        showEditor(true, false);

        // ---- status bar ----
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
        HBox statusBar = new HBox(16, status, usage, validity, grow);
        statusBar.getStyleClass().add("status-bar");

        root.setTop(new VBox(menuBar(), toolbar));
        root.setCenter(split);
        root.setBottom(statusBar);
        root.getStyleClass().add("lab-root");
        root.widthProperty().addListener((o, a, w) -> compactToolbar());

        model.onSteps(this::steps);
        model.onReset(s -> {
            charts.reset(s);
            monitors.reset(s);
            votes.reset(s);
            agents.reset();
            welfareHeaderFor(s);
            panes.forEach(ChartPane::refit);
        });
        model.onReferences(charts::references);
        model.onSwfReferences(charts::swfReferences);
        model.failureProperty().addListener((o, a, f) -> {
            if (f != null && !f.isEmpty()) {
                Dialogs.error(window(), stylesheets(), "The run failed", f
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
                installShortcuts(scene);
                applyTheme();
            }
        });
        monitors.reset(model.scenarioProperty().get());
        votes.reset(model.scenarioProperty().get());
        welfareHeaderFor(model.scenarioProperty().get());
        showCharts(overview);
        rebuildRecent();
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= (long) (1e9 / MAX_FPS)) {
                    last = now;
                    model.pullSnapshots();
                    refreshAgents(now);
                    monitors.flush(now);
                }
                charts.redraw(FRAME_BUDGET_NANOS);
            }
        }.start();
    }

    // ---- layout helpers ----

    private Button button(String text, String icon, String id, Runnable action, String tip) {
        Button b = new Button(text, Icons.icon(icon, 16));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        toolbarButtons.add(b);
        return b;
    }

    private ChartPane pane(JFreeChart chart, String name, String details) {
        ChartPane p = new ChartPane(chart, name, details, charts::scale);
        panes.add(p);
        return p;
    }

    private Tab tab(String title, Node content, JFreeChart... shown) {
        Tab t = new Tab(title, content);
        tabCharts.put(t, List.of(shown));
        return t;
    }

    private static Node grid2x2(ChartPane a, ChartPane b, ChartPane c, ChartPane d) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new Insets(4));
        ChartPane[] all = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            if (all[i] == null) {
                continue;
            }
            boolean span = i == 2 && d == null;
            g.add(all[i], i % 2, i / 2, span ? 2 : 1, 1);
        }
        for (int i = 0; i < 2; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            g.getRowConstraints().add(rc);
        }
        return g;
    }

    /** The SWF chart's header: what the function measures, in one line, and its views. */
    private Node welfareHeader() {
        welfareNote.setId("welfare-note");
        welfareNote.getStyleClass().add("chart-note");
        welfareNote.setMinWidth(0);
        welfareNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(welfareNote, Priority.ALWAYS);
        ToggleButton total = welfareTotal;
        total.setId("welfare-total");
        ToggleButton perWorker = welfarePerWorker;
        perWorker.setId("welfare-per-worker");
        SegmentedButton view = new SegmentedButton(total, perWorker);
        view.getStyleClass().add("welfare-view");
        total.setSelected(true);
        total.setOnAction(e -> {
            total.setSelected(true);
            charts.setWelfareView(LiveCharts.WelfareView.TOTAL);
        });
        perWorker.setOnAction(e -> {
            perWorker.setSelected(true);
            charts.setWelfareView(LiveCharts.WelfareView.PER_WORKER);
        });
        total.setTooltip(new Tooltip("The SWF as the planner maximises it"));
        perWorker.setTooltip(new Tooltip("The SWF divided by the number of workers, to compare populations of any size"));
        logScale.setId("welfare-log");
        logScale.setTooltip(new Tooltip("Logarithmic axis: the paper's SWF jumps by orders of magnitude when a worker"
                + " stops working; on a log axis 'everybody works' stays visible"));
        logScale.setOnAction(e -> charts.setLogScale(logScale.isSelected()));
        for (ButtonBase b : List.of(total, perWorker, logScale)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("small-toggle");
        }
        HBox header = new HBox(6, welfareNote, view, logScale);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 2, 2, 2));
        return header;
    }

    private void welfareHeaderFor(Scenario s) {
        WelfareFunction w = s.swf();
        welfareNote.setText(presentationItem.isSelected() ? w.kind().label() : w.displayName() + ": " + w.kind().meaning());
        Tooltip tip = new Tooltip(w.kind().label() + "\n\n" + w.kind().meaning());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        welfareNote.setTooltip(tip);
        logScale.setSelected(charts.logScale());
        welfareTotal.setSelected(charts.welfareView() == LiveCharts.WelfareView.TOTAL);
        welfarePerWorker.setSelected(charts.welfareView() == LiveCharts.WelfareView.PER_WORKER);
    }

    /** Icons only when the labels would not fit (narrow window, or presentation mode's big text). */
    private void compactToolbar() {
        boolean compact = presentationItem.isSelected() || root.getWidth() < COMPACT_WIDTH;
        for (ButtonBase b : toolbarButtons) {
            b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        }
    }

    /** Shows or hides the scenario editor (a drawer on the left); {@code remember} keeps the choice. */
    public void showEditor(boolean show, boolean remember) {
        boolean shown = split.getItems().contains(editorNode);
        if (show && !shown) {
            split.getItems().add(0, editorNode);
            split.setDividerPositions(dividerPosition);
        } else if (!show && shown) {
            dividerPosition = split.getDividerPositions()[0];
            split.getItems().remove(editorNode);
        }
        editorToggle.setSelected(show);
        editorItem.setSelected(show);
        if (remember && viewPrefs != null) {
            remember("editor", show);
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
            Notifications n = Notifications.create().title("LLM Economist Lab").text(text).owner(w).hideAfter(
                    javafx.util.Duration.seconds(4));
            if (darkItem.isSelected()) {
                n.darkStyle();
            }
            n.showInformation();
        } catch (RuntimeException e) {
            model.notice(text); // a notification is a courtesy; the status line says it too
        }
    }

    // ---- menus and shortcuts ----

    private MenuBar menuBar() {
        MenuItem newItem = item("New", "new-item", this::newScenario, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem open = item("Open…", "open-item", this::openWithChooser, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem openSample = item("Open sample…", "open-sample-item", this::openSample, null);
        MenuItem save = item("Save", "save-item", this::save, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveAs = item("Save As…", "save-as-item", this::saveAs,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        Menu file = new Menu("File", null, newItem, open, openSample, recentMenu, new SeparatorMenuItem(), save, saveAs);

        MenuItem undo = item("Undo", "undo-item", draft::undo, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(draft.canUndoProperty().not());
        MenuItem redo = item("Redo", "redo-item", draft::redo, new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.disableProperty().bind(draft.canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo);

        MenuItem playPause = item("Play / Pause", "play-pause-item", this::togglePlay, null);
        MenuItem step = item("Step", "step-item", model::step, null);
        MenuItem reset = item("Reset", "reset-item", model::reset, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        MenuItem stop = item("Stop", "stop-item", model::stop, null);
        MenuItem seedsItem = item("Run several seeds", "seeds-item", () -> {
            watch.getSelectionModel().select(seedsTab);
            seeds.start();
        }, null);
        Menu run = new Menu("Run", null, playPause, step, stop, reset, new SeparatorMenuItem(), seedsItem);

        darkItem.setOnAction(e -> {
            applyTheme();
            remember("dark", darkItem.isSelected());
        });
        presentationItem.setOnAction(e -> {
            applyTheme();
            remember("presentation", presentationItem.isSelected());
        });
        presentationItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        editorItem.setAccelerator(new KeyCodeCombination(KeyCode.F9));
        editorItem.setOnAction(e -> showEditor(editorItem.isSelected(), true));
        Menu view = new Menu("View", null, editorItem, darkItem, presentationItem);

        MenuItem exportRun = item("Export figures of this run…", "export-run-item", figures::exportRunFigures,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem showRecord = item("Show a saved run in the charts…", "show-record-item", figures::showRecordWithChooser, null);
        MenuItem publish = item("Runs, comparisons and sweeps…", "publish-item", figures::openPublishWindow, null);
        Menu figuresMenu = new Menu("Figures", null, exportRun, showRecord, new SeparatorMenuItem(), publish);

        MenuItem about = item("About the model", "about-item", () -> HelpDialogs.about(window(), stylesheets()),
                new KeyCodeCombination(KeyCode.F1));
        MenuItem glossary = item("Glossary", "glossary-item", () -> HelpDialogs.glossary(window(), stylesheets()), null);
        MenuItem keys = item("Keyboard shortcuts", "shortcuts-item", () -> HelpDialogs.shortcuts(window(), stylesheets()), null);
        Menu help = new Menu("Help", null, about, glossary, keys);
        return new MenuBar(file, edit, run, view, figuresMenu, help);
    }

    private static MenuItem item(String text, String id, Runnable action, KeyCombination accelerator) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        return m;
    }

    private void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            boolean typing = focus instanceof TextInputControl || focus instanceof ComboBox
                    || (focus instanceof TableView<?> t && t.getEditingCell() != null);
            if (typing) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT && !(focus instanceof TableView)
                    && !(focus instanceof javafx.scene.control.Slider)) {
                if (!(draft.validProperty().not().get() && !model.activeProperty().get())) {
                    model.step();
                }
                e.consume();
            }
        });
    }

    private void togglePlay() {
        if (model.runningProperty().get()) {
            model.pause();
        } else if (draft.validProperty().get() || model.activeProperty().get()) {
            model.play();
        }
    }

    // ---- themes ----

    /** Restores the theme, presentation mode and editor drawer from {@code prefs} and remembers later choices there. */
    public void rememberViewIn(java.util.prefs.Preferences prefs) {
        viewPrefs = prefs;
        setDark(prefs.getBoolean("dark", false));
        setPresentation(prefs.getBoolean("presentation", false));
        String editorPref = prefs.get("editor", null);
        if (editorPref != null) {
            showEditor(Boolean.parseBoolean(editorPref), false);
        }
    }

    private void remember(String key, boolean value) {
        if (viewPrefs != null) {
            try {
                viewPrefs.putBoolean(key, value);
                viewPrefs.flush();
            } catch (java.util.prefs.BackingStoreException | RuntimeException e) {
                // a convenience only
            }
        }
    }

    public void setDark(boolean dark) {
        darkItem.setSelected(dark);
        applyTheme();
    }

    public void setPresentation(boolean on) {
        presentationItem.setSelected(on);
        applyTheme();
    }

    public List<String> stylesheets() {
        return darkItem.isSelected() ? List.of(LIGHT_CSS, DARK_CSS) : List.of(LIGHT_CSS);
    }

    private void applyTheme() {
        if (root.getScene() != null) {
            root.getScene().getStylesheets().setAll(stylesheets());
        }
        root.getStyleClass().remove("presentation");
        boolean presentation = presentationItem.isSelected();
        if (presentation) {
            root.getStyleClass().add("presentation");
        }
        float scale = presentation ? PRESENTATION_SCALE : 1f;
        // an open drawer gets room for its fields (it is closed again to show the charts)
        double width = root.getWidth() > 0 ? root.getWidth() : 1280;
        dividerPosition = Math.min(0.6, Math.max(0.3, (presentation ? 520 : 380) / width));
        if (editorShown()) {
            split.setDividerPositions(dividerPosition);
        }
        charts.applyTheme(darkItem.isSelected(), scale, presentation);
        for (JFreeChart c : editor.charts) {
            ChartLook.style(c, darkItem.isSelected(), scale);
        }
        panes.forEach(ChartPane::refit);
        compactToolbar();
        welfareHeaderFor(model.scenarioProperty().get());
    }

    // ---- files ----

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Asks about unsaved edits; false when the user cancelled. */
    public boolean confirmDiscard() {
        if (!draft.dirtyProperty().get()) {
            return true;
        }
        return switch (Dialogs.askUnsaved(window(), stylesheets(), draft.scenarioProperty().get().name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private void newScenario() {
        if (confirmDiscard()) {
            draft.replace(ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO), null);
            model.reset();
        }
    }

    private void openWithChooser() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser fc = chooser("Open scenario");
        java.io.File f = fc.showOpenDialog(window());
        if (f != null) {
            openFile(f.toPath());
        }
    }

    private void openSample() {
        if (!confirmDiscard()) {
            return;
        }
        SampleChooser.choose(window(), stylesheets(), Samples.list()).ifPresent(this::openSample);
    }

    /** Opens a bundled sample as a new, unsaved scenario; the charts start over. */
    public void openSample(Samples.Sample sample) {
        draft.replace(sample.scenario(), null);
        model.reset();
    }

    /** Opens a scenario file; a bad file is explained in a dialog and the current edits are kept. */
    public boolean openFile(Path path) {
        try {
            draft.open(path);
            recent.add(path);
            rebuildRecent();
            model.reset(); // charts and legends start over for the opened scenario
            return true;
        } catch (InvalidInputException e) {
            Dialogs.error(window(), stylesheets(), "Cannot open " + path.getFileName(),
                    (e.fieldPath().isEmpty() ? "" : "The file has a problem at ") + e.getMessage()
                            + "\n\nThe scenario you were editing is unchanged.");
            return false;
        } catch (RuntimeException e) {
            Dialogs.error(window(), stylesheets(), "Cannot open " + path.getFileName(), ErrorPolicy.classify(e).line()
                    + "\n\nThe scenario you were editing is unchanged.");
            return false;
        }
    }

    private boolean save() {
        Path f = draft.fileProperty().get();
        if (f == null || f.toString().startsWith("/sample-scenarios")) {
            return saveAs();
        }
        return saveTo(f);
    }

    private boolean saveAs() {
        FileChooser fc = chooser("Save scenario");
        String stem = draft.scenarioProperty().get().name().replaceAll("[^A-Za-z0-9._-]+", "-");
        fc.setInitialFileName((stem.length() > 50 ? stem.substring(0, 50) : stem) + ".json");
        java.io.File f = fc.showSaveDialog(window());
        return f != null && saveTo(f.toPath());
    }

    /** Saves the draft to {@code path}; problems are explained in a dialog and nothing is lost. */
    public boolean saveTo(Path path) {
        try {
            draft.save(path);
            recent.add(path);
            rebuildRecent();
            return true;
        } catch (InvalidInputException e) {
            Dialogs.error(window(), stylesheets(), "Not saved: the scenario has a problem", e.getMessage());
        } catch (IOException | RuntimeException e) {
            Dialogs.error(window(), stylesheets(), "Cannot save " + path.getFileName(), ErrorPolicy.classify(e).line()
                    + "\n\nYour edits are kept; save them elsewhere.");
        }
        return false;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        Path f = draft.fileProperty().get();
        if (f != null && f.getParent() != null && f.getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(f.getParent().toFile());
        } else if (Path.of("sample-scenarios").toFile().isDirectory()) {
            fc.setInitialDirectory(Path.of("sample-scenarios").toAbsolutePath().toFile());
        }
        return fc;
    }

    private void rebuildRecent() {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : recent.list()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            m.setOnAction(e -> {
                if (confirmDiscard()) {
                    openFile(p);
                }
            });
            items.add(m);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
        recentMenu.getItems().setAll(items);
    }

    private void editCensus() {
        CensusEditor.show(window(), editor.census(), stylesheets()).ifPresent(editor::setCensus);
    }

    private void intervene() {
        Scenario s = draft.scenarioProperty().get();
        if (!model.intervene(s.startSchedule(), "rates edited by hand in the lab window")) {
            Dialogs.error(window(), stylesheets(), "The rates were not applied",
                    "An intervention must keep the brackets of the running scenario ("
                            + model.scenarioProperty().get().brackets().count()
                            + " brackets). Change only the rates, or Reset to run the new brackets.");
        } else {
            model.notice("Rates set by hand from the next step (logged)");
        }
    }

    // ---- live data ----

    private void showCharts(Tab t) {
        charts.setVisible(tabCharts.getOrDefault(t, List.of()));
        if (t == agentsTab) {
            model.refreshAgentsNow();
        }
    }

    private void steps(List<LiveStep> batch) {
        charts.append(batch);
        votes.append(batch);
        monitors.show(batch.get(batch.size() - 1), System.nanoTime());
    }

    private void refreshAgents(long now) {
        AgentProbe probe = model.probe();
        boolean onScreen = watch.getSelectionModel().getSelectedItem() == agentsTab;
        if (onScreen && now - lastAgentRefresh > AGENT_REFRESH_NANOS) {
            lastAgentRefresh = now;
            probe.request();
        }
        if (!onScreen) {
            return;
        }
        AgentProbe.Page page = probe.page();
        if (agents.showPage(page)) {
            charts.agents(page);
        }
        AgentProbe.History h = agents.newHistory(probe.history());
        if (h != null) {
            charts.history(h);
        }
    }

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

    private static String speedLabel(double stepsPerSecond) {
        return stepsPerSecond <= 0 ? "Max speed" : Fields.number(stepsPerSecond) + (stepsPerSecond == 1 ? " step/s" : " steps/s");
    }

    /** Sets the speed (steps per second, 0 = max) as if chosen in the toolbar. */
    public void setSpeed(double stepsPerSecond) {
        String label = speedLabel(stepsPerSecond);
        if (!speed.getItems().contains(label)) {
            speed.getItems().add(label);
        }
        speed.setValue(label);
        model.setSpeed(stepsPerSecond);
    }

    /** Shows the i-th tab of charts (0 = Overview). */
    /** Ends a class if one runs (the window closes): students are told, nicknames forgotten, the server stopped. */
    public void endClass() {
        classroom.end();
    }

    public void selectTab(int i) {
        if (i >= 0 && i < watch.getTabs().size()) {
            watch.getSelectionModel().select(i);
        }
    }

    // ---- for tests ----

    /** The Figures menu's actions (for tests). */
    public FigureActions figures() {
        return figures;
    }

    /** SWF points currently drawn. */
    public int swfPointCount() {
        return charts.swfPointCount();
    }

    public LiveCharts charts() {
        return charts;
    }

    public ScenarioEditorView editor() {
        return editor;
    }

    public List<ChartPane> chartPanes() {
        return List.copyOf(panes);
    }

    public MonitorsView monitors() {
        return monitors;
    }

    public VotesView votes() {
        return votes;
    }

    public SeedsView seeds() {
        return seeds;
    }

    public AgentsView agents() {
        return agents;
    }

    public RateSliders rateSliders() {
        return rateSliders;
    }

    public ToolBar toolbar() {
        return toolbar;
    }

}
