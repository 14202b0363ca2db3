package org.econlab.sweep;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweeps: a grid of validated scenarios; an interrupted and resumed sweep equals an uninterrupted one. */
class SweepTest {

    private static final String SWEEP = """
        { "schemaVersion": 1, "name": "t",
          "baseScenario": { "schemaVersion": 1, "seed": 5, "steps": 12, "taxYearSteps": 4,
                            "population": { "agents": 30 }, "brackets": { "preset": "three" },
                            "worker": { "kind": "rational" }, "planner": { "kind": "saez" } },
          "parameters": [ { "path": "planner", "values": [ { "kind": "saez", "elasticity": 0.4 }, { "kind": "free_market" } ] },
                          { "path": "population.agents", "from": 10, "to": 30, "step": 10 } ],
          "seeds": 2 }
        """;

    private static SweepDefinition write(Path dir, String json) throws Exception {
        Path f = dir.resolve("s.sweep.json");
        Files.writeString(f, json);
        return SweepDefinition.read(f);
    }

    @Test
    void theGridIsTheProductOfParametersTimesSeeds(@TempDir Path tmp) throws Exception {
        SweepDefinition s = write(tmp, SWEEP);
        assertEquals(6, s.points());
        assertEquals(12, s.runs().size());
        assertEquals("p0000-s5", s.runs().get(0).id());
        assertEquals("p0000-s6", s.runs().get(1).id());
        assertEquals(20, s.runs().get(2).scenario().population().agents());
        assertEquals("free_market", s.runs().get(11).scenario().planner().kind());
    }

    @Test
    void interruptedThenResumedEqualsUninterrupted(@TempDir Path tmp) throws Exception {
        SweepDefinition s = write(tmp, SWEEP);
        new SweepRunner(s, tmp.resolve("whole"), 2).run(-1, n -> { });

        SweepRunner.Progress first = new SweepRunner(s, tmp.resolve("resumed"), 2).run(5, n -> { });
        assertEquals(7, first.remaining());
        assertEquals(6, Files.readAllLines(tmp.resolve("resumed").resolve(SweepRunner.CSV)).size());
        // A run killed midway leaves a record without result.json: it is redone from scratch.
        Path torn = tmp.resolve("resumed").resolve("runs").resolve("p0003-s5");
        Files.createDirectories(torn);
        Files.writeString(torn.resolve("steps.csv"), "step,garbage\n0,");
        SweepRunner.Progress second = new SweepRunner(s, tmp.resolve("resumed"), 1).run(-1, n -> { });
        assertEquals(5, second.alreadyDone());
        assertEquals(7, second.ranNow());

        assertEquals(Files.readString(tmp.resolve("whole").resolve(SweepRunner.CSV)),
                Files.readString(tmp.resolve("resumed").resolve(SweepRunner.CSV)));
        assertEquals(Files.readString(tmp.resolve("whole").resolve(SweepRunner.SUMMARY)),
                Files.readString(tmp.resolve("resumed").resolve(SweepRunner.SUMMARY)));
        assertTrue(Files.size(tmp.resolve("whole").resolve("sweep-" + SweepRunner.CHART_OUTCOME + ".png")) > 0);
        List<String> rows = Files.readAllLines(tmp.resolve("whole").resolve(SweepRunner.CSV));
        assertEquals(13, rows.size());
        assertTrue(rows.get(0).startsWith("run_id,point,seed,planner,population.agents,swf_final"), rows.get(0));
    }

    @Test
    void jsonValuedParametersSurviveTheCsvRoundTrip(@TempDir Path tmp) throws Exception {
        SweepDefinition s = write(tmp, SWEEP);
        new SweepRunner(s, tmp.resolve("out"), 2).run(-1, n -> { });
        String text = Files.readString(tmp.resolve("out").resolve(SweepRunner.SUMMARY));
        assertTrue(text.contains("\"{\"\"kind\"\":\"\"saez\"\",\"\"elasticity\"\":0.4}\""), text);
        try (CSVParser csv = CSVParser.parse(text, SweepRunner.CSV_FORMAT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(6, rows.size());
            assertEquals("{\"kind\":\"saez\",\"elasticity\":0.4}", rows.get(0).get("planner"));
            assertEquals("{\"kind\":\"free_market\"}", rows.get(5).get("planner"));
            assertEquals("2", rows.get(5).get("runs"));
            assertEquals(csv.getHeaderNames().size(), rows.get(5).size());
        }
    }

    @Test
    void aBadValueIsRefusedBeforeAnythingRuns(@TempDir Path tmp) {
        String bad = SWEEP.replace("\"step\": 10 }", "\"step\": 10 }, { \"path\": \"brackets.rates\", \"values\": [[10, 20, 150]] }");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> write(tmp, bad));
        assertTrue(e.getMessage().contains("brackets.rates[2]: 150 is outside 0..100"), e.getMessage());
        assertTrue(e.getMessage().startsWith("parameters: point 0 (planner="), e.getMessage());
    }

    @Test
    void missingParametersAndUnknownFieldsAreNamed(@TempDir Path tmp) {
        assertEquals("parameters: needs a list of at least one parameter", assertThrows(InvalidInputException.class,
                () -> write(tmp, "{ \"schemaVersion\": 1, \"baseScenario\": {}, \"parameters\": [] }")).getMessage());
        String m = assertThrows(InvalidInputException.class, () -> write(tmp, SWEEP.replace("\"seeds\"", "\"sedes\""))).getMessage();
        assertTrue(m.startsWith("sedes: unknown field"), m);
    }
}
