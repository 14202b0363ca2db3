package org.econlab.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.LinearSoftmaxPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where training stands after a batch: the policy, Adam's moments and the learning curve so far. Written as a
 * checkpoint after every batch (to a temporary name, then moved into place) so that an interrupted training resumes
 * where it stopped and ends with exactly the policy an uninterrupted one would have (numbers at full precision).
 * Immutable (arrays are copied).
 *
 * @param fingerprint  what the training is ({@link PolicyGradientTrainer#fingerprint()})
 * @param episodesDone episodes played so far
 * @param policy       the policy after them
 * @param adamM        Adam's first moments, one per policy weight
 * @param adamV        Adam's second moments
 * @param adamSteps    updates made
 * @param curve        one point per batch
 */
public record TrainingState(String fingerprint, int episodesDone, LinearSoftmaxPolicy policy, double[] adamM,
                            double[] adamV, int adamSteps, List<CurvePoint> curve) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * One batch of the learning curve.
     *
     * @param batch      batch number from 1
     * @param episodes   episodes played after it
     * @param meanReturn mean normalised return of its episodes (the objective: mean welfare / start welfare)
     * @param meanSwf    mean SWF over all steps of its episodes
     * @param exploitSwf mean SWF over the final tenth of its episodes (sampled actions)
     * @param entropy    mean entropy of the policy's action distribution over its decisions (nats; ln 5 = uniform)
     */
    public record CurvePoint(int batch, int episodes, double meanReturn, double meanSwf, double exploitSwf,
                             double entropy) {
    }

    public TrainingState {
        adamM = adamM.clone();
        adamV = adamV.clone();
        curve = List.copyOf(curve);
    }

    @Override
    public double[] adamM() {
        return adamM.clone();
    }

    @Override
    public double[] adamV() {
        return adamV.clone();
    }

    /** The learning curve as CSV: batch, episodes, mean_return, mean_swf, exploit_swf, entropy. */
    public String curveCsv() {
        StringBuilder b = new StringBuilder("batch,episodes,mean_return,mean_swf,exploit_swf,entropy\n");
        for (CurvePoint p : curve) {
            b.append(String.format(Locale.ROOT, "%d,%d,%.8g,%.8g,%.8g,%.6f%n", p.batch(), p.episodes(), p.meanReturn(),
                    p.meanSwf(), p.exploitSwf(), p.entropy()));
        }
        return b.toString();
    }

    /** The state as a JSON checkpoint. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("fingerprint", fingerprint);
        o.addProperty("episodesDone", episodesDone);
        o.add("policy", policy.toJson());
        o.add("adamM", GSON.toJsonTree(adamM));
        o.add("adamV", GSON.toJsonTree(adamV));
        o.addProperty("adamSteps", adamSteps);
        o.add("curve", GSON.toJsonTree(curve));
        return o;
    }

    /** Reads a checkpoint for a schedule of {@code brackets} brackets. */
    public static TrainingState fromJson(JsonObject o, int brackets) {
        LinearSoftmaxPolicy policy = LinearSoftmaxPolicy.fromJson(o.getAsJsonObject("policy"), brackets, "checkpoint");
        List<CurvePoint> curve = new ArrayList<>();
        JsonArray c = o.getAsJsonArray("curve");
        for (int i = 0; i < c.size(); i++) {
            curve.add(GSON.fromJson(c.get(i), CurvePoint.class));
        }
        return new TrainingState(o.get("fingerprint").getAsString(), o.get("episodesDone").getAsInt(), policy,
                GSON.fromJson(o.get("adamM"), double[].class), GSON.fromJson(o.get("adamV"), double[].class),
                o.get("adamSteps").getAsInt(), curve);
    }

    /** Writes the checkpoint atomically. */
    public void save(Path file) {
        writeAtomically(file, GSON.toJson(toJson()) + "\n");
    }

    /**
     * The checkpoint in {@code file} if it exists, is readable and has this {@code fingerprint}; otherwise null (a
     * changed training starts over).
     */
    public static TrainingState load(Path file, String fingerprint, int brackets) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!fingerprint.equals(o.get("fingerprint").getAsString())) {
                return null;
            }
            return fromJson(o, brackets);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes {@code text} to a temporary file beside {@code file}, then moves it into place. */
    static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
