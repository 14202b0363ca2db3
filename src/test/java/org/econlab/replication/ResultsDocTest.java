package org.econlab.replication;

import org.econlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Results stay reproducible by one command and are regenerated, not hand-copied. docs/replication/ holds the
 * output of {@code replicate --out docs/replication}; the tables of the README's Results and of docs/results.md
 * (between {@code <!-- generated:NAME -->} and {@code <!-- /generated -->}) are generated from its replication.md by
 * this test; and a slice of the replication is run again here and must give the committed rows digit for digit.
 * After a change that moves the numbers: {@code java -jar target/llm-economist-lab.jar replicate --out
 * docs/replication}, then {@code mvn -B -o test -Dtest=ResultsDocTest -Ddocs.regenerate=true}, then read the prose.
 */
class ResultsDocTest {

    static final Path REPLICATION = Path.of("docs/replication/replication.md");
    static final Path CSV = Path.of("docs/replication/replication.csv");
    static final Path RESULTS = Path.of("docs/results.md");
    static final Path README = Path.of("README.md");

    static final List<String> SCENARIOS = List.of("rational-5", "us-fed-100", "bounded-100", "democratic-100");
    private static final Pattern BLOCK = Pattern.compile("(<!-- generated:([\\w-]+)[^>]*-->\\n)(.*?)(<!-- /generated -->)",
            Pattern.DOTALL);

