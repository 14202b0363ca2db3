package org.econlab.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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

import org.econlab.config.InvalidInputException;
import org.econlab.ui.publish.ChartExport;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.StepSnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.IOException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The lab window: menus and toolbar (Play / Pause / Step / Stop / Reset, speed, run N steps), the
 * scenario editor on the left, live charts and the agent table on the right, and a status bar. Builds
 * controls only; state and commands live in {@link ScenarioDraft} and {@link RunViewModel}.
 */
public final class MainView {

    /** At most this many chart refreshes per second. */
    static final double MAX_FPS = 25;
    /** Chart redrawing stops for the frame once it has taken this long (one chart at least). */
    static final long FRAME_BUDGET_NANOS = 12_000_000L;
    /** The agent table refreshes at most this often while a run plays. */
    static final long AGENT_REFRESH_NANOS = 1_000_000_000L;

    static final String LIGHT_CSS = MainView.class.getResource("lab.css").toExternalForm();
    static final String DARK_CSS = MainView.class.getResource("lab-dark.css").toExternalForm();

    /** One agent of the sample, for the sortable table. */
    public record AgentRow(int agent, String persona, double skill, double hours, double income, double tax,
                           double postTax, double utility, double[] extra) {
    }

    private final ScenarioDraft draft;
    private final RunViewModel model;
    private final FigureActions figures;
    private final RecentFiles recent;
    private final BorderPane root = new BorderPane();
    private final LiveCharts charts;
    private final ScenarioEditorView editor;
    private final TabPane watch = new TabPane();
    private final Map<Tab, List<JFreeChart>> tabCharts = new IdentityHashMap<>();
    private final ObservableList<AgentRow> agentRows = FXCollections.observableArrayList();
    private final TableView<AgentRow> agentTable = new TableView<>(agentRows);
    private final Label agentInfo = new Label("Play or step a run to see its workers.");
    private final Label votesNote = new Label("No election yet: the leader and vote shares appear when a scenario has voting.");
    private final Menu recentMenu = new Menu("Open recent");
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private final CheckMenuItem presentationItem = new CheckMenuItem("Presentation mode (large text)");
    private final Tab agentsTab;
    private final ComboBox<String> speed;
    private final SplitPane split;
    private java.util.prefs.Preferences viewPrefs;
    private AgentProbe.Page shownPage;
    private List<String> extraColumnNames = List.of();
    private final javafx.scene.control.TextArea agentExchange = new javafx.scene.control.TextArea();
    private AgentProbe.History shownHistory;
    private long lastAgentRefresh;

