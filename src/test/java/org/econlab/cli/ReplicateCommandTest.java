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
    void writesOneCsvRowPerRunAndAMarkdownSummaryWithIntervalsAndAssumptions(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(out), new PrintWriter(err), "replicate", "--steps", "60", "--seeds", "2",
                "--pg-episodes", "8", "--out", dir.toString());
        assertEquals(LabCli.OK, code, err.toString());
        List<String> csv = Files.readAllLines(dir.resolve("replication.csv"));
        assertEquals("scenario,welfare,planner,seed,swf_final,swf_mean_last20pct,swf_mean_exploit,mean_labor,gini,"
                + "total_tax,final_rates,zero_income_final,idle_workers,stackelberg_rational_swf", csv.get(0));
        // per seed and welfare function: rational-5 and bounded-100 7 planners (with policy_gradient), us-fed-100 8
        // (+ us_fed), democratic-100 9 (+ the elected leader, without and with platforms), hetero-us-fed-100 9 (+ saez_mean)
        assertEquals(1 + 2 * 2 * (7 + 8 + 7 + 9 + 9), csv.size());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("us-fed-100,inverse_skill,policy_gradient,43,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("hetero-us-fed-100,inverse_income,saez_mean,42,")));
        assertTrue(Files.isRegularFile(dir.resolve("policies/us-fed-100-inverse_skill/policy.json")));
        assertTrue(err.toString().contains("policy_gradient us-fed-100 inverse_skill: trained 8 episodes"), err.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("democratic-100,inverse_income,democratic,1043,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("democratic-100,inverse_skill,democratic_platforms,1042,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("us-fed-100,inverse_income,us_fed,42,")));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("bounded-100,inverse_skill,saez_paper,43,")));
        String md = Files.readString(dir.resolve("replication.md"));
        assertTrue(md.contains("## Assumptions in force") && md.contains("own_share") && md.contains("delta = 3.5"), md);
        assertTrue(md.contains("## us-fed-100 | inverse_skill") && md.contains("| stackelberg |"), md);
        assertTrue(md.contains("| icrl - saez (exploit SWF) |") && md.contains("| icrl / stackelberg (exploit SWF), median |")
                && md.contains("| democratic_platforms - icrl (exploit SWF) |") && md.contains("| democratic - icrl (exploit SWF) |")
                && md.contains(" of 2 |"), md);
        assertTrue(md.contains("| policy_gradient / stackelberg (exploit SWF), median |")
                && md.contains("| policy_gradient - icrl (exploit SWF) |") && md.contains("| saez - saez_mean (exploit SWF) |")
                && md.contains("training seeds [1000000,") && md.contains("delta drawn per worker"), md);

        // The same command gives the same numbers (everything is seeded), whatever the thread count.
        Path again = dir.resolve("again");
        StringWriter againErr = new StringWriter();
        LabCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(againErr), "replicate", "--steps", "60",
                "--seeds", "2", "--pg-episodes", "8", "--threads", "1", "--out", again.toString());
        assertTrue(againErr.toString().contains("trained 8 episodes"), "a new folder trains again");
        assertEquals(csv, Files.readAllLines(again.resolve("replication.csv")));
        assertEquals(md, Files.readString(again.resolve("replication.md")));
    }

    private static String replicate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(LabCli.OK, LabCli.execute(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        return out.toString();
    }

    @Test
    void threeShardsThenTheGatheringRunWriteWhatOneMachineWrites(@TempDir Path dir) throws Exception {
        String[] plan = {"--steps", "50", "--seeds", "3", "--scenarios", "rational-5,us-fed-100", "--pg-episodes", "8"};
        Path one = dir.resolve("one");
        Path shared = dir.resolve("shared");
        replicate(concat(new String[] {"replicate", "--out", one.toString()}, plan));
        for (int i = 1; i <= 3; i++) {
            String said = replicate(concat(new String[] {"replicate", "--out", shared.toString(), "--shard", i + "/3"}, plan));
            assertTrue(said.startsWith("replicate shard " + i + "/3: 4 cells run"), said);
            assertTrue(Files.notExists(shared.resolve("replication.csv")), "a shard writes no report");
        }
        String gathered = replicate(concat(new String[] {"replicate", "--out", shared.toString()}, plan));
        assertTrue(gathered.contains("(0 cells run now, 12 kept from before)"), gathered);
        assertEquals(Files.readString(one.resolve("replication.csv")), Files.readString(shared.resolve("replication.csv")));
        assertEquals(Files.readString(one.resolve("replication.md")), Files.readString(shared.resolve("replication.md")));

        // Cells made another way (here: other steps) are not reused but computed again.
        String changed = replicate("replicate", "--out", shared.toString(), "--steps", "40", "--seeds", "3",
                "--scenarios", "rational-5,us-fed-100", "--pg-episodes", "8");
        assertTrue(changed.contains("(12 cells run now, 0 kept from before)"), changed);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badArgumentsAreOneLineInputErrors(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = LabCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "replicate", "--seeds", "0",
                "--out", dir.toString());
        assertEquals(LabCli.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("error: --seeds: 0 is outside 1..1000"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(LabCli.BAD_INPUT, LabCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err2),
                "replicate", "--swf", "rawls", "--out", dir.toString()));
        assertTrue(err2.toString().startsWith("error: --swf: unknown welfare function \"rawls\""), err2.toString());
        StringWriter err3 = new StringWriter();
        assertEquals(LabCli.BAD_INPUT, LabCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err3),
                "replicate", "--shard", "4/3", "--out", dir.toString()));
        assertTrue(err3.toString().startsWith("error: --shard: I = 4 is outside 1..3"), err3.toString());
    }
}
