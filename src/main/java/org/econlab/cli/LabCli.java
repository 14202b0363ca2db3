package org.econlab.cli;

import org.econlab.LabVersion;
import org.econlab.config.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The command line (picocli). Exit codes: 0 success, 2 bad input (one-line reason on stderr),
 * 1 internal error.
 */
@Command(name = "llm-economist-lab", mixinStandardHelpOptions = true, versionProvider = LabCli.Version.class,
        description = "LLM Economist Lab: workers, planners, taxes and welfare from the command line.",
        subcommands = {RunCommand.class, TaxCommand.class, SaezCommand.class, StackelbergCommand.class, ValidateCommand.class,
                BenchCommand.class, ReplicateCommand.class, ExportCommand.class, CompareCommand.class,
                SweepCommand.class, LlmCommand.class, CommandLine.HelpCommand.class})
public final class LabCli implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command (run, tax, saez, validate, bench, replicate, export, compare, sweep, llm)");
    }

    /** Runs the command line and returns its exit code (never calls System.exit). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LabCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidInputException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("(see: " + c.getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Reports the lab version for {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"LLM Economist Lab " + LabVersion.get()};
        }
    }
}
