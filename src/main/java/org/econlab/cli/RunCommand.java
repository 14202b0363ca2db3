package org.econlab.cli;

import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.econlab.config.InvalidInputException;
import org.econlab.llm.LlmOptions;
import org.econlab.llm.LlmRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code run}: plays a scenario headless and writes its run record. */
@Command(name = "run", description = "Run a scenario headless, write its run record, print a summary line with swf=<final SWF>.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.json", description = "the scenario file")
    Path file;

    @Option(names = "--steps", description = "override the number of steps")
    Integer steps;

    @Option(names = "--seed", description = "override the seed")
    Long seed;

    @Option(names = "--agents", description = "override the number of agents")
    Integer agents;

    @Option(names = "--out", description = "run record folder (default runs/<scenario>-seed<S>-<time>)")
    Path out;

    @Option(names = "--sequential", description = "use one core (results are identical either way)")
    boolean sequential;

    @Mixin
    LlmRunOptions llm = new LlmRunOptions();

    @Override
    public Integer call() {
        Scenario s = ScenarioCodec.read(file);
        if (steps != null) {
            if (steps < 1 || steps > ScenarioCodec.MAX_STEPS) {
                throw new InvalidInputException("--steps", steps + " is outside 1.." + ScenarioCodec.MAX_STEPS);
            }
            s = s.withSteps(steps);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (agents != null) {
            if (agents < 1 || agents > ScenarioCodec.MAX_AGENTS) {
                throw new InvalidInputException("--agents", agents + " is outside 1.." + ScenarioCodec.MAX_AGENTS);
            }
            s = s.withAgents(agents);
        }
        Path dir = out != null ? out : defaultRecordDir(file, s.seed());
        PrintWriter o = spec.commandLine().getOut();
        LlmOptions.set(llm.toOptions(dir));
        try {
            Simulation sim = new Simulation(s, !sequential);
            RunRecordWriter record = new RunRecordWriter(dir);
            sim.addListener(record);
            long t0 = System.nanoTime();
            StepSnapshot last = sim.runToEnd();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (sim.stopReason() != null) {
                o.println("stopped after step " + last.step() + ": " + sim.stopReason());
            }
            LlmRun run = LlmRun.latest();
            boolean usesLlm = s.worker().kind().equals("llm") || s.planner().kind().equals("llm");
            if (usesLlm && run != null && run.meter().total(0) > 0) {
                o.print(run.meter().summary());
            }
            o.println(summary(s, last, seconds, dir));
            return LabCli.OK;
        } finally {
            LlmOptions.set(null);
        }
    }

    static Path defaultRecordDir(Path scenarioFile, long seed) {
        String stem = scenarioFile.getFileName().toString().replaceFirst("\\.json$", "");
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", stem + "-seed" + seed + "-" + time);
    }

    static String summary(Scenario s, StepSnapshot last, double seconds, Path dir) {
        String rates = Arrays.stream(last.ratesPercent()).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT,
                "done: %s steps=%d agents=%d planner=%s worker=%s rates=[%s] swf=%.6f mean_labor=%.4f gini=%.6f"
                        + " total_tax=%.2f time=%.2fs record=%s",
                s.name().replace(' ', '_'), last.step() + 1, s.population().agents(), s.planner().kind(),
                s.worker().kind(), rates, last.swf(), last.meanHours(), last.gini(), last.totalTaxUsd(), seconds, dir);
    }
}
