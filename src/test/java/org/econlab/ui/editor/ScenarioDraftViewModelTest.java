package org.econlab.ui.editor;

import org.econlab.ui.run.StatusLines;
import org.econlab.ui.editor.Fields;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import com.google.gson.JsonPrimitive;

import org.econlab.config.InvalidInputException;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's view models without a stage: the draft validates like a file, keeps undo, knows when it is saved. */
class ScenarioDraftViewModelTest {

    private final Scenario sample = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);

    @Test
    void anEditIsValidatedAsAFileWouldBeAndUndoable() {
        ScenarioDraft d = new ScenarioDraft(sample);
        assertFalse(d.dirtyProperty().get());
        d.set("brackets.rates", ScenarioCodecJson.array(10, 12, 22, 24, 32, 35, 37));
        assertTrue(d.validProperty().get());
        assertEquals(22, d.scenarioProperty().get().startSchedule().ratePercent(2));
        assertTrue(d.dirtyProperty().get());

        d.set("brackets.rates[2]", 150);
        assertFalse(d.validProperty().get());
        assertEquals("brackets.rates[2]", d.errorPathProperty().get());
        assertEquals("brackets.rates[2]: 150 is outside 0..100", d.errorMessageProperty().get());
        assertEquals(22, d.scenarioProperty().get().startSchedule().ratePercent(2), "keeps the last valid scenario");

        d.undo();
        assertTrue(d.validProperty().get());
        d.redo();
        assertFalse(d.validProperty().get());
        d.undo();
        d.undo();
        assertFalse(d.dirtyProperty().get(), "back where it was opened");
        assertFalse(d.canUndoProperty().get());
    }

    @Test
    void typedTextThatIsNotANumberIsNamedAtItsField() {
        ScenarioDraft d = new ScenarioDraft(sample);
        d.set("population.agents", Fields.value("lots"));
        assertEquals("population.agents", d.errorPathProperty().get());
        assertTrue(d.errorMessageProperty().get().contains("must be a number"), d.errorMessageProperty().get());
        assertTrue(Fields.covers("population", "population.agents"));
        assertFalse(Fields.covers("population.agents", "population.agentsX"));
    }

    @Test
    void descendingCutoffsAreRefused() {
        ScenarioDraft d = new ScenarioDraft(sample);
        d.edit(o -> {
            o.getAsJsonObject("brackets").remove("preset");
            o.getAsJsonObject("brackets").add("cutoffs", ScenarioCodecJson.array(0, 1000, 500, 10_000_000));
            o.getAsJsonObject("brackets").add("rates", ScenarioCodecJson.array(10, 20, 30));
        });
        assertEquals("brackets.cutoffs[2]", d.errorPathProperty().get());
    }

    @Test
    void saveWritesAFileThatReadsBackAndAnInvalidDraftIsNeverWritten(@TempDir Path dir) throws Exception {
        ScenarioDraft d = new ScenarioDraft(sample);
        d.set("seed", 9);
        Path f = dir.resolve("s.json");
        d.save(f);
        assertFalse(d.dirtyProperty().get());
        assertEquals(9, ScenarioCodec.read(f).seed());

        d.set("steps", new JsonPrimitive(-1));
        Path g = dir.resolve("bad.json");
        assertThrows(InvalidInputException.class, () -> d.save(g));
        assertFalse(Files.exists(g));
    }

    @Test
    void aBadFileKeepsTheEdits(@TempDir Path dir) throws Exception {
        ScenarioDraft d = new ScenarioDraft(sample);
        d.set("seed", 5);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"schemaVersion\": 1, \"steps\": \"many\" }");
        assertThrows(InvalidInputException.class, () -> d.open(bad));
        assertEquals(5, d.scenarioProperty().get().seed());
        assertTrue(d.dirtyProperty().get());
    }

    @Test
    void llmFiguresAppearInTheStatusWhenTheRunReportsThem() {
        StepSnapshot s = new StepSnapshot(0, 0, new double[] {10}, true, false, 1, 40, 1000, 1, 0, 0, 0,
                new int[] {1}, new int[10], -1, 0, List.of("llm_calls", "llm_tokens_in", "llm_cost_usd", "other"),
                new double[] {12, 3400, 0.0213, 5});
        assertEquals("LLM calls 12 · tokens in 3,400 · cost usd $0.0213", StatusLines.llmUsage(s));
        StepSnapshot none = new StepSnapshot(0, 0, new double[] {10}, true, false, 1, 40, 1000, 1, 0, 0, 0,
                new int[] {1}, new int[10], -1, 0, List.of(), new double[0]);
        assertEquals("", StatusLines.llmUsage(none));
    }

    /** Small JSON helpers for the tests. */
    static final class ScenarioCodecJson {
        static com.google.gson.JsonArray array(double... v) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            for (double x : v) {
                a.add(Fields.value(Fields.number(x)));
            }
            return a;
        }
    }
}
