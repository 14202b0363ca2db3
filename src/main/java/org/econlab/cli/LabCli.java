package org.econlab.cli;

import org.econlab.errors.ErrorPolicy;
import org.econlab.errors.OneLine;
import org.econlab.errors.PlainWords;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The command line (picocli). Exit codes, decided by the one {@link ErrorPolicy}: 0 success; 2 for anything the user
 * can fix (bad input, a path that cannot be written, a refused key, an unknown model, a replay miss, a damaged
 * cassette, a resource limit, an unreachable endpoint, running out of memory), with one line on stderr; 1 for an
 * internal error, with one line on stderr that points to a log file holding the stack trace ({@code --debug}
 * prints it too).
 */
@Command(name = "llm-economist-lab", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
        description = {"LLM Economist Lab: workers, planners, taxes and welfare from the command line.",
            "Without arguments the program opens the lab window."},
        subcommands = {RunCommand.class, TaxCommand.class, SaezCommand.class, StackelbergCommand.class, ValidateCommand.class,
                BenchCommand.class, ReplicateCommand.class, ExportCommand.class, CompareCommand.class,
                SweepCommand.class, LlmCommand.class, TrainCommand.class, LessonCommand.class,
                CompletionCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab run sample-scenarios/us-fed-100-saez.json --out runs/demo",
            "  llm-economist-lab replicate --quick --out runs/replication-quick",
            "  llm-economist-lab help run",
            "",
            "Exit codes: 0 done; 2 something you can fix (one line on stderr says what); 1 an internal error (one line",
            "pointing to the log in ~/.llm-economist-lab/logs or $ECONLAB_LOG_DIR)."})
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
                "name a command (" + String.join(", ", spec.subcommands().keySet()) + ")");
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
        CommandLine cli = commandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        String command = "command: " + String.join(" ", args);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ex, commandLine.getErr(), root.debug, command, env));
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + OneLine.of(parseError(ex), OneLine.ERROR_MAX));
            c.getErr().println("(see: " + c.getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) { // out of memory, a stack overflow, a class missing from a broken install: one line too
            code = report(e, err, root.debug, command, env); // Errors pass picocli's exception handler
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The whole command tree, configured as {@link #execute} runs it ({@link CommandTree#configure}); for tests,
     * the command-line reference and the completion script.
     */
    public static CommandLine commandLine() {
        return commandLine(new LabCli());
    }

    private static CommandLine commandLine(LabCli root) {
        return CommandTree.configure(new CommandLine(root));
    }

    /**
     * The line for a command line that does not parse: an unknown command is named with the commands there are
     * (and picocli's guess, as git's "did you mean"), anything else is picocli's message in plain words.
     */
    static String parseError(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !c.getSubcommands().isEmpty()
                && c.getCommandSpec().positionalParameters().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            List<String> guesses = u.getSuggestions();
            return "unknown command '" + u.getUnmatched().get(0) + "'"
                    + (guesses.isEmpty() ? "" : "; did you mean " + String.join(" or ", guesses) + "?")
                    + " (commands: " + String.join(", ", c.getSubcommands().keySet()) + ")";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && u.getUnmatched().get(0).startsWith("-")) {
            List<String> guesses = u.getSuggestions();
            return "unknown option '" + u.getUnmatched().get(0) + "'"
                    + (guesses.isEmpty() ? "" : "; did you mean " + String.join(" or ", guesses) + "?");
        }
        return plain(ex.getMessage());
    }

    /** picocli's parse messages without Java type names ("'ten' is not an int" becomes "... not a whole number"). */
    static String plain(String message) {
        return PlainWords.of(message == null ? "" : message)
                .replaceAll("^Unmatched arguments? (at|from) index \\d+: ", "unexpected argument ")
                .replaceAll("is not an? (int|long|short|byte|java\\.lang\\.Integer|java\\.lang\\.Long)\\b", "is not a whole number")
                .replaceAll("is not an? (double|float|java\\.lang\\.Double|java\\.lang\\.Float)\\b", "is not a number")
                .replaceAll("is not a (boolean|java\\.lang\\.Boolean)\\b", "is not true or false");
    }

    /** Prints {@code error} as the error policy says and returns the exit code. */
    static int report(Throwable error, PrintWriter err, boolean debug, String command, Function<String, String> env) {
        ErrorPolicy.Verdict v = ErrorPolicy.verdict(error); // writeLog below logs an internal error, with the command
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
}
