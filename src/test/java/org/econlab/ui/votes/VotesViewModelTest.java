package org.econlab.ui.votes;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Votes tab without a screen: newest election first, winners with their persona, what the platform column shows. */
class VotesViewModelTest {

    private static LiveStep election(int k, int leader, Map<Integer, List<Double>> platforms) {
        return new LiveStep(new StepSnapshot(k, k / 25, new double[] {50 + k / 25.0, 50, 50}, true, false, 1, 40, 1000, 1,
                0, 0, 0, new int[3], new int[StepSnapshot.HOURS_BINS], leader, 3, List.of(), new double[0],
                Map.of(leader, 3, 99, 1), platforms), 0, 0);
    }

    private static Scenario democratic() {
        return ScenarioCodec.parse("{\"schemaVersion\":1,\"name\":\"v\",\"seed\":1,\"steps\":100,\"taxYearSteps\":25,"
                + "\"population\":{\"agents\":100},\"brackets\":{\"preset\":\"three\"},\"worker\":{\"kind\":\"learning\"},"
                + "\"planner\":{\"kind\":\"democratic\"}}");
    }

    @Test
    void electionsAreListedNewestFirstWithTheWinnersPersona() {
        VotesViewModel vm = new VotesViewModel(i -> i == 78 ? "Nurse, female, 40" : "");
        vm.reset(democratic());
        assertTrue(vm.votingProperty().get());
        vm.append(List.of(election(0, 78, Map.of()), election(25, 4, Map.of())));
        assertEquals(List.of(25, 0), vm.elections().stream().map(e -> e.row().step()).toList());
        assertEquals("#78 Nurse, F 40 (3 ballots)", vm.elections().get(1).winner());
        assertEquals("#78 · Nurse, female, 40", vm.elections().get(1).winnerInFull());
        assertEquals("#4 (3 ballots)", vm.elections().get(0).winner());
        assertEquals(List.of(0, 25), vm.chronological().stream().map(ElectionHistory.Row::step).toList());
    }

    @Test
    void thePlatformColumnSaysRateChangeUntilACandidatePromisesAPlatform() {
        VotesViewModel vm = new VotesViewModel(i -> "");
        vm.reset(democratic());
        vm.append(List.of(election(0, 1, Map.of()), election(25, 1, Map.of())));
        assertEquals(VotesViewModel.CHANGE_TITLE, vm.platformTitleProperty().get());
        vm.append(List.of(election(50, 2, Map.of(2, List.of(10.0, 0.0, 0.0)))));
        assertEquals(VotesViewModel.PLATFORM_TITLE, vm.platformTitleProperty().get());
        vm.reset(ScenarioCodec.readResource(org.econlab.ui.LabApp.DEFAULT_SCENARIO));
        assertFalse(vm.votingProperty().get());
        assertTrue(vm.elections().isEmpty());
        assertEquals(VotesViewModel.CHANGE_TITLE, vm.platformTitleProperty().get());
    }
}