    /** The rows of each "## scenario | welfare" section's tables: first cell to the row's cells. */
    static Map<String, Map<String, List<String>>> sections(String md) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Map<String, List<String>> rows = null;
        for (String line : md.split("\n")) {
            if (line.startsWith("## ") && line.contains(" | ")) {
                rows = new LinkedHashMap<>();
                out.put(line.substring(3).strip(), rows);
            } else if (rows != null && line.startsWith("| ") && !line.startsWith("| ---")) {
                List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| ", -1));
                rows.put(cells.get(0), cells);
            }
        }
        return out;
    }

    private static String cell(Map<String, Map<String, List<String>>> s, String scenario, String welfare, String row, int col) {
        List<String> cells = s.getOrDefault(scenario + " | " + welfare, Map.of()).get(row);
        return cells == null ? "–" : cells.get(col);
    }

    private static String header(String first) {
        return "| " + first + " | " + String.join(" | ", SCENARIOS) + " |\n|" + " --- |".repeat(SCENARIOS.size() + 1) + "\n";
    }

    /** Exploit SWF, mean [95% CI], per planner and scenario, under {@code welfare}. */
    static String exploitTable(Map<String, Map<String, List<String>>> s, String welfare, Map<String, String> planners) {
        StringBuilder b = new StringBuilder(header("planner"));
        planners.forEach((id, label) -> {
            b.append("| ").append(label);
            for (String sc : SCENARIOS) {
                b.append(" | ").append(cell(s, sc, welfare, id, 1));
            }
            b.append(" |\n");
        });
        return b.toString();
    }

    /** Paired comparisons (estimate [95% CI], seeds won) per scenario, both welfare functions. */
    static String pairedTable(Map<String, Map<String, List<String>>> s) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String w : List.of("inverse_skill", "inverse_income")) {
            rows.put(w + "\u0000icrl - saez (exploit SWF)", "`" + w + "`: icrl - saez (e = 0.4)");
            rows.put(w + "\u0000icrl - saez_paper (exploit SWF)", "`" + w + "`: icrl - saez_paper (e = 3.0)");
            rows.put(w + "\u0000icrl / stackelberg (exploit SWF), median", "`" + w + "`: icrl / stackelberg, median");
            rows.put(w + "\u0000policy_gradient / stackelberg (exploit SWF), median",
                    "`" + w + "`: policy_gradient / stackelberg, median");
            rows.put(w + "\u0000democratic - icrl (exploit SWF)", "`" + w + "`: democratic - icrl");
            rows.put(w + "\u0000democratic_platforms - icrl (exploit SWF)", "`" + w + "`: democratic_platforms - icrl");
        }
        StringBuilder b = new StringBuilder(header("paired comparison (exploit SWF)"));
        rows.forEach((key, label) -> {
            String[] k = key.split("\u0000");
            b.append("| ").append(label);
            for (String sc : SCENARIOS) {
                String est = cell(s, sc, k[0], k[1], 1);
                String won = cell(s, sc, k[0], k[1], 2);
                b.append(" | ").append(est.equals("–") ? "" : est + ", " + won);
            }
            b.append(" |\n");
        });
        return b.toString();
    }

    static Map<String, String> planners(boolean all) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("icrl", "icrl");
        p.put("saez", "saez (e = 0.4, the model's)");
        p.put("saez_paper", "saez_paper (e = 3.0, the paper's baseline)");
        if (all) {
            p.put("saez_estimated", "saez_estimated");
        }
        p.put("stackelberg", "stackelberg (played by the same workers)");
        p.put("us_fed", "us_fed");
        p.put("free_market", "free_market");
        p.put("democratic", "democratic (no platforms)");
        p.put("policy_gradient", "policy_gradient (trained on other seeds)");
        if (all) {
            p.put("democratic_platforms", "democratic_platforms");
        }
        return p;
    }

    /** {@code page} with every generated block replaced by what {@code blocks} says it holds. */
    static String fill(String page, Map<String, String> blocks) {
        Matcher m = BLOCK.matcher(page);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String body = blocks.get(m.group(2));
            assertTrue(body != null, "no generator for block " + m.group(2));
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
        }
        m.appendTail(b);
        return b.toString();
    }

    @Test
    void theResultsTablesAreGeneratedFromTheCommittedReplication() throws IOException {
        var s = sections(Files.readString(REPLICATION));
        assertEquals(10, s.size(), "five scenarios x two welfare functions in " + REPLICATION);
        Map<String, String> blocks = Map.of(
                "exploit-inverse_skill", exploitTable(s, "inverse_skill", planners(true)),
                "paired", pairedTable(s),
                "summary", exploitTable(s, "inverse_skill", planners(false)));
        for (Path page : List.of(RESULTS, README)) {
            String now = Files.readString(page);
            String generated = fill(now, blocks);
            if (Boolean.getBoolean("docs.regenerate")) {
                Files.writeString(page, generated, StandardCharsets.UTF_8);
                now = generated;
            }
            assertTrue(BLOCK.matcher(now).find(), page + " has a generated table");
            assertEquals(generated, now, page + ": its tables differ from " + REPLICATION
                    + "; mvn -B -o test -Dtest=ResultsDocTest -Ddocs.regenerate=true");
        }
        assertTrue(blocks.get("summary").contains("| icrl | "), blocks.get("summary"));
    }

    @Test
    void theCommittedReplicationIsWhatTheCommandWritesToday(@TempDir Path dir) throws IOException {
        // One slice (rational-5 under inverse_skill, every planner, all 10 seeds): a few seconds; the whole
        // replication is `replicate --out docs/replication` (800 runs).
        Cli.Result r = Cli.run("replicate", "--scenarios", "rational-5", "--swf", "inverse_skill", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> now = Files.readAllLines(dir.resolve("replication.csv")).stream()
                .filter(l -> l.startsWith("rational-5,inverse_skill,")).toList();
        List<String> committed = Files.readAllLines(CSV).stream()
                .filter(l -> l.startsWith("rational-5,inverse_skill,")).toList();
        assertEquals(70, now.size(), "7 planners x 10 seeds");
        assertEquals(committed, now, CSV + " is not what replicate writes today: java -jar target/llm-economist-lab.jar"
                + " replicate --out docs/replication");
        String section = Files.readString(dir.resolve("replication.md"));
        String mine = section.substring(section.indexOf("## rational-5 | inverse_skill"));
        assertTrue(Files.readString(REPLICATION).contains(mine.strip()), "the committed replication.md has this section");
    }
}
