package org.econlab.population;

import org.econlab.economy.Gb2IncomePrior;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paper-model §4.1 with the bundled CPS 2024 occupation x sex x age table. */
class PersonaSamplingTest {

    @Test
    void bundledTableHas22OccupationsTimesTwoSexes() {
        CensusTable t = CensusTable.bundled();
        assertEquals(44, t.rows().size());
        assertEquals(161_348, t.totalWeight(), 5); // thousands of employed persons, CPS 2024
    }

    @Test
    void agesFallInsideTheirBandAndUnder18MeansSixteenOrSeventeen() throws Exception {
        CensusTable t = CensusTable.read(new StringReader("""
            Occupation_Label,SEX_Label,Under 18,18-24,25-34,35-44,45-54,55-64,65-74,75+
            Teachers,Female,1,0,0,0,0,0,0,0
            """));
        for (int i = 0; i < 200; i++) {
            Persona p = t.personaAt(i / 200.0, i / 200.0);
            assertEquals("Teachers", p.occupation());
            assertTrue(p.age() == 16 || p.age() == 17, "age " + p.age());
        }
    }

    @Test
    void zeroWeightCellsAreNeverDrawnAndFrequenciesFollowWeights() throws Exception {
        CensusTable t = CensusTable.read(new StringReader("""
            Occupation_Label,SEX_Label,Under 18,18-24,25-34,35-44,45-54,55-64,65-74,75+
            A,Male,0,0,3,0,0,0,0,0
            B,Female,0,0,0,0,0,0,0,1
            """));
        Map<String, Integer> counts = new HashMap<>();
        int n = 4000;
        for (int i = 0; i < n; i++) {
            Persona p = t.personaAt((i + 0.5) / n, 0.5);
            counts.merge(p.occupation(), 1, Integer::sum);
            if (p.occupation().equals("A")) {
                assertTrue(p.age() >= 25 && p.age() <= 34);
            } else {
                assertTrue(p.age() >= 75 && p.age() <= 90);
            }
        }
        assertEquals(3000, counts.get("A"));
        assertEquals(1000, counts.get("B"));
    }

    @Test
    void generatedPopulationHasPersonasAndTheUtilityMix() {
        PopulationSpec spec = new PopulationSpec(1000, Gb2IncomePrior.US_INCOME_2023, true, CensusTable.bundled(),
                new UtilityMix(70, 20, 10));
        Population p = Population.generate(spec, 3);
        int[] types = new int[3];
        for (int i = 0; i < p.size(); i++) {
            types[p.utilityType(i).ordinal()]++;
            assertTrue(p.persona(i).age() >= 16 && p.persona(i).age() <= 90);
        }
        assertEquals(700, types[0]);
        assertEquals(200, types[1]);
        assertEquals(100, types[2]);
        assertEquals("management_occupations_7", new Persona("Management occupations", "Male", 40).key(7));
    }

    @Test
    void skillOrderIsAscending() {
        Population p = Population.generate(new PopulationSpec(500, Gb2IncomePrior.US_INCOME_2023, false, null,
                UtilityMix.ALL_EGOTISTICAL), 1);
        int[] order = p.skillOrder();
        for (int i = 1; i < order.length; i++) {
            assertTrue(p.skill(order[i - 1]) <= p.skill(order[i]));
        }
    }
}
