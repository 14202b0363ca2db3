package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.errors.OneLine;
import org.econlab.sweep.Shard;
import org.econlab.sweep.SweepDefinition;
import org.econlab.sweep.SweepMerge;
import org.econlab.sweep.SweepRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sweep}: runs a parameter sweep, resumably, writing one row per run to DIR/sweep.csv; with
 * {@code --shard I/N} only the I-th of N slices of the runs (one cluster task), and {@code sweep merge} gathers
 * the finished runs of shards that wrote to different disks.
 */
@Command(name = "sweep", subcommands = SweepCommand.Merge.class,
        description = {"Run a parameter sweep (JSON) into DIR; rerun the same command to resume after an interruption.",
                "On a cluster: one task per shard with --shard I/N into a shared DIR, then the same command without"
                        + " --shard writes sweep.csv and sweep-summary.csv (identical to a one-machine sweep)."},
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab sweep sample-scenarios/sweeps/saez-elasticity.sweep.json --out sweeps/elasticity --parallel 2",
            "  llm-economist-lab sweep my.sweep.json --out /shared/sweeps/my --shard 3/8   # one cluster task of eight",
            "  llm-economist-lab sweep my.sweep.json --out /shared/sweeps/my   # afterwards: the CSV files",
            "  llm-economist-lab sweep merge node1/my node2/my --out my   # shards without a shared disk"})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // Neither is "required" for picocli: they are not given with the merge subcommand, so call() checks them.
    @Parameters(paramLabel = "SWEEP.json", arity = "0..1", description = "the sweep definition")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (sweep.csv, sweep-summary.csv, runs/)")
    Path out;

    @Option(names = "--parallel", defaultValue = "1", description = "runs at a time (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--max-runs", defaultValue = "-1", description = "run at most this many unfinished runs now (default: all)")
    int maxRuns;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only the I-th of N slices of the runs"
            + " (1 <= I <= N; run k of the sweep belongs to shard k mod N + 1); writes run folders only")
    String shardText;

    @Override
    public Integer call() throws InterruptedException {
        if (file == null) {
            throw new InvalidInputException("SWEEP.json", "name the sweep definition (or: sweep merge DIR... --out DIR)");
        }
        if (out == null) {
            throw new InvalidInputException("--out", "is required: the sweep's output folder");
        }
        if (parallel < 1 || parallel > 256) {
            throw new InvalidInputException("--parallel", parallel + " is outside 1..256");
        }
        Shard shard = shardText == null ? Shard.ALL : Shard.parse(shardText, "--shard");
        SweepDefinition sweep = SweepDefinition.read(file);
        PrintWriter o = spec.commandLine().getOut();
        o.println("sweep \"" + OneLine.of(sweep.name(), 80) + "\": " + sweep.points() + " points, "
                + sweep.runs().size() + " runs"
                + (shard.isAll() ? "" : "; shard " + shard + ": " + shard.select(sweep.runs()).size() + " runs"));
        o.flush();
        try {
            SweepRunner.Progress p = new SweepRunner(sweep, out, parallel, shard).run(maxRuns, done -> { });
            if (p.superseded() > 0) {
                o.println(p.superseded() + " run folder(s) in " + out.resolve("runs") + " came from a different sweep"
                        + " (another scenario, seed or lab version: the fingerprint differs); moved to "
                        + out.resolve("superseded") + " and recomputed");
            }
            String counts = (p.alreadyDone() + p.ranNow()) + " of " + p.total() + " runs finished ("
                    + p.alreadyDone() + " from before, " + p.ranNow() + " now)"
                    + (p.remaining() > 0 ? "; " + p.remaining() + " left: run the same command again to resume" : "");
            if (shard.isAll()) {
                o.println("done: " + counts + "; results in " + out.resolve(SweepRunner.CSV));
            } else {
                o.println("shard " + shard + " done: " + counts + "; once every shard has finished, run without --shard"
                        + " to write " + SweepRunner.CSV + " and " + SweepRunner.SUMMARY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LabCli.OK;
    }

    /** {@code sweep merge}: copies the finished runs of several shard folders into one. */
    @Command(name = "merge", description = {"Copy the finished runs of sweep folders (e.g. shards run on machines"
            + " without a shared disk) into one folder; then run 'sweep SWEEP.json --out DIR' to write the CSV files."},
            footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab sweep merge node1/my node2/my node3/my --out my",
            "  llm-economist-lab sweep my.sweep.json --out my   # then: sweep.csv and sweep-summary.csv"})
    static final class Merge implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "sweep folders (each with a runs/ folder)")
        List<Path> sources;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to merge into")
        Path out;

        @Override
        public Integer call() {
            try {
                SweepMerge.Result r = SweepMerge.merge(sources, out);
                PrintWriter o = spec.commandLine().getOut();
                o.println("merged into " + out + ": " + r.copied() + " runs copied, " + r.alreadyThere()
                        + " already there" + (r.unfinishedLeftBehind() > 0 ? ", " + r.unfinishedLeftBehind()
                        + " unfinished runs left behind (run their shard again)" : ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return LabCli.OK;
        }
    }
}
