package org.econlab.errors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: one logging facade, into the log folder, size-capped and rotated, scrubbed, silent on the console. */
class LabLogTest {

    @AfterEach
    void backToTheTestLogFolder() {
        LabLog.install(Map.<String, String>of()::get); // the econlab.log.dir of the build
    }

    @Test
    void warningsAndLibraryLogsGoToTheFileInTheFolderTheEnvironmentNames(@TempDir Path dir) throws IOException {
        Path file = LabLog.install(Map.of(ErrorPolicy.LOG_DIR_ENV, dir.toString())::get);
        assertEquals(dir.toAbsolutePath().resolve(LabLog.FILE), file);
        PrintStream console = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        try {
            LabLog.logger(LabLogTest.class).warning("a warning with Authorization: Bearer abcdefghijkl");
            org.slf4j.LoggerFactory.getLogger("dev.langchain4j.test").warn("a library's warning");
        } finally {
            System.setErr(console);
        }
        String text = Files.readString(file);
        assertTrue(text.contains("WARNING org.econlab.errors.LabLogTest: a warning with"), text);
        assertTrue(text.contains("WARNING dev.langchain4j.test: a library's warning"), "SLF4J reaches the same file: " + text);
        assertFalse(text.contains("abcdefghijkl"), "credentials are scrubbed: " + text);
        assertEquals("", seen.toString(StandardCharsets.UTF_8), "nothing on the console");
    }

    @Test
    void anInternalErrorTheWindowShowsIsLoggedOnce(@TempDir Path dir) throws IOException {
        LabLog.install(Map.of(ErrorPolicy.LOG_DIR_ENV, dir.toString())::get);
        IllegalStateException bug = new IllegalStateException("a bug the window met");
        assertTrue(ErrorPolicy.classify(bug).internal());
        ErrorPolicy.classify(bug);
        String text = Files.readString(dir.resolve(LabLog.FILE));
        assertEquals(1, text.split("a bug the window met", -1).length - 1, "once, with its trace: " + text);
        assertTrue(text.contains("at org.econlab.errors.LabLogTest"), text);
        assertFalse(ErrorPolicy.verdict(new IllegalStateException("not logged")).line().isEmpty());
        assertFalse(Files.readString(dir.resolve(LabLog.FILE)).contains("not logged"), "verdict() logs nothing");
    }

    @Test
    void theFileRotatesAtItsLimitAndKeepsAFixedNumberOfFiles(@TempDir Path dir) throws IOException {
        RotatingLogFile h = new RotatingLogFile(dir.resolve("lab.log"), 4096, 3);
        h.setFormatter(new LabLog.LineFormatter());
        for (int i = 0; i < 400; i++) {
            h.publish(new LogRecord(Level.INFO, "record " + i + " " + "x".repeat(60)));
        }
        h.close();
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Set.of("lab.log", "lab.1.log", "lab.2.log"),
                    s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        for (String f : new String[] {"lab.log", "lab.1.log", "lab.2.log"}) {
            assertTrue(Files.size(dir.resolve(f)) <= 4096, f + " is " + Files.size(dir.resolve(f)) + " bytes");
        }
        assertTrue(Files.readString(dir.resolve("lab.log")).contains("record 399 "), "the newest record is in lab.log");
        assertFalse(Files.readString(dir.resolve("lab.2.log")).contains("record 0 "), "the oldest are dropped");
        RotatingLogFile again = new RotatingLogFile(dir.resolve("lab.log"), 4096, 3);
        again.setFormatter(new LabLog.LineFormatter());
        again.publish(new LogRecord(Level.INFO, "after a restart"));
        again.close();
        String current = Files.readString(dir.resolve("lab.log"));
        assertTrue(current.contains("after a restart") && current.contains("record 399 "), "a restart appends");
    }

    @Test
    void theRootLoggerHasOnlyTheFile() {
        LabLog.install(Map.<String, String>of()::get);
        var handlers = Logger.getLogger("").getHandlers();
        assertEquals(1, handlers.length);
        assertTrue(handlers[0] instanceof RotatingLogFile, handlers[0].toString());
    }
}
