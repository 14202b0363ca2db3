package org.econlab.ui.editor;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The scenario form's δ rows: how δ is given ({@link DeltaEdits.Form}: one number, uniform, log-normal, a table by
 * occupation or age band), that form's parameters, and one line of what it means for the workers' labour
 * elasticities. Writes through {@link DeltaEdits}; problems are marked at their field like every other. FX thread.
 */
final class DeltaChoice {

    private DeltaChoice() {
    }

    /** Adds the rows {@code row..row+2} to {@code g}. */
    static void rows(ScenarioDraft draft, Fields fields, GridPane g, int row) {
        DeltaEdits edits = new DeltaEdits(draft);
        ComboBox<DeltaEdits.Form> form = new ComboBox<>(FXCollections.observableArrayList(DeltaEdits.Form.values()));
        form.setId("delta-form-box");
        StringConverter<DeltaEdits.Form> names = new StringConverter<>() {
            @Override
            public String toString(DeltaEdits.Form f) {
                return f == null ? "" : f.label();
            }

            @Override
            public DeltaEdits.Form fromString(String s) {
                return null;
            }
        };
        form.setConverter(names);
        form.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(DeltaEdits.Form f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? "" : f.label());
            }
        });
        form.setMaxWidth(Double.MAX_VALUE);

        TextField number = numberField("delta-field", 8);
        fields.text(DeltaEdits.PATH, number, "3.5");
        HBox one = line(new Label("δ ="), number);
        TextField min = numberField("delta-min-field", 5);
        TextField max = numberField("delta-max-field", 5);
        fields.text(DeltaEdits.PATH + ".min", min, "");
        fields.text(DeltaEdits.PATH + ".max", max, "");
        HBox uniform = line(new Label("δ from"), min, new Label("to"), max);
        TextField median = numberField("delta-median-field", 5);
        TextField sigma = numberField("delta-sigma-field", 5);
        fields.text(DeltaEdits.PATH + ".median", median, "");
        fields.text(DeltaEdits.PATH + ".sigma", sigma, "");
        HBox lognormal = line(new Label("median δ"), median, new Label("log-sd σ"), sigma);
        TextField otherwise = numberField("delta-otherwise-field", 5);
        fields.text(DeltaEdits.PATH + ".otherwise", otherwise, "");
        Node table = table(draft, fields, edits);
        VBox tableBox = new VBox(4, table, line(new Label("δ of the others"), otherwise));
        List<Node> parts = List.of(one, uniform, lognormal, tableBox);

        Label meaning = new Label();
        meaning.setId("delta-meaning");
        meaning.setWrapText(true);
        meaning.getStyleClass().add("field-note");
        fields.register(DeltaEdits.PATH + ".dist", form, () -> {
            DeltaEdits.Form f = edits.form();
            form.setValue(f);
            Node shown = f == DeltaEdits.Form.NUMBER ? one : f == DeltaEdits.Form.UNIFORM ? uniform
                    : f == DeltaEdits.Form.LOGNORMAL ? lognormal : tableBox;
            for (Node p : parts) {
                p.setVisible(p == shown);
                p.setManaged(p == shown);
            }
            meaning.setText(edits.meaning());
        });
        form.setOnAction(e -> {
            if (!fields.refreshing()) {
                edits.choose(form.getValue());
            }
        });
        // the meaning follows validation too (a draft made valid again by another field)
        draft.scenarioProperty().addListener((o, a, b) -> meaning.setText(edits.meaning()));

        g.add(FormParts.label("Labour exponent δ", DeltaEdits.PATH), 0, row);
        g.add(form, 1, row, 2, 1);
        VBox params = new VBox(4, one, uniform, lognormal, tableBox);
        g.add(params, 0, row + 1, 3, 1);
        g.add(meaning, 0, row + 2, 3, 1);
    }

    private static TextField numberField(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        HBox.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private static HBox line(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Label l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        HBox h = new HBox(6, nodes);
        h.setPadding(new javafx.geometry.Insets(0, 0, 0, 16));
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    /** The δ table: one row per occupation or age band, δ editable (empty = the others' δ). */
    private static Node table(ScenarioDraft draft, Fields fields, DeltaEdits edits) {
        ObservableList<DeltaEdits.TableRow> rows = FXCollections.observableArrayList();
        TableView<DeltaEdits.TableRow> t = new TableView<>(rows);
        t.setId("delta-table");
        t.setEditable(true);
        t.setPrefHeight(160);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DeltaEdits.TableRow, String> key = new TableColumn<>("Occupation or age band");
        key.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        key.setSortable(false);
        key.setPrefWidth(200);
        TableColumn<DeltaEdits.TableRow, String> delta = new TableColumn<>("δ");
        delta.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().delta()));
        delta.setCellFactory(TextFieldTableCell.forTableColumn());
        delta.setOnEditCommit(e -> edits.setTableValue(e.getRowValue().key(), e.getNewValue()));
        delta.setSortable(false);
        delta.setMaxWidth(90);
        t.getColumns().add(key);
        t.getColumns().add(delta);
        t.setPlaceholder(new Label("Double-click a δ to set it"));
        fields.register(DeltaEdits.PATH + ".values", t, () -> {
            List<DeltaEdits.TableRow> now = edits.tableRows();
            if (!rows.equals(now)) {
                rows.setAll(now);
            }
            key.setText(edits.form() == DeltaEdits.Form.BY_AGE ? "Age band" : "Occupation");
        });
        return t;
    }
}
