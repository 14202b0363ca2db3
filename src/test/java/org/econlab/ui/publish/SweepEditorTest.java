package org.econlab.ui.publish;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.econlab.sweep.SweepDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep form writes a sweep file that the sweep command reads, and never leaves an invalid one behind. */
class SweepEditorTest {

    private static JsonObject sweep(String base, JsonArray values) {
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", 1);
        o.addProperty("name", "tax year");
        o.addProperty("base", base);
        JsonObject p = new JsonObject();
        p.addProperty("path", "taxYearSteps");
        p.add("values", values);
        JsonArray params = new JsonArray();
        params.add(p);
        o.add("parameters", params);
        o.addProperty("seeds", 2);
        o.addProperty("steps", 20);
        return o;
    }

    @Test
    void aSweepWrittenByTheFormReadsBackWithItsGrid(@TempDir Path dir) throws Exception {
        Path base = Path.of("sample-scenarios/three-5-rational.json").toAbsolutePath();
        Path file = SweepEditor.write(sweep(base.toString(), SweepEditor.values("5, 10, 25")), dir.resolve("s.sweep.json"));
        SweepDefinition d = SweepDefinition.read(file);
        assertEquals(3, d.points());
        assertEquals(6, d.runs().size());
        String written = com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("base").getAsString();
        assertFalse(Path.of(written).isAbsolute(), "the base is relative to the sweep file: " + written);
        assertEquals(2, SweepEditor.values("[10,20,30], [20,30,40]").size());
    }

    @Test
    void anInvalidSweepIsRefusedWithItsFieldAndNotWritten(@TempDir Path dir) {
        Path base = Path.of("sample-scenarios/three-5-rational.json").toAbsolutePath();
        Path file = dir.resolve("bad.sweep.json");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SweepEditor.write(sweep(base.toString(), SweepEditor.values("5, -3")), file));
        assertTrue(e.getMessage().contains("taxYearSteps") || e.getMessage().contains("parameters"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
