package org.econlab.ui.editor;

import org.econlab.ui.widgets.Fields;
import org.econlab.ui.widgets.Numbers;
import org.econlab.ui.widgets.FieldHelp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.econlab.agents.PlannerKinds;
import org.econlab.agents.WorkerKinds;
import org.econlab.config.InvalidInputException;
import org.econlab.config.StrictJson;
import org.econlab.economy.BracketPreset;
import org.econlab.llm.ConnectionCheck;
import org.econlab.llm.EndpointProfiles;
import org.econlab.llm.LlmOptions;
import org.econlab.economy.Gb2IncomePrior;
import org.econlab.economy.SkillPrior;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.economy.UniformSkillPrior;
import org.econlab.population.CensusTable;
import org.econlab.report.ChartStyle;
import org.econlab.simulation.Scenario;
import org.econlab.ui.publish.BackgroundWork;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.econlab.ui.publish.ChartExport;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The scenario editor: population, persona table, utility mix, tax schedule, worker and planner kinds,
 * seed and horizon. Every control writes to the {@link ScenarioDraft}; problems are shown at the
 * field. Builds controls only.
 */
public final class ScenarioEditorView {

    public static final String CUSTOM = "custom";

    /** One row of the bracket table, as text so that invalid values stay visible. */
    public record BracketRow(int index, String from, String to, String rate) {
    }

    private final ScenarioDraft draft;
    private final Fields fields;
    private final VBox root = new VBox(6);
    private final ObservableList<BracketRow> bracketRows = FXCollections.observableArrayList();
    private final TableView<BracketRow> bracketTable = new TableView<>(bracketRows);
    private final XYSeries marginal = new XYSeries("Marginal rate", false, true);
    private final XYSeries average = new XYSeries("Average rate", false, true);
    private final JFreeChart taxChart;
    private final XYSeries incomeHistogram = new XYSeries("Workers", false, true);
    private final JFreeChart priorChart;
    private final org.jfree.data.category.DefaultCategoryDataset personaMix = new org.jfree.data.category.DefaultCategoryDataset();
    private final JFreeChart personaChart;
    /** Worker kinds that play census personas. */
    public static final List<String> PERSONA_KINDS = List.of("persona", "llm");
    public final List<JFreeChart> charts = new ArrayList<>();
    public final Button interveneButton = new Button("Apply rates to the paused run");
    private final Label error = new Label();
    private final Supplier<LlmOptions> llmOptions;

    /** @param llmOptions the window's LLM settings (where endpoint profiles are read for the endpoint rows) */
    public ScenarioEditorView(ScenarioDraft draft, Consumer<Node> censusEditor, Supplier<LlmOptions> llmOptions) {
        this.draft = draft;
        this.llmOptions = llmOptions;
        this.fields = new Fields(draft);

        error.setId("scenario-error");
        error.getStyleClass().add("error-label");
        error.setWrapText(true);
        error.textProperty().bind(draft.problemSummaryProperty());
        error.visibleProperty().bind(draft.validProperty().not());
        error.managedProperty().bind(error.visibleProperty());

        taxChart = ChartFactory.createXYLineChart("Tax rate curves", "Pre-tax income ($/yr)", "Rate (%)",
                new XYSeriesCollection(), PlotOrientation.VERTICAL, true, false, false);
        ((XYSeriesCollection) taxChart.getXYPlot().getDataset()).addSeries(marginal);
        ((XYSeriesCollection) taxChart.getXYPlot().getDataset()).addSeries(average);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ChartStyle.color(0));
        r.setSeriesPaint(1, ChartStyle.color(1));
        r.setDefaultStroke(new BasicStroke(2f));
        r.setAutoPopulateSeriesStroke(false);
        taxChart.getXYPlot().setRenderer(r);
        charts.add(taxChart);

