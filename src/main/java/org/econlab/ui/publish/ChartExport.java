package org.econlab.ui.publish;

import javafx.concurrent.Task;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;

import org.econlab.report.ChartData;
import org.econlab.report.ChartStyle;
import org.econlab.report.ExportFormat;
import org.econlab.report.Figure;
import org.econlab.report.FigureExporter;
import org.econlab.report.FigureSize;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * "Export this chart…" on any chart of the window: PNG at a chosen size and DPI, SVG and PDF as vector
 * files, and CSV of exactly the data drawn. The figure is a publication-styled copy of the chart (white
 * background, whatever the window's theme); the data is read on the FX thread, the files are written in
 * the background.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /** Adds the export item to the chart viewer's context menu; {@code name} is the file stem. */
    public static void install(ChartViewer viewer, String name) {
        MenuItem item = new MenuItem("Export this chart (PNG, SVG, PDF, CSV)…");
        item.setOnAction(e -> ask(viewer, name));
        if (viewer.getContextMenu() != null) {
            viewer.getContextMenu().getItems().add(item);
        }
    }

    private static void ask(ChartViewer viewer, String name) {
        ExportOptionsPane options = new ExportOptionsPane();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export " + name);
        dialog.getDialogPane().setContent(options.root());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (viewer.getScene() != null) {
            dialog.initOwner(viewer.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(viewer.getScene().getStylesheets());
        }
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for " + name);
        File dir = chooser.showDialog(viewer.getScene() == null ? null : viewer.getScene().getWindow());
        if (dir != null) {
            export(viewer.getChart(), name, dir.toPath(), options.formats(), options.size(), files -> { });
        }
    }

    /**
     * Exports {@code chart} (as a publication-styled copy) into {@code dir}. Call on the FX thread; the
     * writing happens in the background and {@code done} gets the files on the FX thread.
     */
    public static void export(JFreeChart chart, String name, Path dir, List<ExportFormat> formats, FigureSize size,
                              java.util.function.Consumer<List<Path>> done) {
        Figure figure = ChartData.figureOf(name, publicationCopy(chart));
        BackgroundWork.submit(new Task<List<Path>>() {
            {
                updateTitle("Exporting " + name);
            }

            @Override
            protected List<Path> call() throws Exception {
                return FigureExporter.write(figure, dir, formats, size);
            }
        }, done);
    }

    /** A light-themed copy for export; the chart itself when it cannot be copied. */
    static JFreeChart publicationCopy(JFreeChart chart) {
        try {
            return ChartStyle.apply((JFreeChart) chart.clone());
        } catch (CloneNotSupportedException | RuntimeException e) {
            return chart;
        }
    }
}
