package org.econlab.cli;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code validate}: checks a scenario file; exit 0 when valid, 2 with the field path and reason otherwise. */
@Command(name = "validate", description = "Check a scenario file; on error print the field path and the reason.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab validate sample-scenarios/three-5-rational.json"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.json", description = "the scenario file")
    Path file;

    @Override
    public Integer call() {
        Scenario s = ScenarioCodec.read(file);
        spec.commandLine().getOut().println("ok: " + file + " (" + org.econlab.errors.OneLine.of(s.name(), 80) + ": " + s.population().agents()
                + " agents, " + s.brackets().count() + " brackets, worker " + s.worker().kind() + ", planner "
                + s.planner().kind() + ", " + s.steps() + " steps)");
        return LabCli.OK;
    }
}
