package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.training.PolicyGradientTrainer;
import org.econlab.training.PolicyTraining;
import org.econlab.training.TrainingState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code train}: trains the {@code policy_gradient} planner on a scenario's own workers
 * ({@link PolicyGradientTrainer}) and writes {@code DIR/policy.json}, {@code DIR/learning-curve.csv} and
 * {@code .png}; {@code DIR/checkpoint.json} is kept after every batch, so running the same command again resumes an
 * interrupted training (and reuses a finished one).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the policy_gradient planner on a scenario (REINFORCE with a learned baseline); writes"
                + " DIR/policy.json and the learning curve (CSV, PNG). Same command again: resumes or reuses.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab train sample-scenarios/us-fed-100.json --episodes 240 --seeds 1000000-1000009"
                + " --out policies/us-fed-100",
            "",
            "Then a scenario's planner {\"kind\": \"policy_gradient\", \"policy\": \"policies/us-fed-100/policy.json\"}"
                + " plays it. Evaluate on seeds the training did not use."})
final class TrainCommand implements Callable<Integer> {

    static final int MAX_EPISODES = 1_000_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (its workers, horizon and welfare function)")
    Path scenario;

    @Option(names = "--episodes", required = true, description = "episodes (whole runs of the scenario) to train on")
    int episodes;

    @Option(names = "--seeds", required = true, description = "training seeds A-B (or one seed): the populations"
            + " episodes use in turn; evaluate on other seeds")
    String seeds;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--batch", description = "episodes per update (default " + PolicyGradientTrainer.Settings.DEFAULT_BATCH + ")")
    Integer batch;

    @Option(names = "--learning-rate", description = "Adam step size (default " + PolicyGradientTrainer.Settings.DEFAULT_LEARNING_RATE + ")")
    Double learningRate;

    @Option(names = "--entropy", description = "entropy bonus (default " + PolicyGradientTrainer.Settings.DEFAULT_ENTROPY + ")")
    Double entropy;

    @Option(names = "--discount", description = "gamma in (0, 1]: weight of welfare s tax years ahead (default "
            + PolicyGradientTrainer.Settings.DEFAULT_DISCOUNT + ")")
    Double discount;

    @Option(names = "--threads", description = "episodes run at once (default: all cores); results do not depend on it")
    Integer threads;

    @Option(names = "--fresh", description = "ignore a checkpoint or finished policy in DIR and train from the start")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        Scenario sc = ScenarioCodec.read(scenario);
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw new InvalidInputException("--episodes", episodes + " is outside 1.." + MAX_EPISODES);
        }
        long[] trainingSeeds = parseSeeds(seeds);
        int b = batch == null ? PolicyGradientTrainer.Settings.DEFAULT_BATCH : batch;
        if (b < 1 || b > 10_000) {
            throw new InvalidInputException("--batch", b + " is outside 1..10000");
        }
        double lr = learningRate == null ? PolicyGradientTrainer.Settings.DEFAULT_LEARNING_RATE : learningRate;
        if (!(lr > 0 && lr <= 10)) {
            throw new InvalidInputException("--learning-rate", lr + " is outside (0, 10]");
        }
        double ent = entropy == null ? PolicyGradientTrainer.Settings.DEFAULT_ENTROPY : entropy;
        if (!(ent >= 0 && ent <= 10)) {
            throw new InvalidInputException("--entropy", ent + " is outside 0..10");
        }
        double gamma = discount == null ? PolicyGradientTrainer.Settings.DEFAULT_DISCOUNT : discount;
        if (!(gamma > 0 && gamma <= 1)) {
            throw new InvalidInputException("--discount", gamma + " is outside (0, 1]");
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1 || nThreads > 1024) {
            throw new InvalidInputException("--threads", nThreads + " is outside 1..1024");
        }
        PolicyGradientTrainer.Settings settings = new PolicyGradientTrainer.Settings(episodes, trainingSeeds, b, lr, ent,
                trainingSeeds[0], gamma);
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        PolicyTraining.Outcome outcome = PolicyTraining.trainInto(sc, settings, nThreads, out, fresh,
                (done, total, p) -> progress(err, done, total, p));
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        if (outcome.reused()) {
            o.println("train: " + out.resolve(PolicyTraining.POLICY_FILE) + " was already trained this way; kept it"
                    + " (--fresh trains again)");
            return LabCli.OK;
        }
        err.println();
        TrainingState.CurvePoint last = outcome.state().curve().get(outcome.state().curve().size() - 1);
        o.println(String.format(Locale.ROOT, "train: %d episodes%s on seeds %s in %.1f s; last batch: mean SWF %.6g,"
                + " final-tenth SWF %.6g, entropy %.3f -> %s", episodes,
                outcome.resumedAt() > 0 ? " (resumed after " + outcome.resumedAt() + ")" : "", seeds.strip(), seconds,
                last.meanSwf(), last.exploitSwf(), last.entropy(), out.resolve(PolicyTraining.POLICY_FILE)));
        return LabCli.OK;
    }

    private static void progress(PrintWriter err, int done, int total, TrainingState.CurvePoint p) {
        int width = 30;
        int filled = (int) ((long) width * done / total);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d episodes, mean SWF %.6g, entropy %.3f",
                "#".repeat(filled), ".".repeat(width - filled), done, total, p.meanSwf(), p.entropy()));
        err.flush();
    }

    /** {@code A-B} (inclusive, at most 10,000 seeds) or one seed. */
    static long[] parseSeeds(String text) {
        String t = text.strip();
        int dash = t.indexOf('-', 1);
        try {
            long a = Long.parseLong(dash < 0 ? t : t.substring(0, dash).strip());
            long b = dash < 0 ? a : Long.parseLong(t.substring(dash + 1).strip());
            if (b < a) {
                throw new InvalidInputException("--seeds", "\"" + text + "\": the last seed is below the first");
            }
            if (b - a >= 10_000) {
                throw new InvalidInputException("--seeds", "\"" + text + "\" names more than 10,000 seeds");
            }
            long[] s = new long[(int) (b - a + 1)];
            for (int i = 0; i < s.length; i++) {
                s[i] = a + i;
            }
            return s;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--seeds", "\"" + text + "\" is not A-B (two whole numbers) or one seed");
        }
    }
}
