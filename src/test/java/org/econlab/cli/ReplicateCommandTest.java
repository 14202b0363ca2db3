package org.econlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicateCommandTest {

    @Test
    void writesOneCsvRowPerRunAndAMarkdownSummary(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out), new PrintWriter(err), "replicate", "--steps", "60", "--seeds", "2",
                "--out", dir.toString());
        assertEquals(LabCli.OK, code, err.toString());
        List<String> csv = Files.readAllLines(dir.resolve("replication.csv"));
        assertTrue(csv.get(0).startsWith("scenario,planner,seed,swf_final,swf_mean_last20pct,"), csv.get(0));
        assertTrue(csv.get(0).contains(",mean_labor,gini,total_tax,"), csv.get(0));
        // rational-5: 4 planners, us-fed-100: 5, bounded-100: 4, democratic-100: 5; two seeds each
        assertEquals(1 + 2 * (4 + 5 + 4 + 5), csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("democratic-100,democratic,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("us-fed-100,us_fed,")));
        String md = Files.readString(dir.resolve("replication.md"));
        assertTrue(md.contains("## us-fed-100") && md.contains("| stackelberg |") && md.contains("+-"), md);

        // The same command gives the same numbers (everything is seeded).
        Path again = dir.resolve("again");
        LabCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "replicate", "--steps", "60",
                "--seeds", "2", "--threads", "1", "--out", again.toString());
        assertEquals(csv, Files.readAllLines(again.resolve("replication.csv")));
    }

    @Test
    void badSeedCountIsAOneLineInputError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "replicate", "--seeds", "0",
                "--out", dir.toString());
        assertEquals(LabCli.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("error: --seeds: 0 is outside 1..1000"), err.toString());
    }
}
