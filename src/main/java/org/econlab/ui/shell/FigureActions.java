package org.econlab.ui.shell;

import org.econlab.ui.widgets.Dialogs;
import org.econlab.ui.run.RunViewModel;

import javafx.concurrent.Task;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import org.econlab.report.ExportFormat;
import org.econlab.report.FigureSize;
import org.econlab.report.RecordedSteps;
import org.econlab.report.RunData;
import org.econlab.report.RunExport;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.widgets.BackgroundWork;
import org.econlab.ui.publish.PublishWindow;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The lab window's Figures menu: export every figure of the current run, show a saved run in the live
 * charts, and open the runs/comparisons/sweeps window. Reading and writing happen in the background;
 * everything else on the FX thread.
 */
public final class FigureActions {

    private final RunViewModel model;
    private final Supplier<Window> window;
    private final Supplier<List<String>> stylesheets;
    private PublishWindow publishWindow;

    /** The folder of the last finished export (for tests). */
    public volatile Path exportedTo;

    public FigureActions(RunViewModel model, Supplier<Window> window, Supplier<List<String>> stylesheets) {
        this.model = model;
        this.window = window;
        this.stylesheets = stylesheets;
    }

    /** Exports every figure of the current (or last) run's record, with captions, into a chosen folder. */
    public void exportRunFigures() {
        Path record = model.lastRecord();
        if (record == null || !Files.isRegularFile(record.resolve("steps.csv"))) {
            Dialogs.error(window.get(), stylesheets.get(), "Nothing to export yet", "Play or step a run first; its"
                    + " figures are drawn from the run record, which is written as the run goes.");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the figures of " + record.getFileName());
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            exportRunFiguresTo(record, dir.toPath());
        }
    }

    /** Exports the figures of {@code record} into {@code dir} in the background (PNG, SVG, PDF, CSV). */
    public void exportRunFiguresTo(Path record, Path dir) {
        BackgroundWork.submit(new Task<List<Path>>() {
            {
                updateTitle("Exporting figures");
            }

            @Override
            protected List<Path> call() throws Exception {
                return RunExport.exportAll(List.of(RunData.read(record)), dir, List.of(ExportFormat.values()),
                        FigureSize.DEFAULT);
            }
        }, files -> exportedTo = dir);
    }

    public void showRecordWithChooser() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A run record folder (with manifest.json and steps.csv)");
        if (Files.isDirectory(model.runsDirectory())) {
            chooser.setInitialDirectory(model.runsDirectory().toFile());
        }
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            showRecord(dir.toPath());
        }
    }

    /** Reads a run record in the background and shows it in the live charts. */
    public void showRecord(Path record) {
        BackgroundWork.submit(new Task<RunData>() {
            {
                updateTitle("Opening the run record");
            }

            @Override
            protected RunData call() {
                return RunData.read(record);
            }
        }, run -> {
            try {
                Scenario recorded = ScenarioCodec.fromJson(run.manifest().getAsJsonObject("scenario"));
                model.showRecord(recorded, RecordedSteps.of(run), record);
            } catch (RuntimeException e) {
                Dialogs.error(window.get(), stylesheets.get(), "Cannot show " + record.getFileName(),
                        BackgroundWork.explain(e));
            }
        });
    }

    public void openPublishWindow() {
        if (publishWindow == null) {
            publishWindow = new PublishWindow(model.runsDirectory());
        }
        publishWindow.stage().getScene().getStylesheets().setAll(stylesheets.get());
        publishWindow.show(window.get());
    }
}