    public MainView(ScenarioDraft draft, RunViewModel model, RecentFiles recent) {
        this.draft = draft;
        this.model = model;
        this.figures = new FigureActions(model, this::window, this::stylesheets);
        this.recent = recent;
        charts = new LiveCharts(model.scenarioProperty().get());
        editor = new ScenarioEditorView(draft, owner -> editCensus());

        draft.scenarioProperty().addListener((o, a, s) -> model.setScenario(s));

        // ---- toolbar ----
        Button play = button("Play", "play-button", model::play, "Play (Space)");
        Button pause = button("Pause", "pause-button", model::pause, "Pause (Space)");
        Button step = button("Step", "step-button", model::step, "One step (Right arrow)");
        Button stop = button("Stop", "stop-button", model::stop, "End the run; its record is kept");
        Button reset = button("Reset", "reset-button", model::reset, "New run from the edited scenario (Ctrl+R)");
        BooleanBinding cannotStart = draft.validProperty().not().and(model.activeProperty().not());
        play.disableProperty().bind(model.runningProperty().or(cannotStart));
        step.disableProperty().bind(cannotStart);
        pause.disableProperty().bind(model.runningProperty().not());
        stop.disableProperty().bind(model.activeProperty().not());

        speed = new ComboBox<>(FXCollections.observableArrayList(
                "Max speed", "1 step/s", "2 steps/s", "5 steps/s", "10 steps/s", "25 steps/s", "100 steps/s"));
        speed.setId("speed-box");
        speed.setValue("Max speed");
        speed.setTooltip(new Tooltip("Steps per second"));
        speed.setOnAction(e -> {
            String v = speed.getValue();
            model.setSpeed(v == null || v.startsWith("Max") ? 0 : Double.parseDouble(v.substring(0, v.indexOf(' '))));
        });
        TextField n = new TextField("25");
        n.setId("run-n-field");
        n.setPrefColumnCount(5);
        Button runN = new Button("Run N");
        runN.setId("run-n-button");
        runN.setTooltip(new Tooltip("Play N more steps, then pause"));
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

        Label title = new Label();
        title.getStyleClass().add("scenario-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.scenarioProperty().get().name(),
                model.scenarioProperty()));
        Label pending = new Label("Edits apply at Reset");
        pending.getStyleClass().add("hint");
        pending.visibleProperty().bind(model.activeProperty().and(Bindings.createBooleanBinding(
                () -> !draft.scenarioProperty().get().equals(model.scenarioProperty().get()),
                draft.scenarioProperty(), model.scenarioProperty())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(play, pause, step, stop, reset, new Label("  Speed"), speed, n, runN,
                spacer, pending, title);

        editor.interveneButton.disableProperty().bind(model.activeProperty().not().or(model.runningProperty())
                .or(draft.validProperty().not()));
        editor.interveneButton.setTooltip(new Tooltip("Replace the rates of the paused run from the next step; "
                + "logged as an intervention in the run record"));
        editor.interveneButton.setOnAction(e -> intervene());

        // ---- watch tabs ----
        Tab overview = tab("Overview", grid2x2(charts.ratesChart, charts.swfChart, charts.hoursChart,
                charts.bracketIncomeChart), charts.ratesChart, charts.swfChart, charts.hoursChart,
                charts.bracketIncomeChart);
        Tab labour = tab("Labour & welfare", grid2x2(charts.hoursHistogramChart, charts.giniChart, charts.taxChart, null),
                charts.hoursHistogramChart, charts.giniChart, charts.taxChart);
        votesNote.setWrapText(true);
        votesNote.getStyleClass().add("hint");
        Node votesCharts = grid2x2(charts.leaderChart, charts.votesChart, null, null);
        Tab votes = tab("Votes", new VBox(6, votesNote, votesCharts), charts.leaderChart, charts.votesChart);
        VBox.setVgrow(votesCharts, Priority.ALWAYS);
        agentsTab = tab("Agents", agentsPane(), charts.prePostChart, charts.agentHistoryChart);
        watch.getTabs().addAll(List.of(overview, labour, votes, agentsTab));
        Tab llmTab = new Tab("LLM", new LlmView(new LlmViewModel(model::llmActivity)).root());
        llmTab.setId("llm-tab");
        watch.getTabs().add(llmTab);
        watch.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        watch.setId("watch-tabs");
        watch.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> showCharts(t));

        split = new SplitPane(editor.root(), watch);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);

