package org.econlab.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.errors.ErrorPolicy;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, findings 3, 7 and 8: one error policy (exit 2 and one line for what the user can fix, exit 1 with a log
 * for our bugs), exact 64-bit seeds, duplicate keys refused, names kept on one line, capped error lines, incomplete
 * runs marked by {@code compare}, bounded figure sizes.
 */
class ErrorPolicyTest {

    private static final String SCENARIO = "sample-scenarios/three-5-rational.json";

    private static Cli.Result cli(String... args) {
        return Cli.run(args);
    }

    private static void oneLine(Cli.Result r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void anInternalErrorIsOneLinePointingToALogWithTheStackTrace(@TempDir Path logs) throws IOException {
        StringWriter err = new StringWriter();
        int code = LabCli.report(new IllegalStateException("a bug of ours"), new PrintWriter(err), false, "command: x",
                Map.of(ErrorPolicy.LOG_DIR_ENV, logs.toString())::get);
        assertEquals(1, code);
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("internal error: IllegalStateException: a bug of ours (details in " + logs), line);
        assertTrue(line.endsWith("run with --debug to print them"), line);
        Path log = Path.of(line.substring(line.indexOf("(details in ") + 12, line.indexOf(")", line.indexOf("(details in "))));
        assertEquals(logs.resolve(org.econlab.errors.LabLog.FILE).toAbsolutePath(), log);
        String text = Files.readString(log);
        assertTrue(text.contains("command: x") && text.contains("at org.econlab.cli.ErrorPolicyTest"), text);

        StringWriter debug = new StringWriter();
        LabCli.report(new IllegalStateException("again"), new PrintWriter(debug), true, null,
                Map.of(ErrorPolicy.LOG_DIR_ENV, logs.toString())::get);
        assertTrue(debug.toString().contains("\tat org.econlab.cli.ErrorPolicyTest"), "--debug prints the trace");
        assertEquals(0, cli("validate", SCENARIO, "--debug").code(), "--debug is accepted by every command");
    }

