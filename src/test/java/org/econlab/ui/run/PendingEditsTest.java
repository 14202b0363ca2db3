package org.econlab.ui.run;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.LabApp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the Reset button names when edits wait for it. */
class PendingEditsTest {

    @Test
    void aNewWelfareFunctionAndStepsAreNamedInWords() {
        Scenario running = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);
        com.google.gson.JsonObject edited = ScenarioCodec.toJson(running);
        edited.getAsJsonObject("utility").addProperty("swf", "maximin");
        edited.addProperty("steps", 300);
        List<String> changes = PendingEdits.between(running, ScenarioCodec.fromJson(edited));
        assertEquals(List.of("welfare function", "steps"), changes);
        assertEquals("Reset to apply: welfare function, steps", PendingEdits.resetLabel(changes));
        assertEquals(List.of(), PendingEdits.between(running, running));
    }
}
