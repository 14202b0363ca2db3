package org.econlab.ui.editor;


import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
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
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.econlab.economy.BracketPreset;
import org.econlab.llm.LlmOptions;
import org.econlab.economy.Gb2IncomePrior;
import org.econlab.economy.UniformSkillPrior;
import org.econlab.report.ChartStyle;
import org.econlab.simulation.Scenario;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.econlab.ui.charts.ChartExport;
import org.jfree.chart.fx.ChartViewer;
import org.econlab.ui.charts.PreviewCharts;
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

    private final ScenarioDraft draft;
    private final Fields fields;
    private final BracketEdits brackets;
    private AgentKindForms agentForms;
    private final VBox root = new VBox(6);
    private final ObservableList<BracketEdits.BracketRow> bracketRows = FXCollections.observableArrayList();
    private final TableView<BracketEdits.BracketRow> bracketTable = new TableView<>(bracketRows);
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
        this.brackets = new BracketEdits(draft);
        this.agentForms = new AgentKindForms(draft, fields, llmOptions);

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
                FormParts.section("Scenario", scenarioSection(), true),
                FormParts.section("Tax schedule", taxSection(), true),
                FormParts.section("Population", populationSection(censusEditor), false),
                FormParts.section("Worker and planner", agentForms.root(), false));
        root.setPadding(new Insets(6));
        draft.scenarioProperty().addListener((o, a, s) -> previews(s));
        draft.jsonProperty().addListener((o, a, b) -> bracketRows.setAll(brackets.rows()));
        draft.errorPathProperty().addListener((o, a, b) -> bracketTable.refresh());
        previews(draft.scenarioProperty().get());
        bracketRows.setAll(brackets.rows());
    }

    public Node root() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setId("scenario-editor");
        return scroll;
    }

    private Node scenarioSection() {
        GridPane g = FormParts.grid();
        FormParts.field(fields, g, 0, "Name", "name", "untitled", "name-field");
        TextArea description = new TextArea();
        description.setPrefRowCount(2);
        description.setWrapText(true);
        fields.text("description", description, "");
        g.addRow(1, new Label("Description"), description);
        TextField seed = FormParts.field(fields, g, 2, "Seed", "seed", "42", "seed-field");
        Button newSeed = new Button("New");
        newSeed.setOnAction(e -> draft.set("seed", new Random().nextInt(1_000_000)));
        g.add(newSeed, 2, 2);
        FormParts.field(fields, g, 3, "Steps", "steps", "1000", "steps-field");
        FormParts.field(fields, g, 4, "Tax year (steps)", "taxYearSteps", "25", "tax-year-field");
        FormParts.field(fields, g, 5, "Warm-up (steps)", "warmupSteps", "0", "warmup-field");
        WelfareChoice.rows(draft, fields, g, 6);
        FormParts.field(fields, g, 9, "Labour cost c", "utility.c", "0.0005", "c-field");
        DeltaChoice.rows(draft, fields, g, 10);
        return g;
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
                JsonObject b = DraftJson.obj(o, "brackets");
                double[] cutoffs = brackets.cutoffs();
                if (CUSTOM.equals(v)) {
                    b.remove("preset");
                    b.add("cutoffs", DraftJson.array(cutoffs));
                } else {
                    brackets.usePreset(b, v);
                }
            });
        });

        bracketTable.setId("bracket-table");
        bracketTable.setEditable(true);
        bracketTable.setPrefHeight(190);
        bracketTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<BracketEdits.BracketRow, String> idx = new TableColumn<>("#");
        idx.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.valueOf(c.getValue().index() + 1)));
        idx.setMaxWidth(40);
        idx.setSortable(false);
        TableColumn<BracketEdits.BracketRow, String> from = new TableColumn<>("From $");
        from.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().from()));
        from.setSortable(false);
        TableColumn<BracketEdits.BracketRow, String> to = new TableColumn<>("To $");
        to.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().to()));
        to.setCellFactory(TextFieldTableCell.forTableColumn());
        to.setOnEditCommit(e -> brackets.setCutoff(e.getRowValue().index() + 1, e.getNewValue()));
        to.setSortable(false);
        TableColumn<BracketEdits.BracketRow, String> rate = new TableColumn<>("Start rate %");
        rate.setId("rate-column");
        rate.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rate()));
        rate.setCellFactory(TextFieldTableCell.forTableColumn());
        rate.setOnEditCommit(e -> brackets.setRate(e.getRowValue().index(), e.getNewValue()));
        rate.setSortable(false);
        bracketTable.getColumns().addAll(List.of(idx, from, to, rate));
        bracketTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BracketEdits.BracketRow item, boolean empty) {
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
        add.setOnAction(e -> brackets.addBracket());
        Button remove = new Button("Remove top bracket");
        remove.setOnAction(e -> brackets.removeBracket());
        interveneButton.setId("intervene-button");
        HBox buttons = new HBox(6, add, remove);
        ChartViewer viewer = PreviewCharts.viewer(taxChart);
        ChartExport.install(viewer, "tax_rate_curves");
        viewer.setPrefHeight(200);
        viewer.setMinHeight(160);
        Label hint = new Label("Double-click a cell to edit; income above the top cutoff is untaxed.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        return new VBox(6, new HBox(8, new Label("Brackets"), preset), bracketTable, buttons, hint, viewer,
                interveneButton);
    }

    // ---- population ----

    private Node populationSection(Consumer<Node> censusEditor) {
        GridPane g = FormParts.grid();
        FormParts.field(fields, g, 0, "Workers", "population.agents", "5", "agents-field");
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
                DraftJson.obj(o, "population").add("skills", skills);
            });
        });
        g.addRow(1, new Label("Income prior"), prior);
        Gb2IncomePrior d = Gb2IncomePrior.US_INCOME_2023;
        List<TextField> gb2 = List.of(
                FormParts.gb2Field(fields, g, 2, "GB2 μ", "population.skills.mu", d.mu(), "mu-field"),
                FormParts.gb2Field(fields, g, 3, "GB2 σ", "population.skills.sigma", d.sigma(), "sigma-field"),
                FormParts.gb2Field(fields, g, 4, "GB2 ν", "population.skills.nu", d.nu(), "nu-field"),
                FormParts.gb2Field(fields, g, 5, "GB2 τ", "population.skills.tau", d.tau(), "tau-field"));
        List<TextField> uniform = List.of(
                FormParts.field(fields, g, 6, "Uniform skill low", "population.skills.low", Fields.number(UniformSkillPrior.PAPER.low()), "low-field"),
                FormParts.field(fields, g, 7, "Uniform skill high", "population.skills.high", Fields.number(UniformSkillPrior.PAPER.high()), "high-field"));
        // Only the chosen prior's parameters are editable (the others would be unknown fields).
        Runnable enable = () -> {
            boolean isUniform = "uniform".equals(prior.getValue());
            gb2.forEach(f -> f.setDisable(isUniform));
            uniform.forEach(f -> f.setDisable(!isUniform));
        };
        prior.valueProperty().addListener((o, a, b) -> enable.run());
        enable.run();
        ChartViewer preview = PreviewCharts.viewer(priorChart);
        preview.setId("income-prior-chart");
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
            tableState.setText((draft.get("population.census") == null ? "CPS 2024 (bundled): " : "Edited: ")
                    + CensusSummary.of(draft.census()));
            showPersonaMix();
            String kind = agentForms.kindAt("worker");
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
        ChartViewer mixPreview = PreviewCharts.viewer(personaChart);
        mixPreview.setId("persona-mix-chart");
        ChartExport.install(mixPreview, "persona_mix");
        mixPreview.setPrefHeight(170);
        mixPreview.setMinHeight(140);

        GridPane mix = FormParts.grid();
        FormParts.field(fields, mix, 0, "Egotistical %", "population.utilityMix.egotistical", "100", "ego-field");
        FormParts.field(fields, mix, 1, "Altruistic %", "population.utilityMix.altruistic", "0", "alt-field");
        FormParts.field(fields, mix, 2, "Adversarial %", "population.utilityMix.adversarial", "0", "adv-field");
        return new VBox(6, g, preview, personas, personaNote, new HBox(8, editTable), tableState, mixPreview,
                new Label("Utility-type mix"), mix);
    }

    /** Redraws the persona-mix preview: each age band's share, split by sex. */
    private void showPersonaMix() {
        personaChart.setNotify(false);
        personaMix.clear();
        EditorPreviews.personaMix(draft.census()).forEach((sex, bands) ->
                bands.forEach((band, percent) -> personaMix.setValue(percent, sex, band)));
        personaChart.setNotify(true);
    }

    // ---- previews ----

    private void previews(Scenario s) {
        if (s == null) {
            return;
        }
        EditorPreviews.TaxCurves curves = EditorPreviews.taxCurves(s);
        taxChart.setNotify(false);
        marginal.clear();
        average.clear();
        for (int i = 0; i < curves.income().length; i++) {
            marginal.add(curves.income()[i], curves.marginal()[i], false);
            average.add(curves.income()[i], curves.average()[i], false);
        }
        marginal.fireSeriesChanged();
        average.fireSeriesChanged();
        ((NumberAxis) taxChart.getXYPlot().getRangeAxis()).setRange(0, 100);
        taxChart.setNotify(true);

        EditorPreviews.IncomePrior prior = EditorPreviews.incomePrior(s);
        priorChart.setNotify(false);
        incomeHistogram.clear();
        for (int k = 0; k < prior.centre().length; k++) {
            incomeHistogram.add(prior.centre()[k], prior.sharePercent()[k], false);
        }
        incomeHistogram.fireSeriesChanged();
        XYPlot plot = priorChart.getXYPlot();
        ((XYBarRenderer) plot.getRenderer()).setMargin(0.05);
        plot.clearDomainMarkers();
        for (double cutoff : prior.cutoffs()) {
            plot.addDomainMarker(new ValueMarker(cutoff, Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f)));
        }
        priorChart.setNotify(true);
    }
}
