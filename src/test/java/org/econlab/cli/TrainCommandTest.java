package org.econlab.cli;

import org.econlab.simulation.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train}: help, plain errors, a policy and a learning curve; a second call reuses, a resumed one matches. */
class TrainCommandTest {

    @Test
    void helpShowsAnExample() {
        Cli.Result r = Cli.run("train", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--episodes") && r.out().contains(CommandTree.EXAMPLES), r.out());
    }

    @Test
    void badSeedsAreNamed(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("s.json");
        Files.writeString(sc, TestScenarios.json(5, 20, "three", "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}"));
        Cli.Result r = Cli.run("train", sc.toString(), "--episodes", "2", "--seeds", "9-3", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertEquals("error: --seeds: \"9-3\": the last seed is below the first", r.err().strip());
        r = Cli.run("train", sc.toString(), "--episodes", "0", "--seeds", "1-3", "--out", dir.resolve("o").toString());
        assertEquals("error: --episodes: 0 is outside 1..1000000", r.err().strip());
    }

    @Test
    void trainsWritesAndReuses(@TempDir Path dir) throws Exception {
        Path sc = dir.resolve("s.json");
        Files.writeString(sc, TestScenarios.json(5, 20, "three", "{\"kind\":\"learning\"}", "{\"kind\":\"icrl\"}"));
        Path out = dir.resolve("policy");
        Cli.Result r = Cli.run("train", sc.toString(), "--episodes", "4", "--seeds", "1-2", "--batch", "2",
                "--threads", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("train: 4 episodes on seeds 1-2"), r.out());
        assertTrue(r.err().contains("[##############################] 4/4 episodes"), r.err());
        for (String f : new String[] {"policy.json", "checkpoint.json", "learning-curve.csv", "learning-curve.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String policy = Files.readString(out.resolve("policy.json"));
        Cli.Result again = Cli.run("train", sc.toString(), "--episodes", "4", "--seeds", "1-2", "--batch", "2",
                "--out", out.toString());
        assertTrue(again.out().contains("already trained this way"), again.out());
        assertEquals(policy, Files.readString(out.resolve("policy.json")));
        // an interrupted training (only its checkpoint left) resumes and ends with the same policy
        Files.delete(out.resolve("policy.json"));
        Cli.Result resumed = Cli.run("train", sc.toString(), "--episodes", "4", "--seeds", "1-2", "--batch", "2",
                "--threads", "2", "--out", out.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(policy, Files.readString(out.resolve("policy.json")));
    }
}
