package org.econlab.population;

import org.econlab.population.CensusRaking.Margin;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raking the CPS persona table to new marginals by iterative proportional fitting. */
class CensusRakingTest {

    private final CensusTable census = CensusTable.bundled();

    @Test
    void theBundledTableHasThreeMarginsThatEachSumTo100() {
        assertEquals(8, CensusRaking.categories(census, Margin.AGE).size());
        assertEquals(List.of("Male", "Female"), CensusRaking.categories(census, Margin.SEX));
        assertEquals(22, CensusRaking.categories(census, Margin.OCCUPATION).size());
        for (Margin m : Margin.values()) {
            double sum = 0;
            for (double v : CensusRaking.shares(census, m)) {
                sum += v;
            }
            assertEquals(100, sum, 1e-9, m.name());
        }
    }

    @Test
    void rakingMeetsNewAgeAndSexTargetsAndHoldsTheOccupations() {
        double[] age = {2, 20, 40, 15, 10, 8, 4, 1};
        double[] sex = {40, 60};
        Map<Margin, double[]> targets = new EnumMap<>(Margin.class);
        targets.put(Margin.AGE, age);
        targets.put(Margin.SEX, sex);
        double[] occupationsBefore = CensusRaking.shares(census, Margin.OCCUPATION);
        CensusTable raked = CensusRaking.rake(census, targets, CensusRaking.TOLERANCE_PP);
        assertArrayEquals(age, CensusRaking.shares(raked, Margin.AGE), 0.02);
        assertArrayEquals(sex, CensusRaking.shares(raked, Margin.SEX), 0.02);
        assertArrayEquals(occupationsBefore, CensusRaking.shares(raked, Margin.OCCUPATION), 0.02);
        assertEquals(census.totalWeight(), raked.totalWeight(), census.totalWeight() * 1e-6);
        // zero cells stay zero and positive cells stay positive (IPF scales, never adds structure)
        for (int r = 0; r < census.rows().size(); r++) {
            for (int a = 0; a < 8; a++) {
                assertEquals(census.rows().get(r).weights()[a] == 0, raked.rows().get(r).weights()[a] == 0);
            }
        }
    }

    @Test
    void impossibleTargetsAreRefusedWithTheReason() {
        CensusTable onlyYoung = CensusRaking.keepAges(census, 0, 2);
        double[] age = {0, 0, 0, 50, 50, 0, 0, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CensusRaking.rake(onlyYoung, Map.of(Margin.AGE, age), CensusRaking.TOLERANCE_PP));
        assertTrue(e.getMessage().contains("35-44"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CensusRaking.rake(census, Map.of(Margin.SEX, new double[] {30, 30}), CensusRaking.TOLERANCE_PP));
    }

    @Test
    void presetsKeepAgesOrOneOccupation() {
        CensusTable young = CensusRaking.keepAges(census, 0, 2);
        double[] age = CensusRaking.shares(young, Margin.AGE);
        assertEquals(100, age[0] + age[1] + age[2], 1e-9);
        CensusTable sales = CensusRaking.keepOccupation(census, "Sales and related occupations");
        double[] occ = CensusRaking.shares(sales, Margin.OCCUPATION);
        int i = CensusRaking.categories(census, Margin.OCCUPATION).indexOf("Sales and related occupations");
        assertEquals(100, occ[i], 1e-9);
    }
}
