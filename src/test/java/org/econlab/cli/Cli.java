package org.econlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;

/** Runs the command line in-process for tests and keeps what it printed. */
public final class Cli {

    /** An exit code and what went to stdout and stderr. */
    public record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    /** Runs {@code args} with this JVM's environment. */
    public static Result run(String... args) {
        return run(System::getenv, args);
    }

    /** Runs {@code args} with only {@code env} as the environment (API keys, log folder). */
    public static Result run(Map<String, String> env, String... args) {
        return run(env::get, args);
    }

    private static Result run(Function<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Result(code, out.toString(), err.toString());
    }
}
