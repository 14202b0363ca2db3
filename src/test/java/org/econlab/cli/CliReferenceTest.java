package org.econlab.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/cli-reference.md is what {@link CliReference} generates from the command tree, so a command or option added
 * or changed shows up as a failure here until the page is regenerated:
 * {@code mvn -B -o test -Dtest=CliReferenceTest -Ddocs.regenerate=true}.
 */
class CliReferenceTest {

    @Test
    void theCommittedPageIsTheGeneratedOne() throws IOException {
        String generated = CliReference.markdown();
        Path page = Path.of(CliReference.PAGE);
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }
        for (var c : CommandTree.all(LabCli.commandLine())) {
            assertTrue(generated.contains("\n## " + c.getCommandSpec().qualifiedName() + "\n"), c.getCommandSpec().qualifiedName());
        }
        assertEquals(generated, Files.exists(page) ? Files.readString(page) : "",
                CliReference.PAGE + " is out of date: mvn -B -o test -Dtest=CliReferenceTest -Ddocs.regenerate=true");
    }
}
