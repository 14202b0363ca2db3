package org.econlab.ui.charts;

import org.econlab.ui.widgets.BackgroundWork;
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
import java.util.function.Supplier;

/**
 * "Export this chart…" on any chart of the window: PNG at a chosen size and DPI, SVG and PDF as vector
 * files, and CSV of exactly the data drawn. The figure is a publication-styled copy of the chart (white
 * background and publication fonts whatever the window's theme) whose lines keep the colours and dashes they
 * have on screen and in the legend ({@link ChartStyle#publish}); the data is read on the FX thread, the files
 * are written in the background.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /** Adds the export item to the chart viewer's context menu; {@code name} is the file stem. */
    public static void install(ChartViewer viewer, String name) {
        install(viewer, name, () -> publicationCopy(viewer.getChart()));
    }

    /**
     * Adds the export item; {@code copy} makes the figure to write (called on the FX thread at export time), for
     * charts whose on-screen look differs from their exported one.
     */
    public static void install(ChartViewer viewer, String name, Supplier<JFreeChart> copy) {
        MenuItem item = new MenuItem("Export this chart (PNG, SVG, PDF, CSV)…");
        item.setOnAction(e -> ask(viewer, name, copy));
        if (viewer.getContextMenu() != null) {
            viewer.getContextMenu().getItems().add(item);
        }
    }

    private static void ask(ChartViewer viewer, String name, Supplier<JFreeChart> copy) {
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
            exportFigure(copy.get(), name, dir.toPath(), options.formats(), options.size(), files -> { });
        }
    }

    /**
     * Exports {@code chart} (as a publication-styled copy) into {@code dir}. Call on the FX thread; the
     * writing happens in the background and {@code done} gets the files on the FX thread.
     */
    public static void export(JFreeChart chart, String name, Path dir, List<ExportFormat> formats, FigureSize size,
                              java.util.function.Consumer<List<Path>> done) {
        exportFigure(publicationCopy(chart), name, dir, formats, size, done);
    }

    /** Exports an already publication-styled chart {@code figureChart} (which this call takes over). */
    public static void exportFigure(JFreeChart figureChart, String name, Path dir, List<ExportFormat> formats,
                                    FigureSize size, java.util.function.Consumer<List<Path>> done) {
        Figure figure = ChartData.figureOf(name, figureChart);
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

    /** A light-themed copy for export, keeping every line's colour and dash. */
    public static JFreeChart publicationCopy(JFreeChart chart) {
        try {
            return ChartStyle.publish((JFreeChart) chart.clone(), 1f);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("chart cannot be copied for export", e);
        }
    }
}
