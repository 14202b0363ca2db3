package org.econlab.population;

import org.econlab.config.InvalidInputException;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SkillsByOccupationTest {

    private static Scenario scenario(boolean personas, boolean byOccupation) {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"seed\":3,\"population\":{\"agents\":50,\"personas\":" + personas
                + ",\"skills\":{\"prior\":\"gb2\",\"conditionOnOccupation\":" + byOccupation + "}}}");
    }

    @Test
    void theDefaultIsThePapersIndependentDraw() {
        assertFalse(scenario(true, false).population().skillsByOccupation());
    }

    @Test
    void conditionedSkillsScaleTheSameDrawByTheOccupationsRelativeMedian() {
        Population independent = Population.generate(scenario(true, false).population(), 3);
        Scenario s = scenario(true, true);
        Population conditioned = Population.generate(s.population(), 3);
        OccupationEarnings e = OccupationEarnings.bundled();
        for (int i = 0; i < 50; i++) {
            Persona p = conditioned.persona(i);
            assertEquals(p, independent.persona(i));
            assertEquals(independent.skill(i) * e.relativeToAll(p.occupation(), p.sex()), conditioned.skill(i), 1e-9);
        }
        String saved = ScenarioCodec.write(s);
        assertEquals(saved, ScenarioCodec.write(ScenarioCodec.parse(saved)), "the field survives a save and load");
        assertEquals(true, ScenarioCodec.parse(saved).population().skillsByOccupation());
    }

    @Test
    void conditioningNeedsPersonas() {
        InvalidInputException ex = assertThrows(InvalidInputException.class, () -> scenario(false, true));
        assertEquals("population.skills.conditionOnOccupation: needs population.personas=true", ex.getMessage());
    }
}
