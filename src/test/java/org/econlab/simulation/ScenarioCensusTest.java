package org.econlab.simulation;

import org.econlab.config.InvalidInputException;
import org.econlab.population.CensusTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional {@code population.census} field: absent means the bundled CPS 2024 table, or an inline table. */
class ScenarioCensusTest {

    private static String scenario(String population) {
        return """
            { "schemaVersion": 1, "population": %s, "brackets": { "preset": "three" },
              "worker": { "kind": "rational" }, "planner": { "kind": "saez" } }
            """.formatted(population);
    }

    private static final String TWO_ROWS = """
        [ { "occupation": "Teachers", "sex": "Female", "weights": [0, 1, 2, 3, 4, 5, 6, 7] },
          { "occupation": "Farmers", "sex": "Male", "weights": [1, 1, 1, 1, 1, 1, 1, 1.5] } ]
        """;

    @Test
    void absentMeansTheBundledTableAndIsNotWritten() {
        Scenario s = ScenarioCodec.parse(scenario("{ \"agents\": 5, \"personas\": true }"));
        assertSame(CensusTable.bundled(), s.population().census());
        assertFalse(ScenarioCodec.write(s).contains("\"census\""));
    }

    @Test
    void anInlineTableIsReadWrittenAndReadBackEqual() {
        Scenario s = ScenarioCodec.parse(scenario("{ \"agents\": 5, \"personas\": true, \"census\": " + TWO_ROWS + " }"));
        CensusTable t = s.population().census();
        assertEquals(2, t.rows().size());
        assertEquals("Teachers", t.rows().get(0).occupation());
        assertEquals(36.5, t.totalWeight(), 1e-12);
        String json = ScenarioCodec.write(s);
        assertTrue(json.contains("\"census\""), json);
        Scenario back = ScenarioCodec.parse(json);
        assertEquals(t, back.population().census());
        assertEquals(s, back);
        // Personas are drawn from the edited table.
        Simulation sim = new Simulation(back, false);
        String occ = sim.population().persona(0).occupation();
        assertTrue(occ.equals("Teachers") || occ.equals("Farmers"), occ);
    }

    private static String refuse(String population) {
        return assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(scenario(population))).getMessage();
    }

    @Test
    void badTablesNameTheField() {
        assertEquals("population.census[0].weights: needs 8 weights (Under 18, 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+), got 2",
                refuse("{ \"personas\": true, \"census\": [ { \"occupation\": \"A\", \"sex\": \"Male\", \"weights\": [1, 2] } ] }"));
        assertEquals("population.census[0].weights[1]: -2 is outside 0..1000000000000",
                refuse("{ \"census\": [ { \"occupation\": \"A\", \"sex\": \"Male\", \"weights\": [1, -2, 0, 0, 0, 0, 0, 0] } ] }"));
        assertEquals("population.census[0].sex: is required",
                refuse("{ \"census\": [ { \"occupation\": \"A\", \"weights\": [1, 2, 0, 0, 0, 0, 0, 0] } ] }"));
        assertEquals("population.census: the weights sum to 0; at least one must be positive",
                refuse("{ \"census\": [ { \"occupation\": \"A\", \"sex\": \"M\", \"weights\": [0, 0, 0, 0, 0, 0, 0, 0] } ] }"));
        assertEquals("population.census: needs at least one row", refuse("{ \"census\": [] }"));
        assertTrue(refuse("{ \"census\": [ { \"occupation\": \"A\", \"sex\": \"M\", \"age\": 3, \"weights\": [1, 0, 0, 0, 0, 0, 0, 0] } ] }")
                .startsWith("population.census[0].age: unknown field"));
    }
}
