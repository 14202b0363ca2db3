package org.econlab.ui.editor;

import org.econlab.population.CensusTable;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's previews as data: the start schedule's rate curves, the prior's histogram and the persona mix. */
class EditorPreviewsTest {

    private static final Scenario FLAT_30 = ScenarioCodec.parse("{\"schemaVersion\":1,\"population\":{\"agents\":10},"
            + "\"brackets\":{\"preset\":\"three\",\"rates\":[30,30,30]}}");

    @Test
    void aFlatScheduleIsFlatAtItsRateAndSoIsItsAverageRate() {
        EditorPreviews.TaxCurves c = EditorPreviews.taxCurves(FLAT_30);
        assertEquals(EditorPreviews.CURVE_POINTS + 1, c.income().length);
        for (int i = 1; i < c.income().length; i++) {
            assertEquals(30, c.marginal()[i], 1e-9, "marginal at $" + c.income()[i]);
            assertEquals(30, c.average()[i], 1e-9, "average at $" + c.income()[i]);
        }
    }

    @Test
    void thePriorsBarsHoldTheSampledWorkersUpToThe97thPercentileAndTheCutoffsInsideThem() {
        EditorPreviews.IncomePrior p = EditorPreviews.incomePrior(FLAT_30);
        double shown = Arrays.stream(p.sharePercent()).sum();
        assertTrue(shown > 96 && shown <= 98, "share shown " + shown);
        double top = p.centre()[p.centre().length - 1];
        assertTrue(Arrays.stream(p.cutoffs()).allMatch(c -> c > 0 && c <= top * 1.1), Arrays.toString(p.cutoffs()));
        assertEquals("[90000.0, 159100.0]", Arrays.toString(p.cutoffs()), "the three-bracket preset's inner cutoffs");
    }

    @Test
    void thePersonaMixAddsUpToAHundredPercent() {
        double total = EditorPreviews.personaMix(CensusTable.bundled()).values().stream()
                .flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum();
        assertEquals(100, total, 1e-9);
        assertEquals(CensusTable.AGE_BANDS, java.util.List.copyOf(EditorPreviews.personaMix(CensusTable.bundled())
                .values().iterator().next().keySet()));
    }
}