        // ---- status bar ----
        Label status = new Label();
        status.setId("status-label");
        status.textProperty().bind(model.statusProperty());
        Label usage = new Label();
        usage.setId("usage-label");
        usage.textProperty().bind(model.usageProperty());
        Label validity = new Label();
        validity.getStyleClass().add("error-label");
        validity.textProperty().bind(Bindings.when(draft.validProperty()).then("")
                .otherwise(Bindings.concat("Scenario invalid: ", draft.errorMessageProperty())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox statusBar = new HBox(16, status, usage, validity, grow);
        statusBar.getStyleClass().add("status-bar");

        root.setTop(new VBox(menuBar(), toolbar));
        root.setCenter(split);
        root.setBottom(statusBar);
        root.getStyleClass().add("lab-root");

        model.onSnapshots(this::snapshots);
        model.onReset(s -> {
            charts.reset(s);
            agentRows.clear();
            shownPage = null;
            shownHistory = null;
            agentInfo.setText("Play or step a run to see its workers.");
            votesNote.setVisible(true);
            votesNote.setManaged(true);
        });
        model.onReferences(charts::references);
        model.onSwfReferences(charts::swfReferences);
        model.failureProperty().addListener((o, a, f) -> {
            if (f != null && !f.isEmpty()) {
                Dialogs.error(window(), stylesheets(), "The run failed", f
                        + "\n\nThe run record keeps every step played so far; your scenario edits are unchanged.");
            }
        });
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
                applyTheme();
            }
        });
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
                }
                charts.redraw(FRAME_BUDGET_NANOS);
            }
        }.start();
    }

    // ---- layout helpers ----

    private static Button button(String text, String id, Runnable action, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private Tab tab(String title, Node content, JFreeChart... shown) {
        Tab t = new Tab(title, content);
        tabCharts.put(t, List.of(shown));
        return t;
    }

    private static Node grid2x2(JFreeChart a, JFreeChart b, JFreeChart c, JFreeChart d) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new Insets(6));
        JFreeChart[] all = {a, b, c, d};
        int rows = c == null && d == null ? 1 : 2;
        for (int i = 0; i < 4; i++) {
            if (all[i] == null) {
                continue;
            }
            ChartViewer v = new ChartViewer(all[i]);
            v.setId(chartId(all[i]));
            ChartExport.install(v, chartId(all[i]));
            v.setMinSize(200, 150);
            int col = i % 2;
            int row = i / 2;
            boolean span = i == 2 && d == null;
            g.add(v, col, row, span ? 2 : 1, 1);
        }
        for (int i = 0; i < 2; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            g.getRowConstraints().add(rc);
        }
        return g;
    }

    private static String chartId(JFreeChart c) {
        String t = c.getTitle() == null ? "chart" : c.getTitle().getText();
        return t.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + "-chart";
    }

    private Node agentsPane() {
        agentTable.setId("agent-table");
        agentTable.getColumns().add(column("Agent", r -> r.agent()));
        TableColumn<AgentRow, String> persona = new TableColumn<>("Persona");
        persona.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().persona()));
        persona.setPrefWidth(220);
        agentTable.getColumns().add(persona);
        agentTable.getColumns().add(money("Skill ($/h·wk)", AgentRow::skill, "%,.1f"));
        agentTable.getColumns().add(money("Hours", AgentRow::hours, "%.1f"));
        agentTable.getColumns().add(money("Income z", AgentRow::income, "$%,.0f"));
        agentTable.getColumns().add(money("Tax", AgentRow::tax, "$%,.0f"));
        agentTable.getColumns().add(money("Post-tax", AgentRow::postTax, "$%,.0f"));
        agentTable.getColumns().add(money("Utility", AgentRow::utility, "%,.0f"));
        // Satisfaction, vote etc. join as columns when the run's policies report them (AgentDetails).
        agentTable.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        agentTable.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.probe().select(r.agent());
                model.refreshAgentsNow();
            }
        });
        agentTable.setPlaceholder(new Label("No workers yet"));
        agentInfo.getStyleClass().add("hint");
        TextField from = new TextField();
        from.setId("agent-from-field");
        from.setPromptText("sample");
        from.setPrefColumnCount(8);
        from.setTooltip(new Tooltip("Empty: an evenly spaced sample of all workers; a number: 1,000 workers from that index"));
        Button show = new Button("Show");
        show.setId("agent-show-button");
        show.setOnAction(e -> {
            String t = from.getText().trim().replace(",", "");
            int start = -1;
            if (!t.isEmpty()) {
                try {
                    start = Math.max(0, Integer.parseInt(t));
                } catch (NumberFormatException ex) {
                    from.setText("");
                }
            }
            model.probe().showFrom(start);
            model.refreshAgentsNow();
        });
        from.setOnAction(show.getOnAction());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox agentBar = new HBox(8, agentInfo, gap, new Label("Workers from #"), from, show);
        agentBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        agentExchange.setId("agent-exchange");
        agentExchange.setEditable(false);
        agentExchange.setWrapText(true);
        agentExchange.setPrefRowCount(6);
        agentExchange.setVisible(false);
        agentExchange.setManaged(false);
        VBox top = new VBox(4, agentBar, agentTable, agentExchange);
        VBox.setVgrow(agentTable, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        SplitPane bottom = new SplitPane(viewer(charts.prePostChart), viewer(charts.agentHistoryChart));
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    /** Replaces the per-agent detail columns when the run reports different ones (FX thread). */
    private void extraColumns(List<String> names) {
        if (names.equals(extraColumnNames)) {
            return;
        }
        agentTable.getColumns().removeIf(c -> c.getUserData() instanceof Integer);
        for (int c = 0; c < names.size(); c++) {
            int col = c;
            String name = names.get(c);
            boolean vote = name.equals("vote");
            TableColumn<AgentRow, Number> t = money(Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', ' '),
                    r -> col < r.extra().length ? r.extra()[col] : Double.NaN, vote ? "#%.0f" : "%.3f");
            t.setId("agent-column-" + name);
            t.setUserData(col);
            agentTable.getColumns().add(t);
        }
        extraColumnNames = names;
    }

    /** The selected LLM agent's last prompt and reply, when its policy talks to an LLM. */
    private void showExchange(AgentProbe.Page page) {
        AgentRow sel = agentTable.getSelectionModel().getSelectedItem();
        String text = page.exchange();
        boolean show = text != null && sel != null && sel.agent() == page.exchangeAgent();
        if (show) {
            String head = "Agent " + page.exchangeAgent() + ", last LLM exchange (step " + (page.step() + 1) + "):\n\n";
            if (!agentExchange.getText().equals(head + text)) {
                agentExchange.setText(head + text);
            }
        }
        agentExchange.setVisible(show);
        agentExchange.setManaged(show);
    }

    private static ChartViewer viewer(JFreeChart c) {
        ChartViewer v = new ChartViewer(c);
        v.setId(chartId(c));
        ChartExport.install(v, chartId(c));
        return v;
    }

    private static TableColumn<AgentRow, Number> column(String title, Function<AgentRow, Number> f) {
        TableColumn<AgentRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        return c;
    }

    private static TableColumn<AgentRow, Number> money(String title, Function<AgentRow, Double> f, String format) {
        TableColumn<AgentRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, format, v.doubleValue()));
            }
        });
        c.setComparator(Comparator.comparingDouble(Number::doubleValue));
        return c;
    }

    // ---- menus and shortcuts ----

    private MenuBar menuBar() {
        MenuItem newItem = item("New", "new-item", this::newScenario, null);
        MenuItem open = item("Open…", "open-item", this::openWithChooser, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem save = item("Save", "save-item", this::save, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem saveAs = item("Save As…", "save-as-item", this::saveAs,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        Menu file = new Menu("File", null, newItem, open, recentMenu, new SeparatorMenuItem(), save, saveAs);

        MenuItem undo = item("Undo", "undo-item", draft::undo, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(draft.canUndoProperty().not());
        MenuItem redo = item("Redo", "redo-item", draft::redo, new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.disableProperty().bind(draft.canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo);

        MenuItem playPause = item("Play / Pause", "play-pause-item", this::togglePlay, null);
        MenuItem step = item("Step", "step-item", model::step, null);
        MenuItem reset = item("Reset", "reset-item", model::reset, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        MenuItem stop = item("Stop", "stop-item", model::stop, null);
        Menu run = new Menu("Run", null, playPause, step, stop, reset);

        darkItem.setOnAction(e -> {
            applyTheme();
            remember("dark", darkItem.isSelected());
        });
        presentationItem.setOnAction(e -> {
            applyTheme();
            remember("presentation", presentationItem.isSelected());
        });
        presentationItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        Menu view = new Menu("View", null, darkItem, presentationItem);

        MenuItem exportRun = item("Export figures of this run…", "export-run-item", figures::exportRunFigures,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem showRecord = item("Show a saved run in the charts…", "show-record-item", figures::showRecordWithChooser, null);
        MenuItem publish = item("Runs, comparisons and sweeps…", "publish-item", figures::openPublishWindow, null);
        Menu figuresMenu = new Menu("Figures", null, exportRun, showRecord, new SeparatorMenuItem(), publish);
        MenuBar bar = new MenuBar(file, edit, run, view, figuresMenu);
        return bar;
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
            } else if (e.getCode() == KeyCode.RIGHT && !(focus instanceof TableView)) {
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

    /** Restores the theme and presentation mode from {@code prefs} and remembers later choices there. */
    void rememberViewIn(java.util.prefs.Preferences prefs) {
        viewPrefs = prefs;
        setDark(prefs.getBoolean("dark", false));
        setPresentation(prefs.getBoolean("presentation", false));
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

    void setDark(boolean dark) {
        darkItem.setSelected(dark);
        applyTheme();
    }

    void setPresentation(boolean on) {
        presentationItem.setSelected(on);
        applyTheme();
    }

    List<String> stylesheets() {
        return darkItem.isSelected() ? List.of(LIGHT_CSS, DARK_CSS) : List.of(LIGHT_CSS);
    }

    private void applyTheme() {
        if (root.getScene() != null) {
            root.getScene().getStylesheets().setAll(stylesheets());
        }
        root.getStyleClass().remove("presentation");
        if (presentationItem.isSelected()) {
            root.getStyleClass().add("presentation");
        }
        float scale = presentationItem.isSelected() ? 1.6f : 1f;
        split.setDividerPositions(presentationItem.isSelected() ? 0.4 : 0.3);
        charts.applyTheme(darkItem.isSelected(), scale);
        for (JFreeChart c : editor.charts) {
            LiveCharts.style(c, darkItem.isSelected(), scale);
        }
    }

    // ---- files ----

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Asks about unsaved edits; false when the user cancelled. */
    boolean confirmDiscard() {
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

    /** Opens a scenario file; a bad file is explained in a dialog and the current edits are kept. */
    public boolean openFile(Path path) {
        try {
            draft.open(path);
            recent.add(path);
            rebuildRecent();
            return true;
        } catch (InvalidInputException e) {
            Dialogs.error(window(), stylesheets(), "Cannot open " + path.getFileName(),
                    (e.fieldPath().isEmpty() ? "" : "The file has a problem at ") + e.getMessage()
                            + "\n\nThe scenario you were editing is unchanged.");
            return false;
        } catch (RuntimeException e) {
            Dialogs.error(window(), stylesheets(), "Cannot open " + path.getFileName(), String.valueOf(e.getMessage()));
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
            Dialogs.error(window(), stylesheets(), "Cannot save " + path.getFileName(), String.valueOf(e.getMessage()));
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
        }
    }

    // ---- live data ----

    private void showCharts(Tab t) {
        charts.setVisible(tabCharts.getOrDefault(t, List.of()));
        if (t == agentsTab) {
            model.refreshAgentsNow();
        }
    }

    private void snapshots(List<StepSnapshot> batch) {
        charts.append(batch);
        if (votesNote.isVisible() && batch.get(batch.size() - 1).leader() >= 0) {
            votesNote.setVisible(false);
            votesNote.setManaged(false);
        }
    }

    private void refreshAgents(long now) {
        AgentProbe probe = model.probe();
        boolean onScreen = watch.getSelectionModel().getSelectedItem() == agentsTab;
        if (onScreen && now - lastAgentRefresh > AGENT_REFRESH_NANOS) {
            lastAgentRefresh = now;
            probe.request();
        }
        AgentProbe.Page page = probe.page();
        if (page != null && page != shownPage && onScreen) {
            shownPage = page;
            List<AgentRow> rows = new ArrayList<>(page.size());
            for (int k = 0; k < page.size(); k++) {
                double[] extra = new double[page.extraNames().size()];
                for (int c = 0; c < extra.length; c++) {
                    extra[c] = page.extra()[c][k];
                }
                rows.add(new AgentRow(page.index()[k], page.persona()[k], page.skill()[k], page.hours()[k],
                        page.income()[k], page.tax()[k], page.postTax()[k], page.utility()[k], extra));
            }
            extraColumns(page.extraNames());
            showExchange(page);
            AgentRow selected = agentTable.getSelectionModel().getSelectedItem();
            agentRows.setAll(rows);
            agentTable.sort();
            if (selected != null) {
                for (AgentRow r : agentRows) {
                    if (r.agent() == selected.agent()) {
                        agentTable.getSelectionModel().select(r);
                        break;
                    }
                }
            }
            agentInfo.setText(String.format(Locale.ROOT,
                    "Step %d · showing %,d of %,d workers%s · click a column to sort, a row to follow its history",
                    page.step() + 1, page.size(), page.populationSize(),
                    page.contiguous() ? String.format(Locale.ROOT, " (#%,d to #%,d)", page.index()[0],
                            page.index()[page.size() - 1]) : page.size() < page.populationSize() ? " (evenly spaced sample)" : ""));
            charts.agents(page);
        }
        AgentProbe.History h = probe.history();
        if (h != null && h != shownHistory && onScreen) {
            shownHistory = h;
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

    /** Sets the speed (steps per second, 0 = max) as if chosen in the toolbar. */
    void setSpeed(double stepsPerSecond) {
        String label = stepsPerSecond <= 0 ? "Max speed" : Fields.number(stepsPerSecond) + (stepsPerSecond == 1 ? " step/s" : " steps/s");
        if (!speed.getItems().contains(label)) {
            speed.getItems().add(label);
        }
        speed.setValue(label);
        model.setSpeed(stepsPerSecond);
    }

    /** Shows the i-th tab of charts (0 = Overview). */
    void selectTab(int i) {
        if (i >= 0 && i < watch.getTabs().size()) {
            watch.getSelectionModel().select(i);
        }
    }

    // ---- for tests ----

    /** The Figures menu's actions (for tests). */
    FigureActions figures() {
        return figures;
    }

    /** SWF points currently drawn. */
    int swfPointCount() {
        return charts.swfPointCount();
    }

    LiveCharts charts() {
        return charts;
    }

    ScenarioEditorView editor() {
        return editor;
    }
}
