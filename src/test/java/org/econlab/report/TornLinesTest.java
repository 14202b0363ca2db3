package org.econlab.report;

import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 11, finding 8: a last line torn by a kill is always dropped whole, whatever is left of it. */
class TornLinesTest {

    @Test
    void aTornLastRowIsDroppedNeverHalfRead(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("r");
        Simulation sim = new Simulation(TestScenarios.scenario(10, 6, "three", "{\"kind\": \"rational\"}",
                "{\"kind\": \"saez\"}"), false);
        sim.addListener(new RunRecordWriter(dir));
        sim.runToEnd();
        Path steps = dir.resolve(RunRecordWriter.STEPS);
        List<String> rows = Files.readAllLines(steps);
        String complete = String.join("\n", rows.subList(0, 6)) + "\n"; // header + 5 steps
        String last = rows.get(6);
        double lastSwf = RunData.read(dir).last("swf");
        for (String torn : new String[] {last.substring(0, last.length() - 1), // the last field cut short
                last.substring(0, last.lastIndexOf(',') + 1) + "-", // every field there, the last cut to "-"
                last.substring(0, last.lastIndexOf(',') + 1), "-", "5,0,1", ""}) {
            Files.writeString(steps, complete + torn);
            RunData d = RunData.read(dir);
            assertEquals(5, d.rows(), "torn: \"" + torn + "\"");
            assertEquals(Double.parseDouble(rows.get(5).split(",")[5]), d.last("swf"), "the last complete row");
        }
        Files.writeString(steps, complete + last + "\n");
        assertEquals(6, RunData.read(dir).rows());
        assertEquals(lastSwf, RunData.read(dir).last("swf"));
    }
}
