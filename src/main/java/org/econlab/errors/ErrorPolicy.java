package org.econlab.errors;

import org.econlab.LabVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.logging.Level;


/**
 * The one place that decides what a user sees of an error (design note 15), for the command line and the window
 * alike. Anything the user can fix ({@link UserFixable}: bad input, a refused key, an unknown model, a replay miss,
 * a damaged cassette, a resource limit; any {@link IOException}: a path that cannot be written, a full disk; an
 * {@link OutOfMemoryError}) is exit code {@value #USER_ERROR} and one line, in plain words without Java class names
 * ({@link PlainWords}). Anything else is our bug: exit code
 * {@value #INTERNAL_ERROR}, one line, and the stack trace in a log file the line points to. Lines are single-line,
 * capped at {@value OneLine#ERROR_MAX} characters and scrubbed of credentials. Thread-safe.
 */
public final class ErrorPolicy {

    public static final int USER_ERROR = 2;
    public static final int INTERNAL_ERROR = 1;
    /** Environment variable naming the folder for internal-error logs. */
    public static final String LOG_DIR_ENV = "ECONLAB_LOG_DIR";

    /**
     * What to show for an error.
     *
     * @param exitCode {@value #USER_ERROR} (the user can fix it) or {@value #INTERNAL_ERROR} (our bug)
     * @param line     one line, without a prefix such as {@code error:}
     * @param internal true for our bugs (the caller should log the stack trace)
     */
    public record Verdict(int exitCode, String line, boolean internal) {
    }

    /** Errors already logged (weak keys compared by identity is what we want: Throwable keeps Object.equals). */
    private static final Map<Throwable, Boolean> LOGGED = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    private ErrorPolicy() {
    }

    /**
     * Classifies {@code error} and words its line. An internal error is also logged with its stack trace
     * ({@link #writeLog}), once per error object, so a bug the window only shows in a dialog is in the log too.
     */
    public static Verdict classify(Throwable error) {
        Verdict v = verdict(error);
        if (v.internal() && !LOGGED.containsKey(error)) {
            log(error, null);
        }
        return v;
    }

    /** As {@link #classify} without logging anything. Pure. */
    public static Verdict verdict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UserFixable u && u.userCanFix()) {
                return user(message(t));
            }
            if (t == t.getCause()) {
                break;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return user(outOfMemory());
            }
            if (t instanceof IOException io) {
                // a wrapper's message says what we were doing ("cannot write the run record in X")
                String outer = error != io && error.getMessage() != null && !error.getMessage().equals(io.toString())
                        ? error.getMessage() + ": " : "";
                return user(outer + describe(io));
            }
            if (t == t.getCause()) {
                break;
            }
        }
        String m = error.getMessage();
        return new Verdict(INTERNAL_ERROR, clean(error.getClass().getSimpleName() + (m == null ? "" : ": " + m)), true);
    }

    private static Verdict user(String line) {
        return new Verdict(USER_ERROR, clean(PlainWords.of(line)), false);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? PlainWords.words(t.getClass().getSimpleName()) : m;
    }

    /** An I/O failure in words: what happened to which path ({@link PlainWords#describe}). */
    static String describe(IOException e) {
        return PlainWords.describe(e);
    }

    /** The explanation of an {@link OutOfMemoryError}, with the heap figure and what to do. */
    public static String outOfMemory() {
        long max = Runtime.getRuntime().maxMemory();
        return String.format(Locale.ROOT, "out of memory: this JVM may use at most %s of heap; give it more with"
                + " java -Xmx<size> (e.g. -Xmx%dg), or use fewer agents or a smaller figure", gigabytes(max),
                Math.max(2, (long) Math.ceil(max * 2.0 / (1L << 30))));
    }

    /** Bytes as "1.5 GB" (or MB below 1 GB). */
    public static String gigabytes(long bytes) {
        if (bytes < (1L << 30)) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    private static String clean(String line) {
        return OneLine.of(Secrets.generic(line), OneLine.ERROR_MAX);
    }

    /**
     * Logs {@code error}'s stack trace (credentials scrubbed) through {@link LabLog} to the log file in the folder
     * {@code env} names ({@code $ECONLAB_LOG_DIR}, else {@code ~/.llm-economist-lab/logs}, else the temporary folder)
     * and returns that file, or null when nothing could be written. The file rotates by size (see {@link LabLog}).
     *
     * @param context a line saying what was running (e.g. the command), or null
     */
    public static Path writeLog(Throwable error, String context, Function<String, String> env) {
        Path file = LabLog.install(env);
        log(error, context);
        return file;
    }

    private static void log(Throwable error, String context) {
        LOGGED.put(error, Boolean.TRUE);
        LabLog.logger(ErrorPolicy.class).log(Level.SEVERE, "internal error" + (context == null ? "" : " (" + context + ")")
                + " in LLM Economist Lab " + LabVersion.get() + " (build " + LabVersion.build() + ") on Java "
                + System.getProperty("java.version"), error);
    }
}
