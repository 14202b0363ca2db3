package org.econlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code completion}: picocli's script for the whole tree, which bash loads and which completes our commands. */
class CompletionCommandTest {

    @Test
    void theScriptCompletesEveryCommandAndOption() {
        Cli.Result r = Cli.run("completion", "bash");
        assertEquals(0, r.code(), r.err());
        String script = r.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 40));
        for (CommandLineName c : CommandLineName.values()) {
            assertTrue(script.contains(c.word), c.word);
        }
        assertTrue(script.contains("complete -F _complete_llm-economist-lab"), "registered for the command");
        assertTrue(script.contains("ZSH_VERSION") && script.contains("bashcompinit"), "zsh loads it too");
        assertEquals(script, Cli.run("completion", "zsh").out());
        assertTrue(Cli.run("completion", "--name", "econlab").out().contains("complete -F _complete_econlab "));
    }

    private enum CommandLineName {
        RUN("run"), MERGE("merge"), CHECK("check"), SHARD("--shard"), REPLAY("--replay-llm");
        final String word;

        CommandLineName(String word) {
            this.word = word;
        }
    }

    @Test
    void anUnknownShellOrABadNameIsRefusedInWords() {
        Cli.Result r = Cli.run("completion", "fish");
        assertEquals(2, r.code());
        assertEquals("error: SHELL: \"fish\" is not one of bash, zsh", r.err().strip());
        assertEquals(2, Cli.run("completion", "--name", "a b;rm").code());
    }

    @Test
    void bashSourcesTheScriptAndCompletesASubcommand(@TempDir Path tmp) throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        if (!Files.isExecutable(bash)) {
            return; // no bash on this machine: the script's text is checked above
        }
        Path script = tmp.resolve("llm-economist-lab_completion");
        Files.writeString(script, Cli.run("completion").out());
        // What bash does on "llm-economist-lab swe<TAB>": call the function with the words so far.
        String probe = "source '" + script + "'; COMP_WORDS=(llm-economist-lab swe); COMP_CWORD=1;"
                + " COMP_LINE='llm-economist-lab swe'; COMP_POINT=${#COMP_LINE};"
                + " _complete_llm-economist-lab llm-economist-lab swe llm-economist-lab; echo \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.strip().equals("sweep"), "completes 'swe' to 'sweep', got: " + out);
    }
}
