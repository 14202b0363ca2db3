package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.WelfareFunction;
import org.econlab.replication.CellStore;
import org.econlab.replication.ReplicationPlan;
import org.econlab.replication.ReplicationReport;
import org.econlab.replication.ReplicationRow;
import org.econlab.replication.ReplicationRunner;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.sweep.Shard;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;
import org.econlab.simulation.Scenario;
import org.econlab.training.PolicyGradientTrainer;
import org.econlab.training.PolicyTraining;

/**
 * {@code replicate}: the paper's experiments with built-in agents ({@link ReplicationPlan}): rational-5,
 * us-fed-100, bounded-100 and democratic-100, under the paper's welfare function and under fixed inverse-skill
 * weights, every planner of the comparison on the same populations, 10 seeds by default. Writes
 * {@code replication.csv} and {@code replication.md} ({@link ReplicationReport}). Runs are independent and
 * deterministic, so they are spread over the cores without changing any number.
 */
@Command(name = "replicate", description = "Run the paper's experiments with built-in agents; writes DIR/replication.csv and DIR/replication.md.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab replicate --out runs/replication   # the README's Results",
            "  llm-economist-lab replicate --quick --out runs/replication-quick",
            "  llm-economist-lab replicate --out /shared/replication --shard 2/4   # one cluster task of four"})
final class ReplicateCommand implements Callable<Integer> {

