package org.econlab.ui.editor;

import org.econlab.ui.widgets.Dialogs;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.econlab.population.CensusRaking;
import org.econlab.population.CensusRaking.Margin;
import org.econlab.population.CensusTable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The persona distribution, edited like a distribution. The Marginals tab has a slider and a percentage per age
 * band, sex and occupation group: changing one share re-scales the other shares of that margin to keep 100%, then
 * re-rakes the joint occupation x sex x age table to the new marginals by iterative proportional fitting
 * ({@link CensusRaking}), holding the other margins. Presets start from the census, the under-35s, the 55-and-overs,
 * one occupation group, equal sexes or equal ages. The Joint table tab keeps cell-by-cell editing with zero and
 * scale tools for a selection. Enter commits a cell or a share and never closes the dialog. Returns the edited
 * table, or nothing on Cancel. FX thread.
 */
public final class CensusEditor {

    /** A mutable row of the joint table while editing. */
    public static final class EditRow {
        String occupation;
        String sex;
        final double[] weights;

        EditRow(CensusTable.Row r) {
            occupation = r.occupation();
            sex = r.sex();
            weights = r.weights();
        }

        double total() {
            double t = 0;
            for (double w : weights) {
                t += w;
            }
            return t;
        }
    }

    private final ObservableList<EditRow> rows = FXCollections.observableArrayList();
    private final TableView<EditRow> view = new TableView<>(rows);
    private final Label totals = new Label();
    private final Label status = new Label();
    private final Map<Margin, List<Slider>> sliders = new EnumMap<>(Margin.class);
    private final Map<Margin, List<TextField>> fields = new EnumMap<>(Margin.class);
    private final Window owner;
    private final List<String> css;
    private boolean refreshing;

    private CensusEditor(Window owner, List<String> css) {
        this.owner = owner;
        this.css = css;
    }

    public static Optional<CensusTable> show(Window owner, CensusTable table, List<String> stylesheets) {
        return new CensusEditor(owner, stylesheets).dialog(table).showAndWait();
    }

