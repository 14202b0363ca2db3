package org.econlab.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 19: the README is a front door (at most 20 KB, the two set-up commands at the top), every page of docs/ is
 * linked from it, every link of the README and docs/ resolves to a file (and heading) in the repository, and every
 * command quoted in a code block of them parses (a picocli dry parse: nothing runs).
 */
class DocsTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("^\\s*```");

    /** README.md and every Markdown file under docs/. */
    static List<Path> pages() {
        List<Path> out = new ArrayList<>(List.of(README));
        try (Stream<Path> s = Files.walk(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text outside code blocks, inline code and HTML comments (where links are links). */
    static String prose(String markdown) {
        StringBuilder b = new StringBuilder();
        boolean code = false;
        for (String line : HTML_COMMENT.matcher(markdown).replaceAll("").split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                code = !code;
                continue;
            }
            if (!code) {
                b.append(line.replaceAll("`[^`]*`", "``")).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The lines of fenced code blocks, a trailing backslash joining a line to the next; blocks marked {@code text}
     * (usage texts, whose wrapped examples {@link CommandHelpTest} checks at their source) are left out.
     */
    static List<String> codeLines(String markdown) {
        List<String> out = new ArrayList<>();
        boolean code = false;
        boolean text = false;
        StringBuilder pending = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                code = !code;
                text = code && line.strip().equals("```text");
                continue;
            }
            if (!code || text) {
                continue;
            }
            String l = line.strip().replaceFirst("^\\$ ", "");
            if (l.endsWith("\\")) {
                pending.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            out.add(pending + l);
            pending.setLength(0);
        }
        return out;
    }

    /** GitHub's anchors of a page's headings ("## Sweeps on a cluster" is #sweeps-on-a-cluster). */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            if (FENCE.matcher(line).find()) {
                code = !code;
            } else if (!code && line.startsWith("#")) {
                String text = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                out.add(text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return out;
    }

    @Test
    void theReadmeIsAFrontDoorWithTheSetUpCommandsOnTop() throws IOException {
        long size = Files.size(README);
        assertTrue(size <= 20 * 1024, "README.md is " + size + " bytes; move details to docs/");
        List<String> top = Files.readAllLines(README).subList(0, 12);
        assertTrue(top.stream().anyMatch(l -> l.startsWith("mvn javafx:run")), "mvn javafx:run near the top");
        assertTrue(top.stream().anyMatch(l -> l.startsWith("mvn -B verify")), "mvn -B verify near the top");
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() {
        String readme = prose(read(README));
        List<String> missing = new ArrayList<>();
        for (Path p : pages()) {
            if (!p.equals(README) && !readme.contains("](" + p.toString().replace('\\', '/'))
                    && !p.startsWith(Path.of("docs", "replication"))) {
                missing.add(p.toString());
            }
        }
        assertEquals(List.of(), missing, "pages of docs/ the README does not link");
    }

    @TestFactory
    Stream<DynamicTest> everyLinkResolvesToAFileInTheRepository() {
        return pages().stream().map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
            List<String> broken = new ArrayList<>();
            Matcher m = LINK.matcher(prose(read(page)));
            int links = 0;
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page.toAbsolutePath()
                        : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!resolved.startsWith(Path.of("").toAbsolutePath()) || !Files.exists(resolved)) {
                    broken.add(target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(read(resolved)).contains(target.substring(hash + 1))) {
                    broken.add(target + " (no such heading)");
                }
            }
            assertEquals(List.of(), broken, page + ": broken links");
            if (page.equals(README)) {
                assertTrue(links >= 10, "the README links its pages: " + links);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyQuotedCommandParses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            for (String line : codeLines(read(page))) {
                ShellWords.labArguments(line).ifPresent(args -> tests.add(DynamicTest.dynamicTest(page + ": " + line, () -> {
                    try {
                        List<CommandLine> chain = LabCli.commandLine().parseArgs(args.toArray(String[]::new))
                                .asCommandLineList();
                        assertTrue(chain.size() > 1 || args.contains("--version") || args.contains("--help"),
                                "runs a command: " + line);
                    } catch (CommandLine.ParameterException e) {
                        fail(page + ": " + line + "\n  does not parse: " + e.getMessage());
                    }
                })));
            }
        }
        assertTrue(tests.size() >= 20, "the docs quote commands: " + tests.size());
        return tests.stream();
    }

    @Test
    void theShellWordsOfAQuotedCommandAreWhatAShellPasses() {
        assertEquals(List.of("run", "a b.json", "--out", "x"),
                ShellWords.labArguments("java -Xmx4g -jar target/llm-economist-lab.jar run 'a b.json' --out x   # c").orElseThrow());
        assertEquals(List.of("completion", "bash"),
                ShellWords.labArguments("llm-economist-lab completion bash > ~/x").orElseThrow());
        assertEquals(List.of("--version"), ShellWords.labArguments("llm-economist-lab/bin/llm-economist-lab --version").orElseThrow());
        assertTrue(ShellWords.labArguments("sbatch sweep.slurm").isEmpty());
        assertEquals(List.of("mvn", "-B"), codeLines("```bash\n$ mvn \\\n  -B\n```\n").stream()
                .map(ShellWords::split).findFirst().orElseThrow());
        assertEquals(Set.of("sweeps-on-a-cluster", "the-models-a-b"), anchors("## Sweeps on a cluster\n### The model's A (b)\n"));
    }
}
