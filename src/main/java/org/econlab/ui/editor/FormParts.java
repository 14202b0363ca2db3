package org.econlab.ui.editor;

import org.econlab.ui.widgets.Numbers;
import org.econlab.ui.widgets.FieldHelp;


import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;



/** The editor forms' layout: titled sections, two-column grids, labelled fields with their help as tooltip. */
final class FormParts {

    private FormParts() {
    }

    static TitledPane section(String title, Node content, boolean expanded) {
        TitledPane p = new TitledPane(title, content);
        p.setExpanded(expanded);
        p.setAnimated(false);
        return p;
    }

    static GridPane grid() {
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

    static TextField field(Fields fields, GridPane g, int row, String label, String path, String fallback, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        fields.text(path, f, fallback);
        g.addRow(row, label(label, path), f);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    /** A GB2 parameter shown to 4 significant digits (the stored value keeps its precision until edited). */
    static TextField gb2Field(Fields fields, GridPane g, int row, String label, String path, double fallback, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(10);
        fields.text(path, f, Numbers.significant(fallback, 4), v -> Numbers.significant(v, 4));
        g.addRow(row, label(label, path), f);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    /** A field label with the field's meaning as its tooltip. */
    static Label label(String text, String path) {
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
}
