package org.econlab.cli;

import picocli.CommandLine;

/**
 * The command-line reference (docs/cli-reference.md), generated from the picocli command tree: one section per
 * command and sub-subcommand, in tree order, each with its usage text exactly as {@code --help} prints it at
 * {@value CommandTree#USAGE_WIDTH} columns. Deterministic (no terminal width, no colours). A test compares the
 * committed page with this text, so the page cannot fall behind the commands.
 */
public final class CliReference {

    /** Where the page lives in the repository. */
    public static final String PAGE = "docs/cli-reference.md";

    private CliReference() {
    }

    /** The whole page for the tree of {@link LabCli#commandLine()}. */
    public static String markdown() {
        return markdown(LabCli.commandLine());
    }

    /** The whole page for {@code root}'s tree. */
    public static String markdown(CommandLine root) {
        StringBuilder b = new StringBuilder();
        b.append("# Command-line reference\n\n")
                .append("<!-- Generated from the picocli command tree by org.econlab.cli.CliReference; do not edit.\n")
                .append("     Regenerate: mvn -B -o test -Dtest=CliReferenceTest -Ddocs.regenerate=true -->\n\n")
                .append("Every command below is also `llm-economist-lab COMMAND --help` (or `help COMMAND`). The program is\n")
                .append("`java -jar llm-economist-lab.jar` from a build, `llm-economist-lab` in the Linux app image and\n")
                .append("`econlab` on Windows and macOS (see [deployment](deployment.md)). Exit codes: 0 done; 2 something\n")
                .append("you can fix, with one line on stderr saying what; 1 an internal error, with one line pointing to\n")
                .append("the log file.\n\n");
        for (CommandLine c : CommandTree.all(root)) {
            b.append("- [`").append(c.getCommandSpec().qualifiedName()).append("`](#").append(anchor(c)).append(")\n");
        }
        for (CommandLine c : CommandTree.all(root)) {
            c.getCommandSpec().usageMessage().autoWidth(false).width(CommandTree.USAGE_WIDTH);
            b.append("\n## ").append(c.getCommandSpec().qualifiedName()).append("\n\n```text\n")
                    .append(c.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing().replaceAll("[ \\t]+\\n", "\n"))
                    .append("\n```\n");
        }
        return b.toString();
    }

    /** The heading's anchor as GitHub makes it: "llm-economist-lab sweep merge" becomes "llm-economist-lab-sweep-merge". */
    static String anchor(CommandLine c) {
        return c.getCommandSpec().qualifiedName().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
