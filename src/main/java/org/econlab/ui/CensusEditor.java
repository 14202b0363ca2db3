package org.econlab.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.econlab.population.CensusTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The persona table editor: occupation x sex rows, one weight per age band, with row and column
 * totals, "Normalise" (weights become percentages of the total) and "Reset to census" (the bundled
 * CPS 2024 table). Returns the edited table, or nothing on Cancel.
 */
final class CensusEditor {

    /** A mutable row while editing. */
    static final class EditRow {
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

    private CensusEditor() {
    }

    static Optional<CensusTable> show(Window owner, CensusTable table, List<String> stylesheets) {
        ObservableList<EditRow> rows = FXCollections.observableArrayList();
        load(rows, table);
        TableView<EditRow> view = new TableView<>(rows);
        view.setId("census-table");
        view.setEditable(true);
        Label totals = new Label();
        Runnable refreshTotals = () -> {
            double[] col = new double[CensusTable.AGE_BANDS.size()];
            double all = 0;
            for (EditRow r : rows) {
                for (int a = 0; a < col.length; a++) {
                    col[a] += r.weights[a];
                    all += r.weights[a];
                }
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Total %,.1f  ·  by age: ", all));
            for (int a = 0; a < col.length; a++) {
                sb.append(CensusTable.AGE_BANDS.get(a)).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f%%", all > 0 ? 100 * col[a] / all : 0)).append("  ");
            }
            totals.setText(sb.toString());
            view.refresh();
        };
        TableColumn<EditRow, String> occ = new TableColumn<>("Occupation");
        occ.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().occupation));
        occ.setCellFactory(TextFieldTableCell.forTableColumn());
        occ.setOnEditCommit(e -> e.getRowValue().occupation = e.getNewValue().trim());
        occ.setPrefWidth(260);
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
                    double v = Double.parseDouble(e.getNewValue().trim());
                    if (v >= 0 && Double.isFinite(v)) {
                        e.getRowValue().weights[band] = v;
                    }
                } catch (NumberFormatException ignored) {
                    // keep the old weight; the cell shows it again
                }
                refreshTotals.run();
            });
            c.setPrefWidth(70);
            view.getColumns().add(c);
        }
        TableColumn<EditRow, String> total = new TableColumn<>("Total");
        total.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, "%,.1f", x.getValue().total())));
        view.getColumns().add(total);

        Button normalise = new Button("Normalise to 100");
        normalise.setId("normalise-census-button");
        normalise.setOnAction(e -> {
            double all = rows.stream().mapToDouble(EditRow::total).sum();
            if (all > 0) {
                for (EditRow r : rows) {
                    for (int a = 0; a < r.weights.length; a++) {
                        r.weights[a] = Math.round(r.weights[a] / all * 100 * 1e4) / 1e4;
                    }
                }
            }
            refreshTotals.run();
        });
        Button reset = new Button("Reset to census");
        reset.setId("reset-census-button");
        reset.setOnAction(e -> {
            load(rows, CensusTable.bundled());
            refreshTotals.run();
        });
        refreshTotals.run();

        Dialog<CensusTable> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Persona table");
        dialog.setHeaderText("Employed persons by occupation × sex × age band (weights; personas are drawn in proportion)");
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.getDialogPane().setContent(new VBox(8, view, totals, new HBox(8, normalise, reset)));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefSize(1000, 560);
        dialog.getDialogPane().setId("census-dialog");
        dialog.setResizable(true);
        dialog.setResultConverter(b -> {
            if (b.getButtonData() != ButtonBar.ButtonData.OK_DONE) {
                return null;
            }
            List<CensusTable.Row> out = new ArrayList<>();
            for (EditRow r : rows) {
                out.add(new CensusTable.Row(r.occupation, r.sex, r.weights));
            }
            try {
                return new CensusTable(out);
            } catch (IllegalArgumentException ex) {
                Dialogs.error(owner, stylesheets, "The persona table was not applied", ex.getMessage());
                return null;
            }
        });
        return dialog.showAndWait();
    }

    private static void load(ObservableList<EditRow> rows, CensusTable t) {
        List<EditRow> list = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            list.add(new EditRow(r));
        }
        rows.setAll(list);
    }
}
