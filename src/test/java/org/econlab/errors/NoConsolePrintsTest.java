package org.econlab.errors;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 19: nothing in the lab prints to the console behind the error policy's back. Only the launcher hands
 * System.out and System.err to the command line (whose one error policy writes the error lines); everything else
 * writes to the command's own writers or logs through {@link LabLog}.
 */
class NoConsolePrintsTest {

    private static final Pattern CONSOLE = Pattern.compile("System\\.(err|out)\\b|\\.printStackTrace\\(\\s*\\)");
    private static final Path LAUNCHER = Path.of("src/main/java/org/econlab/Launcher.java");

    @Test
    void onlyTheLauncherTouchesTheConsole() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.equals(LAUNCHER)).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (!code.startsWith("*") && !code.startsWith("//") && CONSOLE.matcher(code).find()) {
                        found.add(f + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "print through the command's writers or log with LabLog.logger(...)");
    }
}
