package org.econlab.sweep;

import com.google.gson.JsonParser;

import org.econlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, finding 1: a resumed sweep reuses only runs with its own fingerprint. */
class SweepFingerprintTest {

    private static final String BASE = """
        "baseScenario": { "schemaVersion": 1, "seed": 5, "steps": 6, "taxYearSteps": 3,
                          "population": { "agents": 5 }, "brackets": { "preset": "three" },
                          "worker": { "kind": "rational" }, "planner": { "kind": "saez" } },
        """;

    private static String[] cli(String... args) {
        Cli.Result r = Cli.run(args);
        return new String[] {String.valueOf(r.code()), r.out(), r.err()};
    }

    @Test
    void aChangedSweepRerunIntoTheSameFolderRecomputesAndSaysSo(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("s.sweep.json");
        Path out = tmp.resolve("out");
        Files.writeString(file, "{ \"schemaVersion\": 1, " + BASE
                + " \"parameters\": [ { \"path\": \"brackets.rates\", \"values\": [[10, 20, 30], [40, 50, 60]] } ] }");
        String[] first = cli("sweep", file.toString(), "--out", out.toString());
        assertEquals("0", first[0], first[2]);

        // The same ids (p0000-s5, p0001-s5), another experiment: 50 and 500 agents instead of other rates.
        Files.writeString(file, "{ \"schemaVersion\": 1, " + BASE
                + " \"parameters\": [ { \"path\": \"population.agents\", \"values\": [50, 500] } ] }");
        String[] second = cli("sweep", file.toString(), "--out", out.toString());
        assertEquals("0", second[0], second[2]);
        assertTrue(second[1].contains("(0 from before, 2 now)"), second[1]);
        assertTrue(second[1].contains("2 run folder(s)") && second[1].contains("fingerprint differs"), second[1]);
        for (String id : List.of("p0000-s5", "p0001-s5")) {
            var m = JsonParser.parseString(Files.readString(out.resolve("runs").resolve(id).resolve("manifest.json")))
                    .getAsJsonObject();
            assertEquals(id.equals("p0000-s5") ? 50 : 500, m.get("agents").getAsInt(), "the record is of this sweep");
        }
        try (var s = Files.list(out.resolve(SweepResume.SUPERSEDED))) {
            assertEquals(2, s.count(), "the other sweep's runs were moved aside, not deleted");
        }
        List<String> rows = Files.readAllLines(out.resolve(SweepRunner.CSV));
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("p0000-s5,0,5,50,") && rows.get(2).startsWith("p0001-s5,1,5,500,"), rows.toString());

        // Run again unchanged: everything is reused.
        String[] third = cli("sweep", file.toString(), "--out", out.toString());
        assertTrue(third[1].contains("(2 from before, 0 now)"), third[1]);
        assertEquals(rows, Files.readAllLines(out.resolve(SweepRunner.CSV)));
    }
}
