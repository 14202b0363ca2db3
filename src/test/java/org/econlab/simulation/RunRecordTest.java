package org.econlab.simulation;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.economy.TaxSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run record folder: manifest, steps.csv flushed every step, events. */
class RunRecordTest {

    private static JsonObject manifest(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve(RunRecordWriter.MANIFEST))).getAsJsonObject();
    }

    @Test
    void aCompletedRunHasOneRowPerStepAndAFinalManifest(@TempDir Path dir) throws IOException {
        Scenario s = TestScenarios.scenario(20, 12, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, true);
        sim.addListener(new RunRecordWriter(dir));
        StepSnapshot last = sim.runToEnd();
        List<String> rows = Files.readAllLines(dir.resolve(RunRecordWriter.STEPS));
        assertEquals(13, rows.size());
        assertTrue(rows.get(0).startsWith("step,tax_year,rate_0,rate_1,rate_2,swf,mean_labor,mean_income,total_tax,rebate"));
        JsonObject m = manifest(dir);
        assertEquals("completed", m.get("outcome").getAsString());
        assertEquals(12, m.get("stepsCompleted").getAsInt());
        assertEquals(42, m.get("seed").getAsLong());
        assertEquals(last.swf(), m.get("finalSwf").getAsDouble(), 1e-9);
        assertEquals("test", m.getAsJsonObject("scenario").get("name").getAsString());
        assertTrue(m.has("startedAt") && m.has("endedAt") && m.has("labVersion"));
    }

    @Test
    void rowsAreOnDiskAfterEveryStepAndAStoppedRunSaysSo(@TempDir Path dir) throws IOException {
        Scenario s = TestScenarios.scenario(20, 100, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        Simulation sim = new Simulation(s, false);
        sim.addListener(new RunRecordWriter(dir));
        sim.step();
        sim.step();
        sim.step();
        // Nothing closed yet: what a kill at this moment would leave behind.
        assertEquals(4, Files.readAllLines(dir.resolve(RunRecordWriter.STEPS)).size());
        assertEquals("running", manifest(dir).get("outcome").getAsString());
        sim.intervene(TaxSchedule.of(s.brackets(), 10, 20, 30), "teacher's demo");
        sim.step();
        sim.end(RunOutcome.STOPPED, null);
        assertEquals("stopped", manifest(dir).get("outcome").getAsString());
        String events = Files.readString(dir.resolve(RunRecordWriter.EVENTS));
        assertTrue(events.contains("\"event\":\"intervention\"") && events.contains("teacher's demo"), events);
        String lastRow = Files.readAllLines(dir.resolve(RunRecordWriter.STEPS)).get(4);
        assertTrue(lastRow.startsWith("3,0,10.00,20.00,30.00,"), lastRow);
    }
}
