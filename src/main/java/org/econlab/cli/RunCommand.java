package org.econlab.cli;

import org.econlab.agents.RunContext;
import org.econlab.errors.OneLine;
import org.econlab.llm.LlmOptions;
import org.econlab.llm.UsageMeter;
import org.econlab.simulation.MemoryEstimate;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.RunStore;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.StepSnapshot;
import org.econlab.config.InvalidInputException;
import org.econlab.llm.LlmRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code run}: plays a scenario headless and writes its run record. */
@Command(name = "run", description = "Run a scenario headless, write its run record, print a summary line with swf=<final SWF>.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab run sample-scenarios/us-fed-100-saez.json --out runs/demo",
            "  llm-economist-lab run sample-scenarios/classroom-100.json --steps 500 --seed 7",
            "  llm-economist-lab run sample-scenarios/llm-rational-5.json --endpoint local --record-llm --llm-budget-usd 2"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.json", arity = "0..1",
            description = "the scenario file (optional with --replay-class: the recorded class's scenario)")
    Path file;

    @Option(names = "--replay-class", paramLabel = "RECORD",
            description = "replay the decisions of a class's students from its run record folder")
    Path replayClass;

    @Option(names = "--steps", description = "override the number of steps")
    Integer steps;

    @Option(names = "--seed", description = "override the seed")
    Long seed;

    @Option(names = "--agents", description = "override the number of agents")
    Integer agents;

    @Option(names = "--out", description = "run record folder, new or empty (default runs/<scenario>-seed<S>-<time>)")
    Path out;

    @Option(names = "--force", description = "with --out naming a folder that holds files: move it aside first")
    boolean force;

    @Option(names = "--sequential", description = "use one core (results are identical either way)")
    boolean sequential;

    @Mixin
    LlmRunOptions llm = new LlmRunOptions();

    @Override
    public Integer call() {
        org.econlab.classroom.RecordedHumanInputs recorded = replayClass == null ? null
                : org.econlab.classroom.RecordedHumanInputs.read(replayClass);
        if (file == null && recorded == null) {
            throw new InvalidInputException("SCENARIO.json", "give a scenario file (or --replay-class RECORD)");
        }
        Scenario s = file != null ? ScenarioCodec.read(file) : recorded.scenario();
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
        // Everything that can be refused is checked before the folder is claimed and before any work.
        LlmOptions options = llm.toOptions().withEnv(LabCli.env(spec));
        MemoryEstimate.check(s);
        RunStore.Claim claim = out != null ? RunStore.claim(out, force, "--out")
                : new RunStore.Claim(RunStore.createNamed(Path.of("runs"), file != null ? stem(file) : s.name(),
                        s.seed()), null);
        Path dir = claim.dir();
        PrintWriter o = spec.commandLine().getOut();
        if (claim.movedAside() != null) {
            o.println("moved the old record in " + dir + " aside to " + claim.movedAside());
        }
        RunContext context = llm.recordInto(options, dir).newRunContext();
        if (recorded != null) {
            context.with(org.econlab.classroom.HumanInputs.class, recorded);
        }
        Simulation sim;
        try {
            sim = new Simulation(s, !sequential, context);
        } catch (RuntimeException | Error e) {
            RunStore.release(dir);
            throw e;
        }
        RunRecordWriter record = RunRecordWriter.claimed(dir);
        sim.addListener(record);
        long t0 = System.nanoTime();
        StepSnapshot last;
        try {
            last = sim.runToEnd();
        } finally {
            LlmRun.in(context).ifPresent(run -> {
                if (run.meter().total(UsageMeter.CALLS) > 0) {
                    o.print(run.meter().summary());
                }
            });
            o.flush(); // the usage comes before an error line on the terminal
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sim.stopReason() != null) {
            o.println("stopped after step " + (last == null ? "-" : String.valueOf(last.step())) + ": "
                    + OneLine.of(sim.stopReason(), OneLine.ERROR_MAX));
        }
        List<String> warnings = context.warnings();
        for (String w : warnings) {
            o.println("warning: " + OneLine.of(w, OneLine.ERROR_MAX));
            org.econlab.errors.LabLog.logger(RunCommand.class).warning(dir + ": " + w);
        }
        if (last == null) {
            o.println("done: " + OneLine.token(s.name()) + " steps=0 record=" + dir);
            return LabCli.OK;
        }
        o.println(summary(s, last, seconds, dir) + (warnings.isEmpty() ? "" : " warnings=" + warnings.size()));
        return LabCli.OK;
    }

    static String stem(Path scenarioFile) {
        return scenarioFile.getFileName().toString().replaceFirst("\\.json$", "");
    }

    static String summary(Scenario s, StepSnapshot last, double seconds, Path dir) {
        String rates = Arrays.stream(last.ratesPercent()).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT,
                "done: %s steps=%d agents=%d planner=%s worker=%s rates=[%s] swf=%s mean_labor=%.4f gini=%.6f"
                        + " total_tax=%.2f time=%.2fs record=%s",
                OneLine.token(s.name()), last.step() + 1, s.population().agents(), s.planner().kind(),
                s.worker().kind(), rates, swf(s, last.swf()), last.meanHours(), last.gini(), last.totalTaxUsd(),
                seconds, dir);
    }

    /** Six decimals; every digit (as Python prints it) when the run reproduces the reference ({@code random: numpy}). */
    private static String swf(Scenario s, double swf) {
        return s.random() == org.econlab.random.RandomSource.NUMPY ? org.econlab.llm.PyText.repr(swf)
                : String.format(Locale.ROOT, "%.6f", swf);
    }
}
