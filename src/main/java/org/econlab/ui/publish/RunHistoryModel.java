package org.econlab.ui.publish;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run history: every run record folder under one runs directory, newest first. The scan reads only
 * manifests; call {@link #scan()} off the FX thread and {@link #show(List)} on it.
 */
public final class RunHistoryModel {

    private final Path runsDirectory;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();

    public RunHistoryModel(Path runsDirectory) {
        this.runsDirectory = runsDirectory;
    }

    public Path runsDirectory() {
        return runsDirectory;
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** Reads the manifests of all record folders (any thread). */
    public List<RunSummary> scan() throws IOException {
        if (!Files.isDirectory(runsDirectory)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runsDirectory)) {
            return dirs.filter(Files::isDirectory).map(RunSummary::read).flatMap(java.util.Optional::stream)
                    .sorted(Comparator.comparing(RunSummary::startedAt).reversed()).toList();
        }
    }

    /** Replaces the list (FX thread). */
    public void show(List<RunSummary> scanned) {
        runs.setAll(scanned);
    }
}