    static final int DEFAULT_SEEDS = 10;
    static final int QUICK_SEEDS = 3;
    static final int QUICK_STEPS = 1000;
    /** Training episodes of each (scenario, welfare) policy_gradient planner. */
    static final int DEFAULT_PG_EPISODES = 400;
    static final int QUICK_PG_EPISODES = 96;
    /** Training seeds per policy (from {@link ReplicationPlan#TRAINING_SEED_BASE}). */
    static final int TRAINING_SEEDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = QUICK_SEEDS + " seeds and " + QUICK_STEPS + " steps per run")
    boolean quick;

    @Option(names = "--seeds", description = "seeds per scenario, welfare function and planner (default " + DEFAULT_SEEDS
            + ", or " + QUICK_SEEDS + " with --quick)")
    Integer seeds;

    @Option(names = "--steps", description = "override the steps of every run")
    Integer steps;

    @Option(names = "--scenarios", split = ",", description = "sample scenarios (default: rational-5,us-fed-100,bounded-100,"
            + "democratic-100,hetero-us-fed-100)")
    List<String> scenarios;

    @Option(names = "--swf", split = ",", description = "welfare functions (default: inverse_income,inverse_skill)")
    List<String> swf;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--pg-episodes", description = "training episodes of the policy_gradient planner per scenario and"
            + " welfare function (default " + DEFAULT_PG_EPISODES + ", or " + QUICK_PG_EPISODES + " with --quick; 0: no"
            + " policy_gradient); trained once on seeds " + ReplicationPlan.TRAINING_SEED_BASE + "-"
            + (ReplicationPlan.TRAINING_SEED_BASE + TRAINING_SEEDS - 1) + " and kept under DIR/policies")
    Integer pgEpisodes;

    @Option(names = "--threads", description = "runs in parallel (default: all cores)")
    Integer threads;

    @Option(names = "--shard", description = "run only the I-th of N slices of the cells (I/N, e.g. a Slurm array task);"
            + " finished cells are kept under DIR/cells, and the command without --shard then gathers them and writes"
            + " the report")
    String shard;

    @Override
    public Integer call() throws Exception {
        int nSeeds = seeds != null ? seeds : quick ? QUICK_SEEDS : DEFAULT_SEEDS;
        if (nSeeds < 1 || nSeeds > 1000) {
            throw new InvalidInputException("--seeds", nSeeds + " is outside 1..1000");
        }
        if (steps != null && (steps < 10 || steps > ScenarioCodec.MAX_STEPS)) {
            throw new InvalidInputException("--steps", steps + " is outside 10.." + ScenarioCodec.MAX_STEPS);
        }
        List<String> names = scenarios == null ? ReplicationPlan.DEFAULT_SCENARIOS : scenarios;
        for (String n : names) {
            if (ReplicateCommand.class.getResource("/sample-scenarios/" + n + ".json") == null) {
                throw new InvalidInputException("--scenarios", "no sample scenario named \"" + n + "\"");
            }
        }
        List<WelfareFunction> welfare = new ArrayList<>();
        for (String id : swf == null ? List.of("inverse_income", "inverse_skill") : swf) {
            welfare.add(WelfareFunction.of(WelfareFunction.Kind.byId(id).orElseThrow(() -> new InvalidInputException(
                    "--swf", "unknown welfare function \"" + id + "\" (known: " + WelfareFunction.Kind.ids() + ")"))));
        }
        Integer runSteps = steps != null ? steps : quick ? Integer.valueOf(QUICK_STEPS) : null;
        ReplicationPlan plan = new ReplicationPlan(names, welfare, nSeeds, runSteps);
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard, "--shard");
        PrintWriter o = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        int episodes = pgEpisodes != null ? pgEpisodes : quick ? QUICK_PG_EPISODES : DEFAULT_PG_EPISODES;
        if (episodes < 0 || episodes > TrainCommand.MAX_EPISODES) {
            throw new InvalidInputException("--pg-episodes", episodes + " is outside 0.." + TrainCommand.MAX_EPISODES);
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (episodes > 0) {
            plan = plan.withPolicies(trainPolicies(plan, episodes, nThreads));
        }
        ReplicationRunner.Outcome result = ReplicationRunner.run(plan, nThreads, new CellStore(out), slice);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (shard != null) {
            o.println(String.format(Locale.ROOT, "replicate shard %s: %d cells run, %d kept from before, %d in other"
                    + " shards (%.1f s); when every shard has finished, run replicate without --shard to write the report",
                    shard.strip(), result.ran(), result.reused(), result.missing(), seconds));
            return LabCli.OK;
        }
        List<ReplicationRow> rows = result.rows();
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("replication.csv"), ReplicationReport.csv(rows), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("replication.md"), ReplicationReport.markdown(rows, plan), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        o.println(String.format(Locale.ROOT, "replicate: %d runs (%d cells run now, %d kept from before) in %.1f s -> %s",
                rows.size(), result.ran(), result.reused(), seconds, out.resolve("replication.md")));
        return LabCli.OK;
    }

    /**
     * Trains (or reads back, same fingerprint) one policy_gradient policy per (scenario, welfare function) of the plan
     * under DIR/policies, on the training seeds, which no evaluation uses.
     */
    private Map<String, JsonObject> trainPolicies(ReplicationPlan plan, int episodes, int nThreads)
            throws InterruptedException {
        long[] trainingSeeds = new long[TRAINING_SEEDS];
        for (int i = 0; i < trainingSeeds.length; i++) {
            trainingSeeds[i] = ReplicationPlan.TRAINING_SEED_BASE + i;
        }
        PolicyGradientTrainer.Settings settings = new PolicyGradientTrainer.Settings(episodes, trainingSeeds,
                PolicyGradientTrainer.Settings.DEFAULT_BATCH, PolicyGradientTrainer.Settings.DEFAULT_LEARNING_RATE,
                PolicyGradientTrainer.Settings.DEFAULT_ENTROPY, trainingSeeds[0]);
        Map<String, JsonObject> policies = new LinkedHashMap<>();
        PrintWriter err = spec.commandLine().getErr();
        for (Map.Entry<String, Scenario> e : plan.trainingScenarios().entrySet()) {
            Path dir = out.resolve("policies").resolve(e.getKey().replace('|', '-'));
            long t0 = System.nanoTime();
            PolicyTraining.Outcome trained = PolicyTraining.trainInto(e.getValue(), settings, nThreads, dir, false, null);
            err.println(String.format(Locale.ROOT, "policy_gradient %s: %s (%.1f s)", e.getKey().replace('|', ' '),
                    trained.reused() ? "kept from before" : "trained " + episodes + " episodes",
                    (System.nanoTime() - t0) / 1e9));
            policies.put(e.getKey(), trained.policyJson()); // with its training seeds, kept in every run's scenario
        }
        return policies;
    }
}
