package org.econlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The conventions every command of the tree follows, applied once to the whole tree rather than per class, so a
 * command added later gets them without edits: {@code -h/--help} and {@code -V/--version} on every command and
 * sub-subcommand (picocli's standard help mixin), the lab's version text, and usage help as wide as the terminal
 * (as jbang's), with the examples in each command's footer under the same heading everywhere. Pure bookkeeping on picocli models; not thread-safe (call before executing).
 */
public final class CommandTree {

    /** The heading of every command's examples, in its usage footer. */
    public static final String EXAMPLES = "Examples:";

    /** Usage width where the terminal's cannot be found (a pipe, a test); a terminal's own width wins. */
    public static final int USAGE_WIDTH = 100;

    private CommandTree() {
    }

    /** Every command of the tree under {@code root}, root first, then depth-first in declaration order. */
    public static List<CommandLine> all(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!out.contains(sub)) { // aliases map to the same CommandLine
                collect(sub, out);
            }
        }
    }

    /**
     * Gives every command of {@code root}'s tree the standard help options (unless it declares its own
     * {@code --help}, as picocli's {@code help} command does) and the root's version provider.
     *
     * @return {@code root}, for chaining
     */
    public static CommandLine configure(CommandLine root) {
        CommandLine.IVersionProvider version = root.getCommandSpec().versionProvider();
        for (CommandLine c : all(root)) {
            CommandSpec spec = c.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.mixinStandardHelpOptions(true);
            }
            if (spec.versionProvider() == null && version != null) {
                spec.versionProvider(version);
            }
            spec.usageMessage().width(USAGE_WIDTH).autoWidth(true);
        }
        return root;
    }

    /**
     * The command lines quoted in {@code spec}'s usage footer under {@value #EXAMPLES}: each line after the heading
     * that starts with the command's root name, without a trailing {@code # comment}.
     */
    public static List<String> examples(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        String rootName = spec.root().name();
        boolean in = false;
        for (String line : spec.usageMessage().footer()) {
            String s = line.strip();
            if (s.equals(EXAMPLES)) {
                in = true;
            } else if (in && s.startsWith(rootName + " ")) {
                int hash = s.indexOf(" #");
                out.add((hash < 0 ? s : s.substring(0, hash)).strip());
            }
        }
        return out;
    }
}
