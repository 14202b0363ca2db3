package org.econlab.ui.publish;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.simulation.RunRecordWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of the run history: what a run record's manifest says, read without loading its steps.
 * Immutable.
 */
public record RunSummary(Path directory, String scenario, String planner, String worker, String seed, int steps,
                         String outcome, double finalSwf, String startedAt, String llmModels) {

    /** Reads a record folder's manifest, or empty when the folder is not a run record. */
    public static Optional<RunSummary> read(Path dir) {
        Path manifest = dir.resolve(RunRecordWriter.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonObject m = JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
            String scenario = m.has("scenario") && m.getAsJsonObject("scenario").has("name")
                    ? m.getAsJsonObject("scenario").get("name").getAsString() : dir.getFileName().toString();
            return Optional.of(new RunSummary(dir, scenario, text(m, "plannerKind"), text(m, "workerKind"),
                    text(m, "seed"), m.has("stepsCompleted") ? m.get("stepsCompleted").getAsInt() : 0,
                    text(m, "outcome"), m.has("finalSwf") ? m.get("finalSwf").getAsDouble() : Double.NaN,
                    text(m, "startedAt"), org.econlab.report.RunData.llmModels(m)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject m, String key) {
        return m.has(key) && !m.get(key).isJsonNull() ? m.get(key).getAsString() : "";
    }
}
