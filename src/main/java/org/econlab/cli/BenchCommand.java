package org.econlab.cli;

import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.BracketPreset;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench}: times the offline engine on a generated GB2 population of rational workers under a
 * planner, and reports agent-steps per second and heap per agent. Warm-up steps are played first and
 * not timed, so the JIT has compiled the loops.
 */
@Command(name = "bench", description = "Time the offline engine; the last line is 'agent-steps/s: <number>'.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab bench --agents 1000000 --steps 30",
            "  llm-economist-lab bench --agents 100 --steps 2500 --warmup 0 --worker learning --planner icrl --sequential"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agents", defaultValue = "1000000", description = "workers (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--steps", defaultValue = "50", description = "timed steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "10", description = "untimed warm-up steps (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--brackets", defaultValue = "us_fed_2024", description = "bracket preset (default ${DEFAULT-VALUE})")
    String brackets;

    @Option(names = "--planner", defaultValue = "us_fed", description = "planner kind (default ${DEFAULT-VALUE})")
    String planner;

    @Option(names = "--worker", defaultValue = "rational", description = "worker kind (default ${DEFAULT-VALUE})")
    String worker;

    @Option(names = "--tax-year", defaultValue = "25", description = "steps per tax year (default ${DEFAULT-VALUE})")
    int taxYear;

    @Option(names = "--sequential", description = "use one core")
    boolean sequential;

    @Override
    public Integer call() {
        if (agents < 1 || agents > ScenarioCodec.MAX_AGENTS) {
            throw new InvalidInputException("--agents", agents + " is outside 1.." + ScenarioCodec.MAX_AGENTS);
        }
        if (steps < 1 || warmup < 0) {
            throw new InvalidInputException("--steps", "needs at least 1 timed step and a non-negative warm-up");
        }
        if (BracketPreset.byId(brackets).isEmpty()) {
            throw new InvalidInputException("--brackets", "unknown preset \"" + brackets + "\" (known: " + BracketPreset.ids() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioCodec.fromJson(scenarioJson());

        Runtime rt = Runtime.getRuntime();
        long heapBefore = usedHeapAfterGc(rt);
        long t0 = System.nanoTime();
        Simulation sim = new Simulation(scenario, !sequential);
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeapAfterGc(rt);
        double bytesPerAgent = (double) (heapAfter - heapBefore) / agents;

        for (int i = 0; i < warmup; i++) {
            sim.step();
        }
        long cpu0 = processCpuNanos();
        long t1 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            sim.step();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        double rate = (double) agents * steps / seconds;

        out.println(String.format(Locale.ROOT, "agents: %d  brackets: %s  worker: %s  planner: %s  threads: %d",
                agents, brackets, worker, planner, sequential ? 1 : Runtime.getRuntime().availableProcessors()));
        out.println(String.format(Locale.ROOT, "setup (population + agents): %.3f s", setupSeconds));
        out.println(String.format(Locale.ROOT, "heap per agent: %.1f bytes", bytesPerAgent));
        out.println(String.format(Locale.ROOT, "timed steps: %d in %.3f s (%.3f ms/step) after %d warm-up steps",
                steps, seconds, seconds * 1000 / steps, warmup));
        out.println(String.format(Locale.ROOT, "process cpu: %.3f s (%.0f agent-steps per cpu-second; compare runs on a busy machine with this)",
                cpuSeconds, cpuSeconds > 0 ? agents * (double) steps / cpuSeconds : Double.NaN));
        out.println(String.format(Locale.ROOT, "final swf: %.6f", sim.lastSnapshot().swf()));
        out.println(String.format(Locale.ROOT, "agent-steps/s: %.0f", rate));
        return LabCli.OK;
    }

    private JsonObject scenarioJson() {
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", Scenario.SCHEMA_VERSION);
        o.addProperty("name", "bench");
        o.addProperty("steps", steps + warmup);
        o.addProperty("taxYearSteps", taxYear);
        JsonObject pop = new JsonObject();
        pop.addProperty("agents", agents);
        o.add("population", pop);
        JsonObject br = new JsonObject();
        br.addProperty("preset", brackets);
        o.add("brackets", br);
        JsonObject w = new JsonObject();
        w.addProperty("kind", worker);
        o.add("worker", w);
        JsonObject p = new JsonObject();
        p.addProperty("kind", planner);
        o.add("planner", p);
        return o;
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long usedHeapAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