        priorChart = ChartFactory.createXYBarChart("Income prior (cutoffs dashed)", "Income at 40 h/week ($/yr)", false,
                "Share of workers (%)", new XYSeriesCollection(incomeHistogram), PlotOrientation.VERTICAL, false, false, false);
        XYBarRenderer bars = (XYBarRenderer) priorChart.getXYPlot().getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.color(4));
        charts.add(priorChart);

        personaChart = ChartFactory.createStackedBarChart("Persona mix by age (%)", null, "Share of personas (%)", personaMix,
                PlotOrientation.VERTICAL, true, false, false);
        org.jfree.chart.renderer.category.BarRenderer pr =
                (org.jfree.chart.renderer.category.BarRenderer) personaChart.getCategoryPlot().getRenderer();
        pr.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        pr.setShadowVisible(false);
        pr.setSeriesPaint(0, ChartStyle.color(0));
        pr.setSeriesPaint(1, ChartStyle.color(1));
        personaChart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        charts.add(personaChart);

        root.getChildren().addAll(error,
                section("Scenario", scenarioSection(), true),
                section("Tax schedule", taxSection(), true),
                section("Population", populationSection(censusEditor), false),
                section("Worker and planner", agentsSection(), false));
        root.setPadding(new Insets(6));
        draft.scenarioProperty().addListener((o, a, s) -> previews(s));
        draft.jsonProperty().addListener((o, a, b) -> refreshBrackets());
        draft.errorPathProperty().addListener((o, a, b) -> bracketTable.refresh());
        previews(draft.scenarioProperty().get());
        refreshBrackets();
    }

    public Node root() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setId("scenario-editor");
        return scroll;
    }

    private static TitledPane section(String title, Node content, boolean expanded) {
        TitledPane p = new TitledPane(title, content);
        p.setExpanded(expanded);
        p.setAnimated(false);
        return p;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints extra = new javafx.scene.layout.ColumnConstraints();
        extra.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.getColumnConstraints().addAll(labels, values, extra);
        return g;
    }

    private TextField field(GridPane g, int row, String label, String path, String fallback, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        fields.text(path, f, fallback);
        g.addRow(row, label(label, path), f);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    /** A GB2 parameter shown to 4 significant digits (the stored value keeps its precision until edited). */
    private TextField gb2Field(GridPane g, int row, String label, String path, double fallback, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        fields.text(path, f, Numbers.significant(fallback, 4), v -> Numbers.significant(v, 4));
        g.addRow(row, label(label, path), f);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    /** A field label with the field's meaning as its tooltip. */
    private static Label label(String text, String path) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        String help = FieldHelp.of(path);
        if (!help.isEmpty()) {
            Tooltip t = new Tooltip(help);
            t.setWrapText(true);
            t.setMaxWidth(420);
            l.setTooltip(t);
        }
        return l;
    }

    private Node scenarioSection() {
        GridPane g = grid();
        field(g, 0, "Name", "name", "untitled", "name-field");
        TextArea description = new TextArea();
        description.setPrefRowCount(2);
        description.setWrapText(true);
        fields.text("description", description, "");
        g.addRow(1, new Label("Description"), description);
        TextField seed = field(g, 2, "Seed", "seed", "42", "seed-field");
        Button newSeed = new Button("New");
        newSeed.setOnAction(e -> draft.set("seed", new Random().nextInt(1_000_000)));
        g.add(newSeed, 2, 2);
        field(g, 3, "Steps", "steps", "1000", "steps-field");
        field(g, 4, "Tax year (steps)", "taxYearSteps", "25", "tax-year-field");
        field(g, 5, "Warm-up (steps)", "warmupSteps", "0", "warmup-field");
        welfareRows(g, 6);
        field(g, 9, "Labour cost c", "utility.c", "0.0005", "c-field");
        field(g, 10, "Labour exponent δ", "utility.delta", "3.5", "delta-field");
        return g;
    }

    /**
     * The welfare function in force (rows {@code row..row+2}): a choice of {@link WelfareFunction.Kind}, one
     * sentence of what it measures, and the Atkinson inequality aversion when that function is chosen.
     */
    private void welfareRows(GridPane g, int row) {
        ComboBox<WelfareFunction.Kind> swf = new ComboBox<>(FXCollections.observableArrayList(WelfareFunction.Kind.values()));
        swf.setId("swf-box");
        swf.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WelfareFunction.Kind k) {
                return k == null ? "" : k.id();
            }

            @Override
            public WelfareFunction.Kind fromString(String s) {
                return WelfareFunction.Kind.byId(s).orElse(null);
            }
        });
        swf.setMaxWidth(Double.MAX_VALUE);
        Label meaning = new Label();
        meaning.setId("swf-meaning");
        meaning.setWrapText(true);
        meaning.getStyleClass().add("field-note");
        TextField epsilon = new TextField();
        epsilon.setId("atkinson-epsilon-field");
        epsilon.setPrefColumnCount(10);
        epsilon.setTooltip(new Tooltip("Atkinson inequality aversion ε ≥ 0: 0 is the plain sum of utilities, 1 the sum of"
                + " their logarithms, larger values weigh the worst-off more"));
        fields.text("utility.atkinsonEpsilon", epsilon, "1");
        Label epsilonLabel = new Label("Inequality aversion ε");
        fields.register("utility.swf", swf, () -> {
            WelfareFunction.Kind k = WelfareFunction.Kind.byId(
                    Fields.display(draft.get("utility.swf"), WelfareFunction.PAPER.id())).orElse(null);
            swf.setValue(k);
            meaning.setText(k == null ? "" : k.meaning());
            boolean atkinson = k == WelfareFunction.Kind.ATKINSON;
            epsilon.setDisable(!atkinson);
            epsilonLabel.setDisable(!atkinson);
        });
        swf.setOnAction(e -> {
            WelfareFunction.Kind k = swf.getValue();
            if (fields.refreshing() || k == null) {
                return;
            }
            draft.edit(o -> {
                JsonObject u = obj(o, "utility");
                u.addProperty("swf", k.id());
                if (k != WelfareFunction.Kind.ATKINSON) {
                    u.remove("atkinsonEpsilon");
                }
            });
        });
        swf.setTooltip(new Tooltip("The social welfare function the planner maximises and the charts report"));
        // The closed box shows the short id, so it is readable in presentation mode; the list shows what each means.
        swf.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(WelfareFunction.Kind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? "" : k.id());
            }
        });
        g.add(new Label("Welfare function"), 0, row);
        g.add(swf, 1, row, 2, 1);
        g.add(meaning, 0, row + 1, 3, 1);
        g.addRow(row + 2, epsilonLabel, epsilon);
    }

    // ---- tax schedule ----

    private Node taxSection() {
        List<String> presets = new ArrayList<>(Arrays.stream(BracketPreset.values()).map(BracketPreset::id).toList());
        presets.add(CUSTOM);
        ComboBox<String> preset = new ComboBox<>(FXCollections.observableArrayList(presets));
        preset.setId("preset-box");
        fields.register("brackets.preset", preset, () -> preset.setValue(
                draft.get("brackets.cutoffs") != null ? CUSTOM : Fields.display(draft.get("brackets.preset"), BracketPreset.THREE.id())));
        preset.setOnAction(e -> {
            if (fields.refreshing() || preset.getValue() == null) {
                return;
            }
            String v = preset.getValue();
            draft.edit(o -> {
                JsonObject b = obj(o, "brackets");
                double[] cutoffs = cutoffs();
                if (CUSTOM.equals(v)) {
                    b.remove("preset");
                    b.add("cutoffs", array(cutoffs));
                } else {
                    b.remove("cutoffs");
                    b.addProperty("preset", v);
                    TaxBrackets nb = BracketPreset.byId(v).orElseThrow().brackets();
                    b.add("rates", array(resize(currentRates(), nb.count())));
                }
            });
        });

        bracketTable.setId("bracket-table");
        bracketTable.setEditable(true);
        bracketTable.setPrefHeight(190);
        bracketTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<BracketRow, String> idx = new TableColumn<>("#");
        idx.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.valueOf(c.getValue().index() + 1)));
        idx.setMaxWidth(40);
        idx.setSortable(false);
        TableColumn<BracketRow, String> from = new TableColumn<>("From $");
        from.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().from()));
        from.setSortable(false);
        TableColumn<BracketRow, String> to = new TableColumn<>("To $");
        to.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().to()));
        to.setCellFactory(TextFieldTableCell.forTableColumn());
        to.setOnEditCommit(e -> setCutoff(e.getRowValue().index() + 1, e.getNewValue()));
        to.setSortable(false);
        TableColumn<BracketRow, String> rate = new TableColumn<>("Start rate %");
        rate.setId("rate-column");
        rate.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rate()));
        rate.setCellFactory(TextFieldTableCell.forTableColumn());
        rate.setOnEditCommit(e -> setRate(e.getRowValue().index(), e.getNewValue()));
        rate.setSortable(false);
        bracketTable.getColumns().addAll(List.of(idx, from, to, rate));
        bracketTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BracketRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("field-error");
                if (!empty && item != null) {
                    String p = draft.errorPathProperty().get();
                    if (p.equals("brackets.rates[" + item.index() + "]")
                            || p.equals("brackets.cutoffs[" + (item.index() + 1) + "]")) {
                        getStyleClass().add("field-error");
                    }
                }
            }
        });
        fields.register("brackets", bracketTable, () -> { });

        Button add = new Button("Add bracket");
        add.setOnAction(e -> addBracket());
        Button remove = new Button("Remove top bracket");
        remove.setOnAction(e -> removeBracket());
        interveneButton.setId("intervene-button");
        HBox buttons = new HBox(6, add, remove);
        ChartViewer viewer = new ChartViewer(taxChart);
        ChartExport.install(viewer, "tax_rate_curves");
        viewer.setPrefHeight(200);
        viewer.setMinHeight(160);
        Label hint = new Label("Double-click a cell to edit; income above the top cutoff is untaxed.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return new VBox(6, new HBox(8, new Label("Brackets"), preset), bracketTable, buttons, hint, viewer,
                interveneButton);
    }

    private double[] cutoffs() {
        JsonElement c = draft.get("brackets.cutoffs");
        if (c != null && c.isJsonArray()) {
            JsonArray a = c.getAsJsonArray();
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.get(i).isJsonPrimitive() && a.get(i).getAsJsonPrimitive().isNumber() ? a.get(i).getAsDouble() : Double.NaN;
            }
            return out;
        }
        String id = Fields.display(draft.get("brackets.preset"), BracketPreset.THREE.id());
        return BracketPreset.byId(id).orElse(BracketPreset.THREE).brackets().cutoffsUsd();
    }

    private JsonElement[] currentRates() {
        int k = Math.max(1, cutoffs().length - 1);
        JsonElement r = draft.get("brackets.rates");
        JsonElement[] out = new JsonElement[k];
        for (int j = 0; j < k; j++) {
            if (r == null) {
                out[j] = new JsonPrimitive(50);
            } else if (r.isJsonArray()) {
                JsonArray a = r.getAsJsonArray();
                out[j] = j < a.size() ? a.get(j) : a.isEmpty() ? new JsonPrimitive(50) : a.get(a.size() - 1);
            } else {
                out[j] = r;
            }
        }
        return out;
    }

    private static JsonElement[] resize(JsonElement[] rates, int k) {
        JsonElement[] out = Arrays.copyOf(rates, k);
        for (int j = 0; j < k; j++) {
            if (out[j] == null) {
                out[j] = rates.length == 0 ? new JsonPrimitive(50) : rates[rates.length - 1];
            }
        }
        return out;
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(Fields.value(Fields.number(v)));
        }
        return a;
    }

    private static JsonArray array(JsonElement[] values) {
        JsonArray a = new JsonArray();
        for (JsonElement v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonObject obj(JsonObject o, String name) {
        if (!o.has(name) || !o.get(name).isJsonObject()) {
            o.add(name, new JsonObject());
        }
        return o.getAsJsonObject(name);
    }

    /** Sets the starting rate of bracket {@code j} (percent) as typed. */
    public void setRate(int j, String text) {
        JsonElement[] rates = currentRates();
        rates[j] = Fields.value(text);
        draft.edit(o -> obj(o, "brackets").add("rates", array(rates)));
    }

    private void setCutoff(int i, String text) {
        double[] c = cutoffs();
        JsonElement[] rates = currentRates();
        JsonArray a = array(c);
        a.set(i, Fields.value(text));
        draft.edit(o -> {
            JsonObject b = obj(o, "brackets");
            b.remove("preset");
            b.add("cutoffs", a);
            b.add("rates", array(rates));
        });
    }

    private void addBracket() {
        double[] c = cutoffs();
        JsonElement[] rates = currentRates();
        int k = c.length - 1;
        double below = k >= 1 ? c[k - 1] : 0;
        double top = c[k];
        double split = below == 0 ? Math.min(top / 2, 100_000) : Math.min(below * 2, (below + top) / 2);
        double[] nc = new double[c.length + 1];
        System.arraycopy(c, 0, nc, 0, k);
        nc[k] = Math.rint(split);
        nc[k + 1] = top;
        JsonElement[] nr = resize(rates, k + 1);
        setCustomBrackets(nc, nr);
    }

    /** Replaces the brackets by custom cutoffs with these start rates (one edit, undoable). */
    private void setCustomBrackets(double[] cutoffs, JsonElement[] rates) {
        draft.edit(o -> {
            JsonObject b = obj(o, "brackets");
            b.remove("preset");
            b.add("cutoffs", array(cutoffs));
            b.add("rates", array(rates));
        });
    }

    private void removeBracket() {
        double[] c = cutoffs();
        if (c.length <= 2) {
            return;
        }
        JsonElement[] rates = currentRates();
        int k = c.length - 1;
        double[] nc = new double[k];
        System.arraycopy(c, 0, nc, 0, k - 1);
        nc[k - 1] = c[k];
        JsonElement[] nr = Arrays.copyOf(rates, k - 1);
        setCustomBrackets(nc, nr);
    }

    private void refreshBrackets() {
        double[] c = cutoffs();
        JsonElement[] rates = currentRates();
        List<BracketRow> rows = new ArrayList<>();
        JsonElement rawCutoffs = draft.get("brackets.cutoffs");
        for (int j = 0; j + 1 < c.length || (j == 0 && c.length == 1); j++) {
            String f = rawCutoffs != null && rawCutoffs.isJsonArray() ? Fields.display(rawCutoffs.getAsJsonArray().get(j), "") : money(c[j]);
            String t = j + 1 < c.length ? (rawCutoffs != null && rawCutoffs.isJsonArray()
                    ? Fields.display(rawCutoffs.getAsJsonArray().get(j + 1), "") : money(c[j + 1])) : "";
            rows.add(new BracketRow(j, f, t, j < rates.length ? Fields.display(rates[j], "") : ""));
        }
        bracketRows.setAll(rows);
    }

    private static String money(double v) {
        return Fields.number(v);
    }

    // ---- population ----

    private Node populationSection(Consumer<Node> censusEditor) {
        GridPane g = grid();
        field(g, 0, "Workers", "population.agents", "5", "agents-field");
        ComboBox<String> prior = new ComboBox<>(FXCollections.observableArrayList("gb2", "uniform"));
        prior.setId("prior-box");
        fields.register("population.skills.prior", prior,
                () -> prior.setValue(Fields.display(draft.get("population.skills.prior"), "gb2")));
        prior.setOnAction(e -> {
            if (fields.refreshing() || prior.getValue() == null) {
                return;
            }
            String v = prior.getValue();
            draft.edit(o -> {
                JsonObject skills = new JsonObject();
                skills.addProperty("prior", v);
                obj(o, "population").add("skills", skills);
            });
        });
        g.addRow(1, new Label("Income prior"), prior);
        Gb2IncomePrior d = Gb2IncomePrior.US_INCOME_2023;
        List<TextField> gb2 = List.of(
                gb2Field(g, 2, "GB2 μ", "population.skills.mu", d.mu(), "mu-field"),
                gb2Field(g, 3, "GB2 σ", "population.skills.sigma", d.sigma(), "sigma-field"),
                gb2Field(g, 4, "GB2 ν", "population.skills.nu", d.nu(), "nu-field"),
                gb2Field(g, 5, "GB2 τ", "population.skills.tau", d.tau(), "tau-field"));
        List<TextField> uniform = List.of(
                field(g, 6, "Uniform skill low", "population.skills.low", Fields.number(UniformSkillPrior.PAPER.low()), "low-field"),
                field(g, 7, "Uniform skill high", "population.skills.high", Fields.number(UniformSkillPrior.PAPER.high()), "high-field"));
        // Only the chosen prior's parameters are editable (the others would be unknown fields).
        Runnable enable = () -> {
            boolean isUniform = "uniform".equals(prior.getValue());
            gb2.forEach(f -> f.setDisable(isUniform));
            uniform.forEach(f -> f.setDisable(!isUniform));
        };
        prior.valueProperty().addListener((o, a, b) -> enable.run());
        enable.run();
        ChartViewer preview = new ChartViewer(priorChart);
        ChartExport.install(preview, "income_prior");
        preview.setPrefHeight(200);
        preview.setMinHeight(160);

        CheckBox personas = new CheckBox("Census personas (occupation × sex × age)");
        personas.setId("personas-box");
        fields.register("population.personas", personas, () -> {
            JsonElement e = draft.get("population.personas");
            personas.setSelected(e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean());
        });
        personas.setOnAction(e -> {
            if (!fields.refreshing()) {
                draft.set("population.personas", personas.isSelected());
            }
        });
        Button editTable = new Button("Edit persona distribution…");
        editTable.setId("edit-census-button");
        Label tableState = new Label();
        tableState.setId("census-summary");
        tableState.setWrapText(true);
        tableState.getStyleClass().add("hint");
        Label personaNote = new Label();
        personaNote.setId("persona-note");
        personaNote.getStyleClass().add("persona-note");
        personaNote.setWrapText(true);
        Runnable censusShown = () -> {
            CensusTable t = census();
            tableState.setText((draft.get("population.census") == null ? "CPS 2024 (bundled): " : "Edited: ")
                    + CensusSummary.of(t));
            showPersonaMix(t);
            String kind = kindAt("worker");
            boolean usesPersonas = PERSONA_KINDS.contains(kind);
            boolean wantsPersonas = personas.isSelected() || draft.get("population.census") != null;
            personaNote.setText(wantsPersonas && !usesPersonas ? "Note: " + kind + " workers ignore personas; only "
                    + String.join(" and ", PERSONA_KINDS) + " workers play them." : "");
            personaNote.setVisible(!personaNote.getText().isEmpty());
            personaNote.setManaged(personaNote.isVisible());
        };
        fields.register("population.census", editTable, () -> { });
        draft.scenarioProperty().addListener((o, a, b) -> censusShown.run()); // after the draft has validated
        censusShown.run();
        editTable.setOnAction(e -> censusEditor.accept(editTable));
        ChartViewer mixPreview = new ChartViewer(personaChart);
        mixPreview.setId("persona-mix-chart");
        ChartExport.install(mixPreview, "persona_mix");
        mixPreview.setPrefHeight(170);
        mixPreview.setMinHeight(140);

        GridPane mix = grid();
        field(mix, 0, "Egotistical %", "population.utilityMix.egotistical", "100", "ego-field");
        field(mix, 1, "Altruistic %", "population.utilityMix.altruistic", "0", "alt-field");
        field(mix, 2, "Adversarial %", "population.utilityMix.adversarial", "0", "adv-field");
        return new VBox(6, g, preview, personas, personaNote, new HBox(8, editTable), tableState, mixPreview,
                new Label("Utility-type mix"), mix);
    }

    /** Redraws the persona-mix preview: each age band's share, split by sex. */
    private void showPersonaMix(CensusTable t) {
        personaChart.setNotify(false);
        personaMix.clear();
        double total = t.totalWeight();
        for (CensusTable.Row r : t.rows()) {
            double[] w = r.weights();
            for (int a = 0; a < w.length; a++) {
                String band = CensusTable.AGE_BANDS.get(a);
                Number old = personaMix.getRowIndex(r.sex()) >= 0 && personaMix.getColumnIndex(band) >= 0
                        ? personaMix.getValue(r.sex(), band) : null;
                personaMix.setValue((old == null ? 0 : old.doubleValue()) + 100 * w[a] / total, r.sex(), band);
            }
        }
        personaChart.setNotify(true);
    }

    /** The persona table of the draft (inline, or the bundled CPS 2024). */
    public CensusTable census() {
        Scenario s = draft.scenarioProperty().get();
        CensusTable t = s.population().census();
        return t == null ? CensusTable.bundled() : t;
    }

    /** Stores an edited persona table in the draft; the bundled table is stored as "absent". */
    public void setCensus(CensusTable table) {
        draft.edit(o -> {
            JsonObject pop = obj(o, "population");
            if (table.equals(CensusTable.bundled())) {
                pop.remove("census");
                return;
            }
            JsonArray rows = new JsonArray();
            for (CensusTable.Row r : table.rows()) {
                JsonObject row = new JsonObject();
                row.addProperty("occupation", r.occupation());
                row.addProperty("sex", r.sex());
                row.add("weights", array(r.weights()));
                rows.add(row);
            }
            pop.add("census", rows);
        });
    }

    // ---- agents ----

    private Node agentsSection() {
        VBox box = new VBox(6);
        box.getChildren().addAll(kindEditor("Worker kind", "worker", WorkerKinds.descriptions()),
                endpointRow("worker", "worker.endpoint", "LLM endpoint"),
                kindEditor("Planner kind", "planner", PlannerKinds.descriptions()),
                endpointRow("planner", "planner.endpoint", "LLM endpoint"),
                votingBox(),
                endpointRow("electorate", "planner.electorate.endpoint", "Voters' endpoint"));
        return box;
    }

    // ---- voting and LLM endpoints ----

    private static final String DEMOCRATIC = "democratic";
    private static final String LLM = "llm";
    /** The planner JSON before voting was switched on, restored when it is switched off. */
    private JsonObject plannerBeforeVoting;

    private String kindAt(String path) {
        JsonElement e = draft.get(path);
        if (e == null) {
            return "";
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString(); // an electorate given by name
        }
        if (e.isJsonObject() && e.getAsJsonObject().has("kind")) {
            return Fields.display(e.getAsJsonObject().get("kind"), "");
        }
        return "";
    }

    private Node votingBox() {
        CheckBox voting = new CheckBox("Leader elected by the workers (voting)");
        voting.setId("voting-check");
        voting.setTooltip(new Tooltip("Every tax year the workers run on platforms and vote; the leader's platform sets "
                + "the rates (planner kind \"democratic\")"));
        ComboBox<String> electorate = new ComboBox<>(FXCollections.observableArrayList("built-in voters", "LLM voters"));
        electorate.setId("electorate-box");
        Label electorateLabel = new Label("Electorate");
        HBox electorateRow = new HBox(8, electorateLabel, electorate);
        electorateRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        electorateRow.setPadding(new Insets(0, 0, 0, 24));
        fields.register("planner.electorate", electorate, () -> {
            boolean on = kindAt("planner").equals(DEMOCRATIC);
            voting.setSelected(on);
            electorateRow.setVisible(on);
            electorateRow.setManaged(on);
            electorate.setValue(kindAt("planner.electorate").equals(LLM) ? "LLM voters" : "built-in voters");
        });
        voting.setOnAction(e -> {
            if (fields.refreshing()) {
                return;
            }
            JsonElement current = draft.get("planner");
            if (voting.isSelected()) {
                if (current != null && current.isJsonObject() && !kindAt("planner").equals(DEMOCRATIC)) {
                    plannerBeforeVoting = current.getAsJsonObject().deepCopy();
                }
                JsonObject d = new JsonObject();
                d.addProperty("kind", DEMOCRATIC);
                d.addProperty("electorate", "built_in");
                draft.set("planner", d);
            } else {
                JsonObject back = plannerBeforeVoting;
                if (back == null) {
                    back = new JsonObject();
                    back.addProperty("kind", "icrl");
                }
                draft.set("planner", back.deepCopy());
            }
        });
        electorate.setOnAction(e -> {
            if (fields.refreshing() || electorate.getValue() == null || !kindAt("planner").equals(DEMOCRATIC)) {
                return;
            }
            boolean llm = electorate.getValue().startsWith("LLM");
            if (llm == kindAt("planner.electorate").equals(LLM)) {
                return;
            }
            if (llm) {
                JsonObject o = new JsonObject();
                o.addProperty("kind", LLM);
                List<String> names = profileNames();
                o.addProperty("endpoint", names.isEmpty() ? "" : names.get(0));
                draft.set("planner.electorate", o);
            } else {
                draft.set("planner.electorate", new JsonPrimitive("built_in"));
            }
        });
        return new VBox(4, voting, electorateRow);
    }

    /** The profile names in the user's endpoint file (empty when there is none or it cannot be read). */
    private List<String> profileNames() {
        try {
            return List.copyOf(loadProfiles().all().keySet());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private EndpointProfiles loadProfiles() {
        LlmOptions o = llmOptions.get();
        return EndpointProfiles.load(o.endpointsFile(), o.env());
    }

    /**
     * A row shown while the role at {@code role}'s path is an LLM: a choice of endpoint profile (writing
     * {@code endpointPath}) and a "Test connection" button that runs {@link ConnectionCheck} in the background.
     */
    private Node endpointRow(String role, String endpointPath, String label) {
        String rolePath = endpointPath.substring(0, endpointPath.lastIndexOf('.'));
        ComboBox<String> profile = new ComboBox<>();
        profile.setId(role + "-endpoint-box");
        profile.setPromptText("endpoint profile");
        Button test = new Button("Test connection");
        test.setId(role + "-test-button");
        Label result = new Label();
        result.setId(role + "-test-result");
        result.setWrapText(true);
        result.getStyleClass().add("hint");
        Label title = new Label(label);
        title.setMinWidth(Region.USE_PREF_SIZE);
        test.setMinWidth(Region.USE_PREF_SIZE);
        profile.setPrefWidth(150);
        HBox row = new HBox(8, title, profile, test);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, result);
        box.setPadding(new Insets(0, 0, 4, role.equals("electorate") ? 24 : 0));
        Runnable reloadNames = () -> {
            String file;
            List<String> names;
            try {
                EndpointProfiles ps = loadProfiles();
                names = List.copyOf(ps.all().keySet());
                file = names.isEmpty() ? "No endpoint profiles yet: add them to " + EndpointProfiles.location(
                        llmOptions.get().endpointsFile(), llmOptions.get().env()) : null;
            } catch (RuntimeException ex) {
                names = List.of();
                file = "Endpoint file: " + BackgroundWork.explain(ex);
            }
            if (!profile.getItems().equals(names)) {
                profile.getItems().setAll(names);
            }
            if (file != null && result.getText().isEmpty()) {
                result.setText(file);
            }
        };
        fields.register(endpointPath, profile, () -> {
            boolean llm = kindAt(rolePath).equals(LLM)
                    && (!role.equals("electorate") || kindAt("planner").equals(DEMOCRATIC));
            box.setVisible(llm);
            box.setManaged(llm);
            if (!llm) {
                return;
            }
            reloadNames.run();
            JsonElement e = draft.get(endpointPath);
            String name = e == null ? null : e.isJsonArray() ? (e.getAsJsonArray().isEmpty() ? null
                    : Fields.display(e.getAsJsonArray().get(0), "")) : Fields.display(e, "");
            profile.setValue(name == null || name.isEmpty() ? null : name);
        });
        profile.setOnShowing(e -> reloadNames.run());
        profile.setOnAction(e -> {
            if (fields.refreshing() || profile.getValue() == null) {
                return;
            }
            JsonElement cur = draft.get(endpointPath);
            if (cur != null && cur.isJsonPrimitive() && cur.getAsString().equals(profile.getValue())) {
                return;
            }
            result.setText("");
            draft.set(endpointPath, profile.getValue());
        });
        test.setOnAction(e -> {
            String chosen = profile.getValue();
            if (chosen == null || chosen.isBlank()) {
                result.setText("Choose an endpoint profile first.");
                return;
            }
            test.setDisable(true);
            result.setText("Testing " + chosen + "…");
            LlmOptions options = llmOptions.get();
            Task<ConnectionCheck> task = new Task<>() {
                @Override
                protected ConnectionCheck call() {
                    EndpointProfiles ps = EndpointProfiles.load(options.endpointsFile(), options.env());
                    return ConnectionCheck.run(ps.get(chosen, endpointPath), options.env());
                }
            };
            task.setOnSucceeded(ev -> {
                test.setDisable(false);
                ConnectionCheck c = task.getValue();
                result.setText(c.ok() ? chosen + ": " + c.summary() : c.summary());
            });
            task.setOnFailed(ev -> {
                test.setDisable(false);
                result.setText("failed: " + BackgroundWork.explain(task.getException()).replaceAll("\\s+", " "));
            });
            Thread t = new Thread(task, "lab-connection-test");
            t.setDaemon(true);
            t.start();
        });
        return box;
    }

    private Node kindEditor(String label, String path, Map<String, String> kinds) {
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(kinds.keySet()));
        kind.setId(path + "-kind-box");
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        KindForm form = new KindForm(draft, path, fields -> {
            if (path.equals("worker")) {
                WorkerKinds.parse(fields, draft.scenarioProperty().get().labour());
            } else {
                PlannerKinds.parse(fields, draft.scenarioProperty().get().brackets());
            }
        });
        TextArea params = new TextArea();
        params.setId(path + "-params");
        params.setPrefRowCount(3);
        params.setWrapText(true);
        fields.register(path, params, () -> {
            JsonElement e = draft.get(path);
            JsonObject o = e != null && e.isJsonObject() ? e.getAsJsonObject().deepCopy() : new JsonObject();
            String k = o.has("kind") ? Fields.display(o.get("kind"), "") : "";
            kind.setValue(k);
            description.setText(kinds.getOrDefault(k, ""));
            o.remove("kind");
            params.setText(o.toString());
            form.refresh();
        });
        kind.setOnAction(e -> {
            if (fields.refreshing() || kind.getValue() == null) {
                return;
            }
            JsonObject o = new JsonObject();
            o.addProperty("kind", kind.getValue());
            draft.set(path, o);
        });
        params.focusedProperty().addListener((o, was, now) -> {
            if (now || fields.refreshing()) {
                return;
            }
            JsonObject p;
            try {
                // As a scenario file is read: a field given twice is refused, not silently the last one.
                JsonElement parsed = StrictJson.parse(params.getText().isBlank() ? "{}" : params.getText());
                if (!parsed.isJsonObject()) {
                    throw new InvalidInputException("", "not an object");
                }
                p = parsed.getAsJsonObject();
            } catch (InvalidInputException ex) {
                params.getStyleClass().add("field-error");
                params.setTooltip(new Tooltip(path + ": parameters must be a JSON object {...}"
                        + (ex.fieldPath().isEmpty() ? "" : " (" + ex.getMessage() + ")")));
                return;
            }
            JsonObject full = new JsonObject();
            full.addProperty("kind", kind.getValue() == null ? "" : kind.getValue());
            p.entrySet().forEach(en -> {
                if (!en.getKey().equals("kind")) {
                    full.add(en.getKey(), en.getValue());
                }
            });
            draft.set(path, full);
        });
        GridPane g = grid();
        g.addRow(0, label(label, path), kind);
        TitledPane json = new TitledPane("Parameters as JSON (advanced)", params);
        json.setExpanded(false);
        json.setAnimated(false);
        VBox box = new VBox(4, g, description, form.sheet(), json);
        return box;
    }

    // ---- previews ----

    private void previews(Scenario s) {
        if (s == null) {
            return;
        }
        TaxSchedule schedule = s.startSchedule();
        TaxBrackets b = schedule.brackets();
        double[] c = b.cutoffsUsd();
        double xmax = c.length > 2 ? Math.min(c[c.length - 2] * 1.6, b.topCutoffUsd()) : 300_000;
        taxChart.setNotify(false);
        marginal.clear();
        average.clear();
        int n = 120;
        for (int i = 0; i <= n; i++) {
            double z = xmax * i / n;
            marginal.add(z, schedule.marginalRatePercentAt(z), false);
            average.add(z, schedule.averageRatePercentAt(z), false);
        }
        marginal.fireSeriesChanged();
        average.fireSeriesChanged();
        ((NumberAxis) taxChart.getXYPlot().getRangeAxis()).setRange(0, 100);
        taxChart.setNotify(true);

        priorChart.setNotify(false);
        incomeHistogram.clear();
        SkillPrior prior = s.population().prior();
        int samples = 400;
        double[] incomes = new double[samples];
        for (int i = 0; i < samples; i++) {
            incomes[i] = prior.skillAt((i + 0.5) / samples) * Gb2IncomePrior.REFERENCE_HOURS_PER_WEEK;
        }
        double hi = incomes[(int) (samples * 0.97)];
        int bins = 30;
        double width = hi / bins;
        int[] counts = new int[bins];
        for (double v : incomes) {
            int k = (int) (v / width);
            if (k >= 0 && k < bins) {
                counts[k]++;
            }
        }
        for (int k = 0; k < bins; k++) {
            incomeHistogram.add(k * width + width / 2, 100.0 * counts[k] / samples, false);
        }
        incomeHistogram.fireSeriesChanged();
        XYPlot plot = priorChart.getXYPlot();
        ((XYBarRenderer) plot.getRenderer()).setMargin(0.05);
        plot.clearDomainMarkers();
        for (int j = 1; j < c.length - 1; j++) {
            if (c[j] <= hi) {
                plot.addDomainMarker(new ValueMarker(c[j], Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f)));
            }
        }
        priorChart.setNotify(true);
    }
}
