package org.econlab.cli;

import org.econlab.LabVersion;
import org.econlab.errors.ErrorPolicy;
import org.econlab.errors.OneLine;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The command line (picocli). Exit codes, decided by the one {@link ErrorPolicy}: 0 success; 2 for anything the user
 * can fix (bad input, a path that cannot be written, a refused key, an unknown model, a replay miss, a damaged
 * cassette, a resource limit, an unreachable endpoint, running out of memory), with one line on stderr; 1 for an
 * internal error, with one line on stderr that points to a log file holding the stack trace ({@code --debug}
 * prints it too).
 */
@Command(name = "llm-economist-lab", mixinStandardHelpOptions = true, versionProvider = LabCli.Version.class,
        description = "LLM Economist Lab: workers, planners, taxes and welfare from the command line.",
        subcommands = {RunCommand.class, TaxCommand.class, SaezCommand.class, StackelbergCommand.class, ValidateCommand.class,
                BenchCommand.class, ReplicateCommand.class, ExportCommand.class, CompareCommand.class,
                SweepCommand.class, LlmCommand.class, LessonCommand.class, CommandLine.HelpCommand.class})
public final class LabCli implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on an internal error, print the stack trace too")
    boolean debug;

    /** The environment the commands read (API keys, endpoint file, log folder); {@code System::getenv} normally. */
    private Function<String, String> env = System::getenv;

    /** The environment of the command line that {@code spec} belongs to. */
    static Function<String, String> env(CommandLine.Model.CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof LabCli cli ? cli.env : System::getenv;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command (run, tax, saez, validate, bench, replicate, export, compare, sweep, llm, lesson)");
    }

    /** Runs the command line and returns its exit code (never calls System.exit). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, System::getenv, args);
    }

    /**
     * As {@link #execute(PrintWriter, PrintWriter, String...)}, reading the environment through {@code env} (where an
     * internal error's log goes: {@code $ECONLAB_LOG_DIR}).
     */
    public static int execute(PrintWriter out, PrintWriter err, Function<String, String> env, String... args) {
        LabCli root = new LabCli();
        root.env = env;
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        String command = "command: " + String.join(" ", args);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ex, commandLine.getErr(), root.debug, command, env));
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + OneLine.of(ex.getMessage(), OneLine.ERROR_MAX));
            c.getErr().println("(see: " + c.getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            code = report(e, err, root.debug, command, env); // Errors pass picocli's handler by
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Prints {@code error} as the error policy says and returns the exit code. */
    static int report(Throwable error, PrintWriter err, boolean debug, String command, Function<String, String> env) {
        ErrorPolicy.Verdict v = ErrorPolicy.classify(error);
        if (!v.internal()) {
            err.println("error: " + v.line());
            return v.exitCode();
        }
        Path log = ErrorPolicy.writeLog(error, command, env);
        err.println("internal error: " + v.line() + (log == null ? "" : " (details in " + log + ")")
                + (debug ? "" : "; run with --debug to print them"));
        if (debug) {
            error.printStackTrace(err);
        }
        return v.exitCode();
    }
    /** Reports the lab version for {@code --version}. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"LLM Economist Lab " + LabVersion.get()};
        }
    }
}
