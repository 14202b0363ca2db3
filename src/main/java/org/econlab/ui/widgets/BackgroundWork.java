package org.econlab.ui.widgets;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;

import org.econlab.errors.ErrorPolicy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs slow work (reading records, exporting figures, sweeps) off the FX thread as cancellable
 * {@link Task}s, and routes every failure to one place that shows it as a plain dialog: never a stack
 * trace, and nothing the user edited is touched.
 */
public final class BackgroundWork {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-background");
        t.setDaemon(true);
        return t;
    });

    private BackgroundWork() {
    }

    /** Submits {@code task}; on success {@code onDone} runs on the FX thread with its value. */
    public static <T> Task<T> submit(Task<T> task, Consumer<T> onDone) {
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> showError(task.getTitle(), task.getException()));
        EXECUTOR.submit(task);
        return task;
    }

    /** Shows a failure as a dialog with a one-line explanation. FX thread (or hops to it). */
    public static void showError(String what, Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> showError(what, error));
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("LLM Economist Lab");
        alert.setHeaderText(what == null || what.isBlank() ? "Something went wrong" : what + " failed");
        alert.setContentText(explain(error));
        alert.show();
    }

    /** A short, human explanation of an error: the one line the error policy gives (the command line prints it too). */
    public static String explain(Throwable error) {
        return ErrorPolicy.classify(error).line();
    }
}
