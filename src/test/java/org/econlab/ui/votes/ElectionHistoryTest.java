package org.econlab.ui.votes;

import org.econlab.simulation.StepSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The election history lists every candidate's ballots and, with platforms, what each candidate promised. */
class ElectionHistoryTest {

    private static StepSnapshot step(int k, double[] rates, boolean acted, int leader, Map<Integer, Integer> tally,
                                     Map<Integer, List<Double>> platforms) {
        return new StepSnapshot(k, k / 25, rates, acted, false, 1, 40, 1000, 1, 0, 0, 0, new int[3],
                new int[StepSnapshot.HOURS_BINS], leader, tally.getOrDefault(leader, 0), List.of(), new double[0], tally,
                platforms);
    }

    @Test
    void candidatesAreListedWithTheirPlatformsAndTheWinnersPlatformIsWhatItPromised() {
        ElectionHistory h = new ElectionHistory();
        assertEquals("(start rates)", h.add(step(0, new double[] {50, 50, 50}, true, 3, Map.of(3, 2, 7, 1), Map.of())).platform());
        assertNull(h.add(step(1, new double[] {50, 50, 50}, false, 3, Map.of(3, 2, 7, 1), Map.of())), "no election");
        ElectionHistory.Row row = h.add(step(25, new double[] {60, 50, 30}, true, 7, Map.of(7, 4, 3, 4, 9, 1),
                Map.of(7, List.of(10.0, 0.0, -20.0), 3, List.of(0.0, 0.0, 0.0), 9, List.of(20.0, 20.0, 20.0))));
        assertEquals("#3 4 (0 0 0) · #7 4 (+10 0 −20) · #9 1 (+20 +20 +20)", row.tally());
        assertEquals("+10 0 −20", row.platform());
        assertTrue(row.tie());
        assertEquals(9, row.ballots());
        ElectionHistory.Row noPlatforms = h.add(step(50, new double[] {60, 60, 30}, true, 7, Map.of(7, 9), Map.of()));
        assertEquals("#7 9", noPlatforms.tally());
        assertEquals("0 +10 0", noPlatforms.platform()); // the change of rates it made
        assertFalse(noPlatforms.tie());
    }
}
