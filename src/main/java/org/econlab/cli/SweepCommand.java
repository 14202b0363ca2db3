package org.econlab.cli;

import org.econlab.sweep.SweepDefinition;
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
import java.util.concurrent.Callable;

/** {@code sweep}: runs a parameter sweep, resumably, writing one row per run to DIR/sweep.csv. */
@Command(name = "sweep", description = "Run a parameter sweep (JSON) into DIR; rerun the same command to resume after an interruption.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP.json", description = "the sweep definition")
    Path file;

    @Option(names = "--out", required = true, description = "output folder (sweep.csv, sweep-summary.csv, runs/)")
    Path out;

    @Option(names = "--parallel", defaultValue = "1", description = "runs at a time (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--max-runs", defaultValue = "-1", description = "run at most this many unfinished runs now (default: all)")
    int maxRuns;

    @Override
    public Integer call() throws InterruptedException {
        if (parallel < 1 || parallel > 256) {
            throw new org.econlab.config.InvalidInputException("--parallel", parallel + " is outside 1..256");
        }
        SweepDefinition sweep = SweepDefinition.read(file);
        PrintWriter o = spec.commandLine().getOut();
        o.println("sweep \"" + sweep.name() + "\": " + sweep.points() + " points, " + sweep.runs().size() + " runs");
        o.flush();
        try {
            SweepRunner.Progress p = new SweepRunner(sweep, out, parallel).run(maxRuns, done -> { });
            o.println("done: " + (p.alreadyDone() + p.ranNow()) + " of " + p.total() + " runs finished ("
                    + p.alreadyDone() + " from before, " + p.ranNow() + " now)"
                    + (p.remaining() > 0 ? "; " + p.remaining() + " left: run the same command again to resume" : "")
                    + "; results in " + out.resolve(SweepRunner.CSV));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LabCli.OK;
    }
}
