package org.econlab.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 19: every command and sub-subcommand of the tree, found by walking it (so commands added later are covered
 * without editing this test), answers {@code -h} and {@code --help} with exit 0 and a usage text that has a
 * description and examples, and every example in a usage text parses.
 */
class CommandHelpTest {

    private static List<CommandLine> commands() {
        return CommandTree.all(LabCli.commandLine());
    }

    /** The arguments that reach {@code c} from the root, e.g. [sweep, merge]. */
    private static List<String> path(CommandLine c) {
        List<String> names = new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName(" ").split(" ")));
        return names.subList(1, names.size());
    }

    private static boolean isPicocliHelp(CommandLine c) {
        return c.getCommand() instanceof CommandLine.HelpCommand;
    }

    @Test
    void theWalkFindsNestedCommands() {
        List<String> names = commands().stream().map(c -> c.getCommandSpec().qualifiedName()).toList();
        assertTrue(names.contains("llm-economist-lab sweep merge") && names.contains("llm-economist-lab llm check"),
                names.toString());
        assertTrue(names.size() >= 15, names.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithUsageAndExamples() {
        return commands().stream().flatMap(c -> Stream.of("-h", "--help").map(flag -> DynamicTest.dynamicTest(
                String.join(" ", path(c)) + " " + flag, () -> {
                    List<String> args = new ArrayList<>(path(c));
                    args.add(flag);
                    Cli.Result r = Cli.run(args.toArray(String[]::new));
                    String name = c.getCommandSpec().qualifiedName();
                    assertEquals(0, r.code(), name + " " + flag + ": " + r.err());
                    assertEquals("", r.err(), name);
                    assertTrue(r.out().contains("Usage: " + name + " "), r.out());
                    assertTrue(c.getCommandSpec().usageMessage().description().length > 0, name + " has no description");
                    if (!isPicocliHelp(c)) {
                        assertTrue(r.out().contains("\n" + CommandTree.EXAMPLES + "\n"), name + " shows no examples:\n" + r.out());
                        assertFalse(CommandTree.examples(c.getCommandSpec()).isEmpty(), name + " quotes no command line");
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInAUsageTextParses() {
        return commands().stream().flatMap(c -> CommandTree.examples(c.getCommandSpec()).stream()
                .map(example -> DynamicTest.dynamicTest(example, () -> {
                    List<String> args = ShellWords.labArguments(example).orElseThrow();
                    List<CommandLine> chain = LabCli.commandLine().parseArgs(args.toArray(String[]::new))
                            .asCommandLineList();
                    assertTrue(chain.size() > 1, "an example runs a command: " + example);
                })));
    }

    @Test
    void helpCommandNamesEveryTopLevelCommand() {
        for (String name : LabCli.commandLine().getSubcommands().keySet()) {
            Cli.Result r = Cli.run("help", name);
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().contains("Usage: llm-economist-lab " + name + " "), r.out());
        }
        Cli.Result unknown = Cli.run("help", "frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
    }

    @Test
    void versionNamesTheBuildJavaAndJavaFx() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("LLM Economist Lab \\S+ \\(build \\S+\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), r.out());
        assertTrue(lines.get(2).matches("JavaFX \\d+[0-9.+\\-a-z]*"), "JavaFX is on the test class path: " + r.out());
        assertTrue(lines.get(3).startsWith("OS "), r.out());
        Cli.Result sub = Cli.run("sweep", "merge", "--version");
        assertEquals(r.out(), sub.out(), "every command answers --version alike");
    }

    @Test
    void noCommandIsAnErrorThatListsTheCommands() {
        Cli.Result r = Cli.run("--debug");
        assertEquals(2, r.code());
        for (String name : List.of("run", "replicate", "completion")) {
            assertTrue(r.err().contains(name), r.err());
        }
        if (r.err().contains("Unknown option")) {
            fail(r.err());
        }
    }
}
