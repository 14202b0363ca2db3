package org.econlab.sweep;

import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging shard folders: only finished runs move, and runs of another sweep are refused before anything is copied. */
class SweepMergeTest {

    private static SweepDefinition sweep(Path dir, String name, int agents) throws Exception {
        Path f = dir.resolve(name + ".sweep.json");
        Files.writeString(f, """
            { "schemaVersion": 1, "name": "m",
              "baseScenario": { "schemaVersion": 1, "seed": 3, "steps": 8, "taxYearSteps": 4,
                                "population": { "agents": %d }, "brackets": { "preset": "three" },
                                "worker": { "kind": "rational" }, "planner": { "kind": "saez" } },
              "parameters": [ { "path": "planner.elasticity", "values": [0.3, 0.6] } ],
              "seeds": 2 }
            """.formatted(agents));
        return SweepDefinition.read(f);
    }

    @Test
    void runsOfAnotherSweepWithTheSameIdsAreRefusedAndNothingIsCopied(@TempDir Path tmp) throws Exception {
        new SweepRunner(sweep(tmp, "a", 20), tmp.resolve("a"), 1, new Shard(1, 2)).run(-1, n -> { });
        new SweepRunner(sweep(tmp, "b", 25), tmp.resolve("b"), 1).run(-1, n -> { });
        Path out = tmp.resolve("out");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SweepMerge.merge(List.of(tmp.resolve("a"), tmp.resolve("b")), out));
        assertTrue(e.getMessage().contains("run p0000-s3 has another scenario than"), e.getMessage());
        assertTrue(e.getMessage().endsWith("were both made from the same sweep file? Nothing was copied."), e.getMessage());
        assertFalse(Files.exists(out.resolve("runs").resolve("p0000-s3")));
    }

    @Test
    void mergingIntoOneOfTheSourcesCopiesOnlyTheOthers(@TempDir Path tmp) throws Exception {
        SweepDefinition s = sweep(tmp, "s", 20);
        new SweepRunner(s, tmp.resolve("a"), 1, new Shard(1, 2)).run(-1, n -> { });
        new SweepRunner(s, tmp.resolve("b"), 1, new Shard(2, 2)).run(-1, n -> { });
        // A copy torn by an interrupted earlier merge is ignored and replaced.
        Files.createDirectories(tmp.resolve("a").resolve("runs").resolve("p0000-s4.part"));
        SweepMerge.Result r = SweepMerge.merge(List.of(tmp.resolve("a"), tmp.resolve("b")), tmp.resolve("a"));
        assertEquals(new SweepMerge.Result(2, 0, 0), r);
        SweepRunner.Progress p = new SweepRunner(s, tmp.resolve("a"), 1).run(-1, n -> { });
        assertEquals(new SweepRunner.Progress(4, 4, 0, 0, 0), p);
        assertFalse(Files.exists(tmp.resolve("a").resolve("runs").resolve("p0000-s4.part")));
    }
}