    @Test
    void outOfMemoryAndIoFailuresAreTheUsersToFix() {
        StringWriter err = new StringWriter();
        int code = LabCli.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err), false, null, k -> null);
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: out of memory: this JVM may use at most ")
                && err.toString().contains("-Xmx"), err.toString());
        ErrorPolicy.Verdict v = ErrorPolicy.classify(new UncheckedIOException("cannot append to runs/x/steps.csv",
                new java.io.IOException("No space left on device")));
        assertEquals(2, v.exitCode());
        assertEquals("cannot append to runs/x/steps.csv: No space left on device", v.line());
        assertTrue(ErrorPolicy.classify(new AccessDeniedException("/root/x")).line().contains("permission denied"));
    }

    @Test
    void aHugeBadValueGivesACappedLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("big.json");
        Files.writeString(f, "{\"schemaVersion\":1,\"worker\":{\"kind\":\"" + "x".repeat(2_000_000) + "\"}}");
        Cli.Result r = cli("validate", f.toString());
        assertEquals(2, r.code());
        oneLine(r);
        assertTrue(r.err().length() < 600, "a capped line, not " + r.err().length() + " characters");
        assertTrue(r.err().startsWith("error: worker.kind: unknown worker kind \"xxx"), r.err().substring(0, 80));
    }

    @Test
    void aFieldGivenTwiceIsRefused(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("twice.json");
        Files.writeString(f, "{\"schemaVersion\":1,\"seed\":1,\"population\":{\"agents\":5,\"agents\":500},\"seed\":2}");
        Cli.Result r = cli("validate", f.toString());
        assertEquals(2, r.code());
        assertEquals("error: population.agents: is given twice in one object; give each field once", r.err().strip());
    }

    @Test
    void seedsAbove2To53AreExactAndRerunTheSameRun(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("a");
        Cli.Result r = cli("run", SCENARIO, "--steps", "5", "--agents", "20", "--seed", "9007199254740993",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject m = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("9007199254740993", m.get("seed").getAsString());
        var recorded = ScenarioCodec.fromJson(m.getAsJsonObject("scenario"));
        assertEquals(9007199254740993L, recorded.seed(), "the manifest's scenario keeps every bit of the seed");
        Path again = tmp.resolve("again.json");
        Files.writeString(again, ScenarioCodec.write(recorded));
        Cli.Result r2 = cli("run", again.toString(), "--out", tmp.resolve("b").toString());
        assertEquals(swf(r.out()), swf(r2.out()), "rerunning the manifest's scenario gives the same SWF");
        assertEquals(Files.readString(out.resolve("steps.csv")), Files.readString(tmp.resolve("b/steps.csv")));
    }

    private static String swf(String out) {
        var m = java.util.regex.Pattern.compile(" swf=(\\S+) ").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    @Test
    void aNameWithALineBreakStaysOnTheSummaryLine(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("n.json");
        Files.writeString(f, Files.readString(Path.of(SCENARIO)).replaceFirst("\"name\": \"[^\"]*\"",
                "\"name\": \"two\\\\nlines\\\\r and\\\\u0007 a bell\""));
        Cli.Result r = cli("run", f.toString(), "--steps", "3", "--out", tmp.resolve("r").toString());
        assertEquals(0, r.code(), r.err());
        String done = r.out().lines().filter(l -> l.startsWith("done: ")).findFirst().orElseThrow();
        assertTrue(done.startsWith("done: two_lines_and\\u0007_a_bell steps=3 "), done);
        assertEquals(1, r.out().strip().lines().count(), r.out());
    }

    @Test
    void compareMarksARunThatDidNotComplete(@TempDir Path tmp) throws IOException {
        Path done = tmp.resolve("done");
        Path killed = tmp.resolve("killed");
        assertEquals(0, cli("run", SCENARIO, "--steps", "10", "--out", done.toString()).code());
        assertEquals(0, cli("run", SCENARIO, "--steps", "10", "--out", killed.toString()).code());
        // What a kill after step 4 leaves: the rows so far, a torn row, a manifest still saying "running".
        var rows = Files.readAllLines(killed.resolve("steps.csv"));
        Files.writeString(killed.resolve("steps.csv"), String.join("\n", rows.subList(0, 5)) + "\n" + "5,0,12.0");
        Path manifest = killed.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"outcome\": \"completed\"",
                "\"outcome\": \"running\""));
        Cli.Result r = cli("compare", done.toString(), killed.toString(), "--out", tmp.resolve("cmp").toString(),
                "--format", "csv");
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(tmp.resolve("cmp/comparison.md"));
        assertTrue(md.contains("| complete |"), md);
        assertTrue(md.contains("INCOMPLETE: interrupted after 4 of 10 steps"), md);
        assertTrue(r.out().contains("warning: killed: INCOMPLETE"), r.out());
    }

    @Test
    void figureSizesAreBoundedBeforeAnythingIsDrawn(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, cli("run", SCENARIO, "--steps", "5", "--out", run.toString()).code());
        Cli.Result r = cli("export", run.toString(), "--out", tmp.resolve("fig").toString(), "--format", "png",
                "--width", "20000", "--height", "20000");
        assertEquals(2, r.code());
        oneLine(r);
        assertTrue(r.err().contains("400 megapixels"), r.err());
        Cli.Result page = cli("export", run.toString(), "--out", tmp.resolve("fig").toString(), "--format", "pdf",
                "--width", "20000", "--height", "500", "--dpi", "36");
        assertEquals(2, page.code());
        assertTrue(page.err().contains("inches"), page.err());
        try (Stream<Path> s = Files.exists(tmp.resolve("fig")) ? Files.list(tmp.resolve("fig")) : Stream.empty()) {
            assertFalse(s.anyMatch(p -> p.toString().endsWith(".part")), "no half-written figure");
        }
    }
}
