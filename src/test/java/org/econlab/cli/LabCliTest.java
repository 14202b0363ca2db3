package org.econlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract: outputs, exit codes, one-line reasons. */
class LabCliTest {

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void taxPrintsTwoDecimals() {
        Result r = cli("tax", "--brackets", "us_fed_2024", "--rates", "10,12,22,24,32,35,37", "--income", "100000");
        assertEquals(0, r.code());
        assertEquals("17053.00", r.out().trim());
    }

    @Test
    void saezPrintsPercentSpaceSeparated() {
        Result r = cli("saez", "--brackets", "three", "--elasticity", "3.0", "--skills",
                "673.9405,4415.7244,1715.8422,1219.3905,267.855");
        assertEquals(0, r.code());
        assertEquals("53.15 23.97 3.23", r.out().trim());
        Result explicit = cli("saez", "--brackets", "0,90000,159100,10000000", "--elasticity", "0.18,0.11,0.57",
                "--skills", "673.9405,4415.7244,1715.8422,1219.3905,267.855");
        assertEquals("94.98 89.58 14.93", explicit.out().trim());
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        Result r = cli("tax", "--brackets", "three", "--rates", "10,20", "--income", "5");
        assertEquals(2, r.code());
        assertEquals("error: --rates: needs 3 rates (one per bracket), got 2", r.err().trim());
        assertEquals(2, cli("tax", "--brackets", "seven", "--rates", "1", "--income", "5").code());
        assertEquals(2, cli("frobnicate").code());
    }

    @Test
    void validateAcceptsGoodAndNamesTheFieldOfBadFiles(@TempDir Path tmp) throws Exception {
        assertEquals(0, cli("validate", "sample-scenarios/three-5-rational.json").code());
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, """
            { "schemaVersion": 1, "brackets": { "preset": "three", "rates": [10, 20, 150] },
              "worker": { "kind": "rational" }, "planner": { "kind": "saez" } }
            """);
        Result r = cli("validate", bad.toString());
        assertEquals(2, r.code());
        assertEquals("error: brackets.rates[2]: 150 is outside 0..100", r.err().trim());
        assertEquals(2, cli("validate", tmp.resolve("missing.json").toString()).code());
    }

    @Test
    void runWritesARecordAndEndsWithTheSwf(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("record");
        Result r = cli("run", "sample-scenarios/three-5-rational.json", "--steps", "30", "--seed", "3",
                "--agents", "40", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().trim().split("\n");
        assertTrue(lines[lines.length - 1].matches(".* swf=-?[0-9]+\\.[0-9]+ .*"), r.out());
        assertEquals(31, Files.readAllLines(out.resolve("steps.csv")).size());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"outcome\": \"completed\""));
    }

    @Test
    void benchEndsWithAgentStepsPerSecond() {
        Result r = cli("bench", "--agents", "20000", "--steps", "3", "--warmup", "1");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().trim().split("\n");
        assertTrue(lines[lines.length - 1].matches("agent-steps/s: [0-9]+"), r.out());
    }
}
