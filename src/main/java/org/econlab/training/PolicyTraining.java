package org.econlab.training;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.LinearSoftmaxPolicy;
import org.econlab.report.ChartStyle;
import org.econlab.report.ExportFormat;
import org.econlab.report.Figure;
import org.econlab.report.FigureExporter;
import org.econlab.report.FigureSize;
import org.econlab.simulation.Scenario;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training's files in one folder: {@code policy.json} (the policy, with its training seeds, settings and scenario
 * fingerprint under {@code training}), {@code checkpoint.json} (kept after every batch, so a stopped training
 * resumes), {@code learning-curve.csv} and {@code learning-curve.png}. A folder whose {@code policy.json} has the
 * same fingerprint is reused without training again (the replication's cache).
 */
public final class PolicyTraining {

    public static final String POLICY_FILE = "policy.json";
    public static final String CHECKPOINT_FILE = "checkpoint.json";
    public static final String CURVE = "learning-curve";

    private PolicyTraining() {
    }

    /**
     * What a training produced.
     *
     * @param policyJson the policy file's content (policy and {@code training} metadata)
     * @param state      the final training state (its curve), or null when the policy was reused as it was
     * @param resumedAt  episodes that a checkpoint had already played (0 when trained from the start)
     */
    public record Outcome(JsonObject policyJson, TrainingState state, int resumedAt) {
        public boolean reused() {
            return state == null;
        }
    }

    /**
     * Trains {@code scenario}'s planner into {@code dir} (resuming from its checkpoint when it has the same
     * fingerprint), or reads the policy already there when it does.
     *
     * @param fresh discard a checkpoint and train from the start
     */
    public static Outcome trainInto(Scenario scenario, PolicyGradientTrainer.Settings settings, int threads, Path dir,
                                    boolean fresh, PolicyGradientTrainer.Progress progress) throws InterruptedException {
        PolicyGradientTrainer trainer = new PolicyGradientTrainer(scenario, settings, threads);
        String fingerprint = trainer.fingerprint();
        int k = scenario.brackets().count();
        Path policyFile = dir.resolve(POLICY_FILE);
        if (!fresh) {
            JsonObject kept = readIfSame(policyFile, fingerprint);
            if (kept != null) {
                return new Outcome(kept, null, settings.episodes());
            }
        }
        Path checkpoint = dir.resolve(CHECKPOINT_FILE);
        TrainingState start = fresh ? null : TrainingState.load(checkpoint, fingerprint, k);
        int resumedAt = start == null ? 0 : start.episodesDone();
        if (start == null) {
            start = trainer.initialState();
        }
        // the checkpoint is kept after every batch: an interrupted training resumes there
        TrainingState end = trainer.train(start, progress, checkpoint);
        JsonObject policy = policyFile(end.policy(), scenario, trainer, fingerprint);
        TrainingState.writeAtomically(dir.resolve(CURVE + ".csv"), end.curveCsv());
        writeCurvePng(end, scenario, dir);
        TrainingState.writeAtomically(policyFile, new GsonBuilder().setPrettyPrinting().create().toJson(policy) + "\n");
        return new Outcome(policy, end, resumedAt);
    }

    /** The policy file's object: the policy's own fields plus {@code training}. */
    static JsonObject policyFile(LinearSoftmaxPolicy policy, Scenario scenario, PolicyGradientTrainer trainer,
                                 String fingerprint) {
        JsonObject o = policy.toJson();
        JsonObject t = trainer.settingsJson();
        t.addProperty("scenario", scenario.name());
        t.addProperty("swf", scenario.swf().id());
        t.addProperty("scenarioFingerprint", fingerprint);
        o.add("training", t);
        return o;
    }

    /** The policy object of a policy file (its {@code training} part removed), as a scenario's planner carries it. */
    public static JsonObject policyOnly(JsonObject policyFile) {
        JsonObject o = policyFile.deepCopy();
        o.remove("training");
        return o;
    }

    private static JsonObject readIfSame(Path file, String fingerprint) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject t = o.getAsJsonObject("training");
            return t != null && fingerprint.equals(t.get("scenarioFingerprint").getAsString()) ? o : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeCurvePng(TrainingState state, Scenario scenario, Path dir) {
        XYSeries swf = new XYSeries("mean SWF of the batch's episodes (sampled actions)");
        XYSeries exploit = new XYSeries("SWF in the final tenth");
        for (TrainingState.CurvePoint p : state.curve()) {
            swf.add(p.episodes(), p.meanSwf());
            exploit.add(p.episodes(), p.exploitSwf());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(swf);
        data.addSeries(exploit);
        JFreeChart chart = ChartFactory.createXYLineChart("policy_gradient training: " + scenario.name(), "Episodes",
                "SWF: " + scenario.swf().displayName(), data, PlotOrientation.VERTICAL, true, false, false);
        ChartStyle.apply(chart);
        List<List<String>> rows = new ArrayList<>();
        for (TrainingState.CurvePoint p : state.curve()) {
            rows.add(List.of(Integer.toString(p.episodes()), Double.toString(p.meanSwf()), Double.toString(p.exploitSwf())));
        }
        Figure figure = new Figure(CURVE, chart, List.of("episodes", "mean_swf", "exploit_swf"), rows);
        try {
            FigureExporter.write(figure, dir, List.of(ExportFormat.PNG), FigureSize.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
