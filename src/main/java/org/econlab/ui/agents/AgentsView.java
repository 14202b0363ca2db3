package org.econlab.ui.agents;

import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.charts.LiveCharts;
import org.econlab.ui.run.AgentProbe;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Agents tab: a sortable table of up to 1,000 workers that explains each choice (the marginal rate it faces,
 * its exact best response beside its hours, its net tax rate and, for persona workers, its tolerance), a line
 * that says it in words for the selected worker, its history (from step 0 in runs small enough to keep every
 * worker's, see {@link AgentProbe#FULL_HISTORY_CELLS}), the post- vs pre-tax scatter and, for an LLM worker, its
 * last prompt and reply. Builds and binds controls; the state and commands are {@link AgentsViewModel}'s. FX thread.
 */
public final class AgentsView {

    private final AgentsViewModel model;
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList();
    private final TableView<AgentRow> table = new TableView<>(rows);
    private final Label info = new Label(AgentsViewModel.EMPTY_INFO);
    private final Label explain = new Label();
    private final TextArea exchange = new TextArea();
    private final SplitPane root;
    private List<String> extraColumnNames = List.of();
    /** Shown only when some worker has one (persona workers). */
    private final TableColumn<AgentRow, String> persona = new TableColumn<>("Persona");
    private final TableColumn<AgentRow, Number> tolerance;

    public AgentsView(AgentsViewModel model, ChartPane prePost, ChartPane history) {
        this.model = model;
        table.setId("agent-table");
        table.getColumns().add(number("Worker", r -> (double) r.agent(), "%.0f", "The worker's index"));
        persona.setId("agent-column-persona");
        persona.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().persona()));
        persona.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.isEmpty() ? null : new Tooltip(v));
            }
        });
        persona.setPrefWidth(200);
        table.getColumns().add(persona);
        table.getColumns().add(number("Skill", AgentRow::skill, "%,.1f", "Skill v: pay per weekly hour, $/yr"));
        table.getColumns().add(number("Hours", AgentRow::hours, "%.1f", "Hours worked per week this step"));
        table.getColumns().add(number("Best resp.", AgentRow::best, "%.1f",
                "The exact utility-maximising hours under the schedule in force (what a rational worker would choose)"));
        table.getColumns().add(number("Marg. rate %", AgentRow::marginal, "%.0f",
                "The marginal tax rate the worker faces at its income (percent)"));
        table.getColumns().add(number("Income z", AgentRow::income, "$%,.0f", "Pre-tax income, $/yr"));
        table.getColumns().add(number("Tax", AgentRow::tax, "$%,.0f", "Tax paid, $/yr"));
        TableColumn<AgentRow, Number> postTax = number(AgentProbe.POST_TAX, AgentRow::postTax, "$%,.0f",
                "Post-tax income: income − tax + the equal rebate, $/yr (as in the selected worker's chart)");
        postTax.setPrefWidth(185); // its whole name, the same as in the chart's legend
        table.getColumns().add(postTax);
        table.getColumns().add(number("Net tax %", AgentRow::netRate, "%.1f",
                "(tax − rebate) / income: what the worker pays net of the rebate, percent of its income"));
        tolerance = number("Tolerance %", AgentRow::tolerance, "%.1f",
                "Persona workers: the net tax rate beyond which the persona is dissatisfied (r = 0.5)");
        tolerance.setId("agent-column-tolerance");
        table.getColumns().add(tolerance);
        table.getColumns().add(number("Utility", AgentRow::utility, "%,.0f", "u = post-tax income − c · hours^δ"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.select(r.agent());
                explain.setText(AgentsViewModel.explain(r, extraColumnNames));
            }
        });
        table.setPlaceholder(new Label("No workers yet"));
        info.getStyleClass().add("hint");
        explain.setId("agent-explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("agent-explain");
        explain.setMinHeight(Region.USE_PREF_SIZE); // every line of the answer to "why", at any window size
        TextField from = new TextField();
        from.setId("agent-from-field");
        from.setPromptText("sample");
        from.setPrefColumnCount(7);
        from.setTooltip(new Tooltip("Empty: an evenly spaced sample of all workers; a number: 1,000 workers from that index"));
        Button show = new Button("Show");
        show.setId("agent-show-button");
        show.setOnAction(e -> from.setText(model.showFrom(from.getText())));
        from.setOnAction(show.getOnAction());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label fromLabel = new Label("Workers from #");
        fromLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, info, gap, fromLabel, from, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        info.setMinWidth(0);
        exchange.setId("agent-exchange");
        exchange.setEditable(false);
        exchange.setWrapText(true);
        exchange.setPrefRowCount(6);
        exchange.setVisible(false);
        exchange.setManaged(false);
        VBox top = new VBox(4, bar, table, explain, exchange);
        VBox.setVgrow(table, Priority.ALWAYS);
        top.setPadding(new Insets(6));
        SplitPane bottom = new SplitPane(prePost, history);
        root = new SplitPane(top, bottom);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.55);
    }

    /**
     * Once per frame: while the tab is on screen, shows what the view model polled (a new page of workers in the
     * table and {@code charts}, the selected worker's history).
     */
    public void refresh(long now, boolean onScreen, LiveCharts charts) {
        AgentsViewModel.Update u = model.poll(now, onScreen);
        if (u == null) {
            return;
        }
        if (u.page() != null) {
            showPage(u.page(), u.rows());
            charts.agents(u.page());
        }
        if (u.history() != null) {
            charts.history(u.history());
        }
    }

    public Node root() {
        return root;
    }

    public void reset() {
        model.reset();
        rows.clear();
        info.setText(AgentsViewModel.EMPTY_INFO);
        explain.setText("");
    }

    private void showPage(AgentProbe.Page page, List<AgentRow> list) {
        extraColumns(page.extraNames());
        AgentRow selected = table.getSelectionModel().getSelectedItem();
        rows.setAll(list);
        persona.setVisible(list.stream().anyMatch(r -> !r.persona().isEmpty()));
        tolerance.setVisible(list.stream().anyMatch(r -> !Double.isNaN(r.tolerance())));
        table.sort();
        if (selected != null) {
            for (AgentRow r : rows) {
                if (r.agent() == selected.agent()) {
                    table.getSelectionModel().select(r);
                    explain.setText(AgentsViewModel.explain(r, extraColumnNames));
                    break;
                }
            }
        }
        String text = model.exchange(page);
        if (text != null && !exchange.getText().equals(text)) {
            exchange.setText(text);
        }
        exchange.setVisible(text != null);
        exchange.setManaged(text != null);
        info.setText(AgentsViewModel.info(page));
    }

    /** Replaces the per-agent detail columns when the run reports different ones (FX thread). */
    private void extraColumns(List<String> names) {
        if (names.equals(extraColumnNames)) {
            return;
        }
        table.getColumns().removeIf(c -> c.getUserData() instanceof Integer);
        for (int c = 0; c < names.size(); c++) {
            int col = c;
            String name = names.get(c);
            TableColumn<AgentRow, Number> t = number(DetailColumns.title(name),
                    r -> col < r.extra().length ? r.extra()[col] : Double.NaN, DetailColumns.format(name),
                    DetailColumns.help(name));
            t.setId("agent-column-" + name);
            t.setUserData(col);
            table.getColumns().add(t);
        }
        extraColumnNames = names;
    }

    private static TableColumn<AgentRow, Number> number(String title, Function<AgentRow, Double> f, String format,
                                                        String help) {
        TableColumn<AgentRow, Number> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(help));
        c.setGraphic(header);
        c.setText(null);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Double.isNaN(v.doubleValue()) ? "–"
                        : String.format(Locale.ROOT, format, v.doubleValue()));
            }
        });
        c.setComparator(Comparator.comparingDouble(Number::doubleValue));
        return c;
    }

    public TableView<AgentRow> table() {
        return table;
    }

    public String explanation() {
        return explain.getText();
    }
}
