package org.econlab.ui.agents;

import org.econlab.ui.run.AgentProbe;
import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.run.RunViewModel;

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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Agents tab: a sortable table of up to 1,000 workers that explains each choice (the marginal rate it faces,
 * its exact best response beside its hours, its net tax rate and, for persona workers, its tolerance), a line
 * that says it in words for the selected worker, its history (from step 0 in runs small enough to keep every
 * worker's, see {@link AgentProbe#FULL_HISTORY_CELLS}), the post- vs pre-tax scatter and, for an LLM worker, its
 * last prompt and reply. FX thread.
 */
public final class AgentsView {

    /** One worker of the sample, for the sortable table. */
    public record AgentRow(int agent, String persona, double skill, double hours, double best, double marginal, double income,
                    double tax, double postTax, double netRate, double tolerance, double utility, double[] extra) {
    }

    private final RunViewModel model;
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList();
    private final TableView<AgentRow> table = new TableView<>(rows);
    private final Label info = new Label("Play or step a run to see its workers.");
    private final Label explain = new Label();
    private final TextArea exchange = new TextArea();
    private final SplitPane root;
    private List<String> extraColumnNames = List.of();
    private AgentProbe.Page shownPage;
    private AgentProbe.History shownHistory;

    public AgentsView(RunViewModel model, ChartPane prePost, ChartPane history) {
        this.model = model;
        table.setId("agent-table");
        table.getColumns().add(number("Worker", r -> (double) r.agent(), "%.0f", "The worker's index"));
        TableColumn<AgentRow, String> persona = new TableColumn<>("Persona");
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
        table.getColumns().add(number("Post-tax", AgentRow::postTax, "$%,.0f", "Income − tax + rebate, $/yr"));
        table.getColumns().add(number("Net tax %", AgentRow::netRate, "%.1f",
                "(tax − rebate) / income: what the worker pays net of the rebate, percent of its income"));
        table.getColumns().add(number("Tolerance %", AgentRow::tolerance, "%.1f",
                "Persona workers: the net tax rate beyond which the persona is dissatisfied (r = 0.5)"));
        table.getColumns().add(number("Utility", AgentRow::utility, "%,.0f", "u = post-tax income − c · hours^δ"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.probe().select(r.agent());
                model.refreshAgentsNow();
                explain(r);
            }
        });
        table.setPlaceholder(new Label("No workers yet"));
        info.getStyleClass().add("hint");
        explain.setId("agent-explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("agent-explain");
        TextField from = new TextField();
        from.setId("agent-from-field");
        from.setPromptText("sample");
        from.setPrefColumnCount(7);
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

    /** The agent table refreshes at most this often while a run plays. */
    static final long REFRESH_NANOS = 1_000_000_000L;
    private long lastRefresh;

    /**
     * Once per frame: while the tab is on screen, asks the run for a fresh copy of the workers at most once a second
     * and shows the newest page and the selected worker's history in the table and {@code charts}.
     */
    public void refresh(long now, boolean onScreen, org.econlab.ui.charts.LiveCharts charts) {
        AgentProbe probe = model.probe();
        if (onScreen && now - lastRefresh > REFRESH_NANOS) {
            lastRefresh = now;
            probe.request();
        }
        if (!onScreen) {
            return;
        }
        AgentProbe.Page page = probe.page();
        if (showPage(page)) {
            charts.agents(page);
        }
        AgentProbe.History h = newHistory(probe.history());
        if (h != null) {
            charts.history(h);
        }
    }

    public Node root() {
        return root;
    }

    public void reset() {
        rows.clear();
        shownPage = null;
        shownHistory = null;
        info.setText("Play or step a run to see its workers.");
        explain.setText("");
    }

    /** Shows a new page of workers if one arrived; returns true when the page changed. */
    public boolean showPage(AgentProbe.Page page) {
        if (page == null || page == shownPage) {
            return false;
        }
        shownPage = page;
        List<AgentRow> list = new ArrayList<>(page.size());
        for (int k = 0; k < page.size(); k++) {
            double[] extra = new double[page.extraNames().size()];
            for (int c = 0; c < extra.length; c++) {
                extra[c] = page.extra()[c][k];
            }
            list.add(new AgentRow(page.index()[k], page.persona()[k], page.skill()[k], page.hours()[k],
                    page.bestResponse()[k], page.marginal()[k], page.income()[k], page.tax()[k], page.postTax()[k],
                    page.netRate()[k], page.tolerance()[k], page.utility()[k], extra));
        }
        extraColumns(page.extraNames());
        showExchange(page);
        AgentRow selected = table.getSelectionModel().getSelectedItem();
        rows.setAll(list);
        table.sort();
        if (selected != null) {
            for (AgentRow r : rows) {
                if (r.agent() == selected.agent()) {
                    table.getSelectionModel().select(r);
                    explain(r);
                    break;
                }
            }
        }
        info.setText(String.format(Locale.ROOT,
                "Step %d · %,d of %,d workers%s · click a column to sort, a row to follow the worker",
                page.step() + 1, page.size(), page.populationSize(),
                page.contiguous() ? String.format(Locale.ROOT, " (#%,d to #%,d)", page.index()[0],
                        page.index()[page.size() - 1]) : page.size() < page.populationSize() ? " (evenly spaced sample)" : ""));
        return true;
    }

    /** The selected worker's choice in words. */
    private void explain(AgentRow r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Worker #").append(r.agent());
        if (!r.persona().isEmpty()) {
            sb.append(" (").append(r.persona()).append(')');
        }
        sb.append(String.format(Locale.ROOT, " earns $%,.0f per weekly hour", r.skill()))
                .append(DetailColumns.ownDelta(extraColumnNames, r.extra()))
                .append(String.format(Locale.ROOT, ". It works %.0f h/week", r.hours()));
        if (!Double.isNaN(r.best())) {
            double gap = r.hours() - r.best();
            sb.append(String.format(Locale.ROOT, "; its best response is %.0f h (%s)", r.best(),
                    Math.abs(gap) < 0.5 ? "it plays it" : gap > 0 ? String.format(Locale.ROOT, "%.0f h more", gap)
                            : String.format(Locale.ROOT, "%.0f h less", -gap)));
        }
        sb.append(String.format(Locale.ROOT, ". At $%,.0f a year it faces a marginal rate of %.0f%%; net of the rebate it"
                + " pays %.1f%% of its income", r.income(), r.marginal(), r.netRate()));
        if (!Double.isNaN(r.tolerance())) {
            sb.append(String.format(Locale.ROOT, ", against a tolerance of %.1f%%: %s", r.tolerance(),
                    r.netRate() <= r.tolerance() ? "satisfied (r = 1)" : "dissatisfied (r = 0.5)"));
        }
        sb.append('.');
        explain.setText(sb.toString());
    }

    /** Shows the selected worker's history if a new one arrived. */
    public AgentProbe.History newHistory(AgentProbe.History h) {
        if (h == null || h == shownHistory) {
            return null;
        }
        shownHistory = h;
        return h;
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

    /** The selected LLM agent's last prompt and reply, when its policy talks to an LLM. */
    private void showExchange(AgentProbe.Page page) {
        AgentRow sel = table.getSelectionModel().getSelectedItem();
        String text = page.exchange();
        boolean show = text != null && sel != null && sel.agent() == page.exchangeAgent();
        if (show) {
            String head = "Agent " + page.exchangeAgent() + ", last LLM exchange (step " + (page.step() + 1) + "):\n\n";
            if (!exchange.getText().equals(head + text)) {
                exchange.setText(head + text);
            }
        }
        exchange.setVisible(show);
        exchange.setManaged(show);
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
