package org.econlab.errors;

import org.econlab.LabVersion;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lab's one logging facade: java.util.logging, with every record (ours, and langchain4j's through SLF4J's JUL
 * binding) appended to {@code llm-economist-lab.log} in the log folder, rotated at {@value #LIMIT_BYTES} bytes with
 * {@value #FILES} files kept (at most about 5 MB), credentials scrubbed ({@link Secrets#generic}). Nothing is printed
 * on the console: what a user must read is the command line's one error line or the window's dialog.
 *
 * <p>The log folder is, first found: the environment variable {@value ErrorPolicy#LOG_DIR_ENV}, the system property
 * {@value #DIR_PROPERTY}, {@code ~/.llm-economist-lab/logs}, the temporary folder's
 * {@code llm-economist-lab}. {@link #install} is called by the launcher ({@code org.econlab.Launcher}, the jar and the
 * app images) and on first use of {@link #logger} or {@link #file}. Thread-safe.
 */
public final class LabLog {

    /** System property naming the log folder (tests set it to target/test-logs). */
    public static final String DIR_PROPERTY = "econlab.log.dir";
    /** The current log file's name; older ones are llm-economist-lab.1.log ... */
    public static final String FILE = "llm-economist-lab.log";
    public static final long LIMIT_BYTES = 1L << 20;
    public static final int FILES = 5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static RotatingLogFile handler;

    private LabLog() {
    }

    /**
     * Sends the root logger's records to the log file in the folder {@code env} names (see the class comment),
     * instead of the console; a second call with the same folder does nothing, with another folder moves there.
     *
     * @return the current log file, or null when no folder could be written (logging then goes nowhere)
     */
    public static synchronized Path install(Function<String, String> env) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Path dir : folders(env)) {
            if (dir == null) {
                continue;
            }
            Path file = dir.toAbsolutePath().resolve(FILE);
            if (handler != null && handler.file().equals(file)) {
                return file;
            }
            try {
                Files.createDirectories(dir);
                RotatingLogFile h = new RotatingLogFile(file, LIMIT_BYTES, FILES);
                h.setFormatter(new LineFormatter());
                h.setLevel(Level.ALL);
                for (Handler old : root.getHandlers()) {
                    root.removeHandler(old);
                    old.close();
                }
                root.addHandler(h);
                if (root.getLevel() == null || root.getLevel().intValue() > Level.INFO.intValue()) {
                    root.setLevel(Level.INFO);
                }
                handler = h;
                return file;
            } catch (IOException | RuntimeException e) {
                // try the next folder
            }
        }
        return handler == null ? null : handler.file();
    }

    /** The current log file, installing the log first if needed; null when none could be written. */
    public static Path file() {
        synchronized (LabLog.class) {
            if (handler != null) {
                return handler.file();
            }
        }
        return install(System::getenv);
    }

    /** The logger for {@code type}, with the log file installed. */
    public static Logger logger(Class<?> type) {
        file();
        return Logger.getLogger(type.getName());
    }

    private static Path[] folders(Function<String, String> env) {
        String prop = System.getProperty(DIR_PROPERTY);
        String fromEnv = env.apply(ErrorPolicy.LOG_DIR_ENV);
        return new Path[] {
            fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv),
            prop == null || prop.isBlank() ? null : Path.of(prop),
            Path.of(System.getProperty("user.home"), ".llm-economist-lab", "logs"),
            Path.of(System.getProperty("java.io.tmpdir"), "llm-economist-lab")};
    }

    /** One record: time (UTC), process, level, logger, message; then the stack trace; all scrubbed of credentials. */
    static final class LineFormatter extends Formatter {
        private static final String HEAD = "[" + ProcessHandle.current().pid() + " lab " + LabVersion.get() + "] ";

        @Override
        public String format(LogRecord r) {
            StringWriter w = new StringWriter();
            w.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(HEAD)
                    .append(r.getLevel().getName()).append(' ').append(r.getLoggerName() == null ? "" : r.getLoggerName())
                    .append(": ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                try (PrintWriter p = new PrintWriter(w)) {
                    r.getThrown().printStackTrace(p);
                }
            }
            return Secrets.generic(w.toString());
        }
    }
}