    /** Builds the dialog for {@code table} (tests drive it without showing it modally). */
    public Dialog<CensusTable> dialog(CensusTable table) {
        load(table);
        view.setId("census-table");
        view.setEditable(true);
        view.getSelectionModel().setCellSelectionEnabled(true);
        view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<EditRow, String> occ = new TableColumn<>("Occupation");
        occ.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().occupation));
        occ.setCellFactory(TextFieldTableCell.forTableColumn());
        occ.setOnEditCommit(e -> e.getRowValue().occupation = e.getNewValue().trim());
        occ.setPrefWidth(240);
        TableColumn<EditRow, String> sex = new TableColumn<>("Sex");
        sex.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sex));
        sex.setCellFactory(TextFieldTableCell.forTableColumn());
        sex.setOnEditCommit(e -> e.getRowValue().sex = e.getNewValue().trim());
        view.getColumns().add(occ);
        view.getColumns().add(sex);
        for (int a = 0; a < CensusTable.AGE_BANDS.size(); a++) {
            int band = a;
            TableColumn<EditRow, String> c = new TableColumn<>(CensusTable.AGE_BANDS.get(a));
            c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(Fields.number(x.getValue().weights[band])));
            c.setCellFactory(TextFieldTableCell.forTableColumn());
            c.setOnEditCommit(e -> {
                try {
                    double v = Double.parseDouble(e.getNewValue().trim().replace(",", ""));
                    if (v >= 0 && Double.isFinite(v)) {
                        e.getRowValue().weights[band] = v;
                    }
                } catch (NumberFormatException ignored) {
                    // keep the old weight; the cell shows it again
                }
                changed();
            });
            c.setPrefWidth(68);
            view.getColumns().add(c);
        }
        TableColumn<EditRow, String> total = new TableColumn<>("Total");
        total.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%,.1f", x.getValue().total())));
        view.getColumns().add(total);

        Button normalise = new Button("Normalise to 100");
        normalise.setId("normalise-census-button");
        normalise.setTooltip(new Tooltip("Weights become percentages of the total (the mix is unchanged)"));
        normalise.setOnAction(e -> {
            double all = rows.stream().mapToDouble(EditRow::total).sum();
            if (all > 0) {
                for (EditRow r : rows) {
                    for (int a = 0; a < r.weights.length; a++) {
                        r.weights[a] = Math.round(r.weights[a] / all * 100 * 1e4) / 1e4;
                    }
                }
            }
            changed();
        });
        Button zero = new Button("Zero selected cells");
        zero.setId("zero-cells-button");
        zero.setOnAction(e -> scaleSelected(0));
        TextField factor = new TextField("2");
        factor.setPrefColumnCount(4);
        Button scale = new Button("Scale selected ×");
        scale.setId("scale-cells-button");
        scale.setOnAction(e -> {
            try {
                double k = Double.parseDouble(factor.getText().trim());
                if (k >= 0 && Double.isFinite(k)) {
                    scaleSelected(k);
                }
            } catch (NumberFormatException ex) {
                status.setText("The factor must be a number, e.g. 2 or 0.5");
            }
        });
        Label hint = new Label("Select cells (Shift/Ctrl-click, or click a column header cell and drag) to zero or scale them.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox joint = new VBox(8, view, new HBox(8, zero, scale, factor), hint);
        VBox.setVgrow(view, Priority.ALWAYS);
        joint.setPadding(new Insets(8));

        HBox margins = new HBox(16, marginEditor(Margin.AGE), marginEditor(Margin.SEX), marginEditor(Margin.OCCUPATION));
        margins.setPadding(new Insets(8));
        ScrollPane marginScroll = new ScrollPane(margins);
        marginScroll.setFitToWidth(true);
        TabPane tabs = new TabPane(new Tab("Marginals", marginScroll), new Tab("Joint table", joint));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        MenuButton presets = presets();
        status.setId("census-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        HBox top = new HBox(10, presets, normalise, status);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        changed();

        Dialog<CensusTable> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Persona distribution");
        dialog.setHeaderText("Who the personas are: occupation group × sex × age band (personas are drawn in proportion)");
        dialog.getDialogPane().getStylesheets().addAll(css);
        totals.setWrapText(true);
        totals.getStyleClass().add("hint");
        dialog.getDialogPane().setContent(new VBox(8, top, tabs, totals));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // Enter commits the cell or share being typed; it never closes the dialog.
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        dialog.getDialogPane().setPrefSize(980, 620);
        dialog.getDialogPane().setId("census-dialog");
        dialog.setResizable(true);
        dialog.setResultConverter(b -> {
            if (b.getButtonData() != ButtonBar.ButtonData.OK_DONE) {
                return null;
            }
            try {
                return current();
            } catch (IllegalArgumentException ex) {
                Dialogs.error(owner, css, "The persona table was not applied", ex.getMessage());
                return null;
            }
        });
        return dialog;
    }

    private MenuButton presets() {
        MenuButton m = new MenuButton("Presets");
        m.setId("census-presets");
        MenuItem census = new MenuItem("Census (CPS 2024)");
        census.setOnAction(e -> apply(CensusTable.bundled(), "The bundled CPS 2024 table."));
        MenuItem young = new MenuItem("All under 35");
        young.setId("preset-under-35");
        young.setOnAction(e -> apply(CensusRaking.keepAges(current(), 0, 2), "Only the under-35 cells: their own mix of"
                + " occupations and sexes."));
        MenuItem old = new MenuItem("All 55 and over");
        old.setOnAction(e -> apply(CensusRaking.keepAges(current(), 5, 7), "Only the 55-and-over cells."));
        MenuItem sexes = new MenuItem("Equal sexes");
        sexes.setOnAction(e -> rake(Map.of(Margin.SEX, CensusRaking.equalShares(current(), Margin.SEX)), "Equal sexes"));
        MenuItem ages = new MenuItem("Equal age bands");
        ages.setOnAction(e -> rake(Map.of(Margin.AGE, CensusRaking.equalShares(current(), Margin.AGE)), "Equal age bands"));
        javafx.scene.control.Menu one = new javafx.scene.control.Menu("One occupation group");
        for (String o : CensusRaking.categories(current(), Margin.OCCUPATION)) {
            MenuItem item = new MenuItem(o);
            item.setOnAction(e -> apply(CensusRaking.keepOccupation(current(), o), "Only " + o + "."));
            one.getItems().add(item);
        }
        m.getItems().addAll(census, young, old, sexes, ages, one);
        return m;
    }

    /** One margin: a slider and a percentage per category. */
    private Node marginEditor(Margin m) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(3);
        Label title = new Label(m.label() + " (%)");
        title.getStyleClass().add("help-term");
        g.add(title, 0, 0, 3, 1);
        List<String> cats = CensusRaking.categories(current(), m);
        List<Slider> ss = new ArrayList<>();
        List<TextField> fs = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            int category = i;
            Label name = new Label(cats.get(i));
            name.setMaxWidth(m == Margin.OCCUPATION ? 230 : Region.USE_PREF_SIZE);
            // short names (age bands, sexes) are never cut; a long occupation keeps 140 px and its tooltip
            name.setMinWidth(m == Margin.OCCUPATION ? Math.min(140, name.prefWidth(-1)) : Region.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(cats.get(i)));
            Slider s = new Slider(0, 100, 0);
            s.setPrefWidth(m == Margin.OCCUPATION ? 110 : 130);
            s.setId("slider-" + m + "-" + i);
            TextField f = new TextField();
            f.setId("share-" + m + "-" + i);
            f.setPrefColumnCount(4);
            f.setOnAction(e -> commitText(m, category, f));
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    commitText(m, category, f);
                }
            });
            s.valueChangingProperty().addListener((o, was, now) -> {
                if (!now && !refreshing) {
                    setShare(m, category, s.getValue());
                }
            });
            s.setOnMouseReleased(e -> {
                if (!refreshing) {
                    setShare(m, category, s.getValue());
                }
            });
            g.addRow(i + 1, name, s, f);
            ss.add(s);
            fs.add(f);
        }
        sliders.put(m, ss);
        fields.put(m, fs);
        return g;
    }

    private void commitText(Margin m, int i, TextField f) {
        if (refreshing) {
            return;
        }
        try {
            double v = Double.parseDouble(f.getText().trim().replace("%", ""));
            double shown = CensusRaking.shares(current(), m)[i];
            if (Math.abs(v - shown) > 0.05) {
                setShare(m, i, v);
            }
        } catch (NumberFormatException e) {
            status.setText("A share is a percentage, e.g. 12.5");
            changed();
        }
    }

    /**
     * Sets category {@code i} of margin {@code m} to {@code percent}: the margin's other shares are scaled to keep
     * 100%, and the joint table is re-raked to the new margin, holding the other two.
     */
    public void setShare(Margin m, int i, double percent) {
        CensusTable t = current();
        double[] cur = CensusRaking.shares(t, m);
        double v = Math.max(0, Math.min(100, percent));
        double rest = 100 - cur[i];
        double newRest = 100 - v;
        int others = cur.length - 1;
        for (int k = 0; k < cur.length; k++) {
            if (k != i) {
                cur[k] = rest > 1e-9 ? cur[k] * newRest / rest : newRest / others;
            }
        }
        cur[i] = v;
        rake(Map.of(m, cur), String.format(Locale.ROOT, "%s \"%s\" set to %.1f%%", m.label(),
                CensusRaking.categories(t, m).get(i), v));
    }

    private void rake(Map<Margin, double[]> targets, String what) {
        try {
            CensusTable raked = CensusRaking.rake(current(), targets, CensusRaking.TOLERANCE_PP);
            load(raked);
            changed();
            status.setText(what + ": the table was re-raked (iterative proportional fitting); every margin is within "
                    + CensusRaking.TOLERANCE_PP + " points of its target.");
        } catch (IllegalArgumentException e) {
            changed();
            status.setText("Not applied: " + e.getMessage());
        }
    }

    private void apply(CensusTable t, String what) {
        load(t);
        changed();
        status.setText(what);
    }

    private void scaleSelected(double k) {
        List<TablePosition> cells = new ArrayList<>(view.getSelectionModel().getSelectedCells());
        int n = 0;
        for (TablePosition<?, ?> p : cells) {
            int col = p.getColumn() - 2;
            if (col >= 0 && col < CensusTable.AGE_BANDS.size() && p.getRow() >= 0 && p.getRow() < rows.size()) {
                rows.get(p.getRow()).weights[col] *= k;
                n++;
            }
        }
        status.setText(n == 0 ? "Select weight cells first." : (k == 0 ? "Zeroed " : "Scaled ") + n + " cells"
                + (k == 0 ? "." : " by " + Fields.number(k) + "."));
        changed();
    }

    /** The table being edited. */
    public CensusTable current() {
        List<CensusTable.Row> out = new ArrayList<>();
        for (EditRow r : rows) {
            out.add(new CensusTable.Row(r.occupation, r.sex, r.weights));
        }
        return new CensusTable(out);
    }

    private void load(CensusTable t) {
        List<EditRow> list = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            list.add(new EditRow(r));
        }
        rows.setAll(list);
    }

    /** Refreshes totals and the marginal editors from the joint table. */
    private void changed() {
        view.refresh();
        CensusTable t;
        try {
            t = current();
        } catch (IllegalArgumentException e) {
            totals.setText(e.getMessage());
            return;
        }
        double[] age = CensusRaking.shares(t, Margin.AGE);
        // the weights' sum means nothing to a class (only proportions draw personas): it goes to the tooltip
        totals.setTooltip(new Tooltip(String.format(Locale.ROOT, "The table's weights sum to %,.1f; only their"
                + " proportions matter: personas are drawn in proportion to them.", t.totalWeight())));
        StringBuilder sb = new StringBuilder("Personas by age: ");
        for (int a = 0; a < age.length; a++) {
            sb.append(CensusTable.AGE_BANDS.get(a)).append(' ').append(String.format(Locale.ROOT, "%.1f%%", age[a])).append("  ");
        }
        totals.setText(sb.toString());
        refreshing = true;
        try {
            for (Margin m : Margin.values()) {
                double[] s = CensusRaking.shares(t, m);
                List<Slider> ss = sliders.get(m);
                List<TextField> fs = fields.get(m);
                if (ss == null) {
                    continue;
                }
                for (int i = 0; i < s.length && i < ss.size(); i++) {
                    ss.get(i).setValue(s[i]);
                    fs.get(i).setText(String.format(Locale.ROOT, "%.1f", s[i]));
                }
            }
        } finally {
            refreshing = false;
        }
    }

    /** For tests: the margin editors' text field of a category. */
    public static String shareId(Margin m, int i) {
        return "share-" + m + "-" + i;
    }
}
