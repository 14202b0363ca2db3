package org.econlab.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No main source file is over {@value #MAX_LINES} lines (issue 18): a contributor reads a class whole before
 * changing it. A file that grows past the limit is split by responsibility, not allowed here.
 */
class SourceSizeTest {

    static final int MAX_LINES = 500;

    @Test
    void everyMainSourceFileIsAtMost500Lines() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> s = Files.lines(f)) {
                    lines = s.count();
                }
                if (lines > MAX_LINES) {
                    tooLong.add(root.relativize(f).toString().replace('\\', '/') + " (" + lines + " lines)");
                }
            }
        }
        assertTrue(tooLong.isEmpty(), "over " + MAX_LINES + " lines, split them by responsibility: " + tooLong);
    }
}
