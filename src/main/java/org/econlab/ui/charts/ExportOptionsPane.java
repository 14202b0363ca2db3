package org.econlab.ui.charts;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import org.econlab.report.ExportFormat;
import org.econlab.report.FigureSize;

import java.util.ArrayList;
import java.util.List;

/** The choices of an export: formats, PNG size in pixels and DPI. */
public final class ExportOptionsPane {

    private final GridPane root = new GridPane();
    private final List<CheckBox> formats = new ArrayList<>();
    private final Spinner<Integer> width = new Spinner<>(50, 20_000, FigureSize.DEFAULT.widthPx(), 100);
    private final Spinner<Integer> height = new Spinner<>(50, 20_000, FigureSize.DEFAULT.heightPx(), 100);
    private final Spinner<Integer> dpi = new Spinner<>(36, 2400, FigureSize.DEFAULT.dpi(), 25);

    public ExportOptionsPane() {
        HBox boxes = new HBox(10);
        for (ExportFormat f : ExportFormat.values()) {
            CheckBox c = new CheckBox(f.name());
            c.setId("export-format-" + f.extension());
            c.setSelected(true);
            formats.add(c);
            boxes.getChildren().add(c);
        }
        for (Spinner<Integer> s : List.of(width, height, dpi)) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        width.setId("export-width");
        height.setId("export-height");
        dpi.setId("export-dpi");
        root.setHgap(8);
        root.setVgap(6);
        root.setPadding(new Insets(6));
        root.addRow(0, new Label("Formats"), boxes);
        root.addRow(1, new Label("PNG size (px)"), new HBox(6, width, new Label("x"), height));
        root.addRow(2, new Label("DPI"), dpi);
    }

    public GridPane root() {
        return root;
    }

    public List<ExportFormat> formats() {
        List<ExportFormat> out = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            if (formats.get(i).isSelected()) {
                out.add(ExportFormat.values()[i]);
            }
        }
        return out;
    }

    public FigureSize size() {
        return new FigureSize(width.getValue(), height.getValue(), dpi.getValue());
    }
}
