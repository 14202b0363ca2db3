package org.econlab.cli;

import org.econlab.errors.ErrorPolicy;
import org.econlab.errors.PlainWords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: one table of every family of error a user can fix, each with the words the user must see, exit code 2,
 * one line, and no Java class name ("NoSuchFileException") or package in it. Rows run the real command line where
 * the failure can be produced here; the few that cannot (a full disk, a permission refused to root, running out of
 * memory) give the error policy the exception the JDK throws.
 */
class ErrorWordsTest {

    /** A class name as Java prints it: "NoSuchFileException", "java.nio.file.X", "org.econlab.Y". */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.|\\borg\\.econlab\\.|\\bis not an int\\b");

    @TempDir
    static Path tmp;

    private static Path file;
    private static Path full;
    private static Path badJson;
    private static Path badField;
    private static Path endpoints;
    private static Path cassette;

    @BeforeAll
    static void files() throws IOException {
        file = Files.writeString(tmp.resolve("a-file"), "x");
        full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("manifest.json"), "{}");
        badJson = Files.writeString(tmp.resolve("bad.json"), "{\"schemaVersion\": 1,");
        badField = Files.writeString(tmp.resolve("field.json"), "{ \"schemaVersion\": 1, \"brackets\": { \"preset\":"
                + " \"three\", \"rates\": [10, 20, 150] }, \"worker\": { \"kind\": \"rational\" } }");
        endpoints = Files.writeString(tmp.resolve("endpoints.json"), "{ \"endpoints\": [ { \"name\": \"local\","
                + " \"provider\": \"openai\", \"baseUrl\": \"http://127.0.0.1:9/v1\", \"model\": \"m\" } ] }");
        cassette = Files.writeString(tmp.resolve("cassette.jsonl"), "not json\n");
    }

    /** One family: what the user did, what they must read, and how to produce it. */
    record Row(String family, String words, Supplier<Line> error) {
        @Override
        public String toString() {
            return family;
        }
    }

    /** An exit code and the stderr text. */
    record Line(int code, String text) {
    }

    private static Supplier<Line> cli(String... args) {
        return () -> {
            Cli.Result r = Cli.run(Map.of(), args);
            return new Line(r.code(), r.err());
        };
    }

    private static Supplier<Line> policy(Throwable t) {
        return () -> {
            ErrorPolicy.Verdict v = ErrorPolicy.classify(t);
            return new Line(v.exitCode(), "error: " + v.line() + "\n");
        };
    }

    private static final String SCENARIO = "sample-scenarios/three-5-rational.json";
    private static final String LLM_SCENARIO = "sample-scenarios/llm-rational-5.json";

    static Stream<Row> families() {
        return Stream.of(
            new Row("a misspelt option", "unknown option '--stpes'; did you mean --steps?", cli("run", SCENARIO, "--stpes", "3")),
            new Row("an unknown command", "unknown command 'swep'; did you mean sweep", cli("swep")),
            new Row("an unknown sub-subcommand", "unknown command 'chek'; did you mean check", cli("llm", "chek")),
            new Row("a missing required option", "Missing required option: '--income", cli("tax", "--brackets", "three", "--rates", "1,2,3")),
            new Row("a word where a whole number goes", "'ten' is not a whole number", cli("run", SCENARIO, "--steps", "ten")),
            new Row("a word where a number goes", "'lots' is not a number", cli("tax", "--brackets", "three", "--rates", "1,2,3", "--income", "lots")),
            new Row("a stray argument", "unexpected argument 'extra'", cli("validate", SCENARIO, "extra")),
            new Row("a value out of range", "--steps: 0 is outside 1..", cli("run", SCENARIO, "--steps", "0")),
            new Row("a scenario file that is not there", "no such file", cli("validate", tmp.resolve("nope.json").toString())),
            new Row("a scenario that is not JSON", "not valid JSON", cli("validate", badJson.toString())),
            new Row("a scenario field out of range", "brackets.rates[2]: 150 is outside 0..100", cli("validate", badField.toString())),
            new Row("an unknown kind", "worker.kind: unknown worker kind", cli("validate", Files.exists(tmp) ? writeKind() : "")),
            new Row("an --out folder that cannot be made", "cannot create /proc/no/such/dir: no such folder: /proc/no",
                    cli("run", SCENARIO, "--steps", "2", "--out", "/proc/no/such/dir")),
            new Row("an --out that is a file", "is a file, not a folder", cli("run", SCENARIO, "--steps", "2", "--out", file.toString())),
            new Row("an --out that holds files", "already holds files", cli("run", SCENARIO, "--steps", "2", "--out", full.toString())),
            new Row("a run too large for the heap", "of heap", cli("run", SCENARIO, "--steps", "2", "--agents", "50000000")),
            new Row("a figure too large", "megapixels", cli("export", full.toString(), "--out", tmp.resolve("f").toString(), "--width", "20000", "--height", "20000")),
            new Row("a folder that is not a run record", "not a run record", cli("export", tmp.toString(), "--out", tmp.resolve("g").toString())),
            new Row("a sweep file that is not there", "cannot read " + tmp.resolve("no.sweep.json") + ": no such file or folder",
                    cli("sweep", tmp.resolve("no.sweep.json").toString(), "--out", tmp.resolve("s").toString())),
            new Row("an unknown endpoint profile", "--endpoint: no profile named nosuch",
                    cli("run", LLM_SCENARIO, "--endpoints-file", endpoints.toString(), "--endpoint", "nosuch")),
            new Row("an endpoint URL that is not HTTP", "must start with http:// or https://",
                    cli("run", LLM_SCENARIO, "--llm-base-url", "ftp://x", "--llm-model", "m")),
            new Row("an endpoint nobody answers", "connection refused at http://127.0.0.1:9/v1",
                    () -> {
                        Cli.Result r = Cli.run(Map.of(), "llm", "check", "--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m");
                        return new Line(r.code(), r.out().lines().filter(l -> l.startsWith("check failed")).findFirst().orElse(r.out()));
                    }),
            new Row("a damaged cassette", "the cassette is damaged", cli("run", LLM_SCENARIO, "--replay-llm", cassette.toString())),
            new Row("an unknown welfare function", "--swf: unknown welfare function \"nope\"",
                    cli("stackelberg", "--swf", "nope", "--brackets", "three", "--skills", "1,2")),
            new Row("an unknown shell", "\"fish\" is not one of bash, zsh", cli("completion", "fish")),
            new Row("permission refused by the system", "permission denied: /srv/runs", policy(new AccessDeniedException("/srv/runs"))),
            new Row("a file gone while reading", "no such file or folder: /srv/x.json", policy(new NoSuchFileException("/srv/x.json"))),
            new Row("a full disk", "cannot append to runs/x/steps.csv: No space left on device",
                    policy(new UncheckedIOException("cannot append to runs/x/steps.csv", new IOException("No space left on device")))),
            new Row("a file system failure without a reason", "/mnt/usb: file system error", policy(new FileSystemException("/mnt/usb"))),
            new Row("a wrapped class name", "cannot write the record: no such file or folder: /x",
                    policy(new IllegalStateException("cannot write the record: java.nio.file.NoSuchFileException: /x",
                            new NoSuchFileException("/x")) {
                        private static final long serialVersionUID = 1L;
                    })),
            new Row("running out of memory", "out of memory: this JVM may use at most", policy(new OutOfMemoryError("Java heap space"))));
    }

    private static String writeKind() {
        try {
            return Files.writeString(tmp.resolve("kind.json"), "{\"schemaVersion\":1,\"worker\":{\"kind\":\"robot\"}}").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyUserFixableErrorIsOneLineOfPlainWords(Row row) {
        Line l = row.error().get();
        String first = l.text().lines().findFirst().orElse("");
        assertTrue(first.contains(row.words()), row.family() + ": expected \"" + row.words() + "\" in: " + l.text());
        assertEquals(2, l.code(), row.family() + ": " + l.text());
        assertFalse(JAVA_NAME.matcher(l.text()).find(), row.family() + ": a Java name in: " + l.text());
        long lines = l.text().strip().lines().filter(x -> !x.startsWith("(see: ")).count();
        assertEquals(1, lines, row.family() + ": one line, not: " + l.text());
    }

    @Test
    void classNamesLeftInMessagesBecomeWords() {
        assertEquals("no such file or folder: /proc/no", PlainWords.of("java.nio.file.NoSuchFileException: /proc/no"));
        assertEquals("connection refused: localhost", PlainWords.of("ConnectException: localhost"));
        assertEquals("gateway closed failed", PlainWords.of("GatewayClosedException"));
        assertEquals("a HashMap and an Error stay", PlainWords.of("a HashMap and an Error stay"));
        assertEquals("permission denied", PlainWords.reason(new AccessDeniedException("/x")));
    }
}
