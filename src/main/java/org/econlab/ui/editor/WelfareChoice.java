package org.econlab.ui.editor;


import com.google.gson.JsonObject;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import org.econlab.economy.WelfareFunction;
import org.econlab.ui.widgets.WelfareNames;


/** The scenario form's welfare function rows: the function, what it measures, and Atkinson's ε when chosen. */
final class WelfareChoice {

    private WelfareChoice() {
    }

    /**
     * The welfare function in force (rows {@code row..row+2}): a choice of {@link WelfareFunction.Kind}, one
     * sentence of what it measures, and the Atkinson inequality aversion when that function is chosen.
     */
    static void rows(ScenarioDraft draft, Fields fields, GridPane g, int row) {
        ComboBox<WelfareFunction.Kind> swf = new ComboBox<>(FXCollections.observableArrayList(WelfareFunction.Kind.values()));
        swf.setId("swf-box");
        swf.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WelfareFunction.Kind k) {
                return k == null ? "" : k.plainName();
            }

            @Override
            public WelfareFunction.Kind fromString(String s) {
                for (WelfareFunction.Kind k : WelfareFunction.Kind.values()) {
                    if (k.plainName().equals(s)) {
                        return k;
                    }
                }
                return WelfareFunction.Kind.byId(s).orElse(null);
            }
        });
        swf.setMaxWidth(Double.MAX_VALUE);
        swf.setTooltip(new Tooltip("The social welfare function the planner maximises and the charts report"));
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
            swf.getTooltip().setText(k == null ? "The social welfare function the planner maximises and the charts report"
                    : "The social welfare function the planner maximises and the charts report.\n" + WelfareNames.help(k));
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
                JsonObject u = DraftJson.obj(o, "utility");
                u.addProperty("swf", k.id());
                if (k != WelfareFunction.Kind.ATKINSON) {
                    u.remove("atkinsonEpsilon");
                }
            });
        });
        // Readable names in the box and the list; each one's id (as scenario files spell it) in its tooltip.
        swf.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(WelfareFunction.Kind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? "" : k.plainName());
            }
        });
        swf.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(WelfareFunction.Kind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? "" : k.plainName());
                setTooltip(empty || k == null ? null : new Tooltip(WelfareNames.help(k)));
            }
        });
        g.add(new Label("Welfare function"), 0, row);
        g.add(swf, 1, row, 2, 1);
        g.add(meaning, 0, row + 1, 3, 1);
        g.addRow(row + 2, epsilonLabel, epsilon);
    }
}
