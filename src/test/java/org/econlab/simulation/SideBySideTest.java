package org.econlab.simulation;

import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two economies side by side share one population and seed and step in lockstep (issue 17). */
class SideBySideTest {

    private static Scenario base() {
        return ScenarioCodec.readResource("/sample-scenarios/classroom-100.json").withSteps(100);
    }

    private static Scenario withPlanner(Scenario s, String kind, Object elasticity) {
        JsonObject p = new JsonObject();
        p.addProperty("kind", kind);
        if (elasticity instanceof Number n) {
            p.addProperty("elasticity", n);
        }
        return s.withPlanner(new AgentSpec(kind, p));
    }

    @Test
    void bothEconomiesShareOnePopulationAndSeedAndStepTogether() {
        Scenario saez = withPlanner(base(), "saez", 3.0);
        Scenario icrl = withPlanner(base(), "icrl", null);
        SideBySide both = new SideBySide(saez, icrl, false);
        assertSame(both.population(), both.left().population());
        assertSame(both.population(), both.right().population());
        assertEquals(both.left().scenario().seed(), both.right().scenario().seed());

        List<SideBySide.Pair> pairs = new ArrayList<>();
        both.addListener((pair, economies) -> {
            assertSame(both, economies);
            assertEquals(economies.left().currentStep(), economies.right().currentStep(), "lockstep");
            pairs.add(pair);
        });
        SideBySide.Pair last = both.runToEnd();
        assertEquals(100, pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            assertEquals(k, pairs.get(k).left().step());
            assertEquals(k, pairs.get(k).right().step());
        }
        assertSame(pairs.get(99), last);
        assertTrue(both.isFinished());
        assertNull(both.step(), "no pair after the end");
        assertFalse(java.util.Arrays.equals(last.left().ratesPercent(), last.right().ratesPercent()),
                "two policies give two schedules");
    }

    @Test
    void eachSideIsExactlyTheRunItWouldBeAlone() {
        Scenario saez = withPlanner(base(), "saez", 3.0);
        Scenario icrl = withPlanner(base(), "icrl", null);
        SideBySide both = new SideBySide(saez, icrl, false);
        SideBySide.Pair last = both.runToEnd();
        StepSnapshot aloneLeft = new Simulation(saez, false).runToEnd();
        StepSnapshot aloneRight = new Simulation(icrl, false).runToEnd();
        assertEquals(aloneLeft.swf(), last.left().swf(), 0.0);
        assertEquals(aloneRight.swf(), last.right().swf(), 0.0);
        assertArrayEquals(aloneRight.ratesPercent(), last.right().ratesPercent(), 0.0);
    }

    @Test
    void refusesEconomiesThatDifferInPopulationSeedOrLength() {
        Scenario s = base();
        InvalidInputException seed = assertThrows(InvalidInputException.class,
                () -> new SideBySide(s, s.withSeed(7), false));
        assertTrue(seed.getMessage().contains("same seed"), seed.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> new SideBySide(s, s.withAgents(50), false))
                .getMessage().contains("same population"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new SideBySide(s, s.withSteps(50), false))
                .getMessage().contains("same number of steps"));
        assertNull(SideBySide.problemWith(s, withPlanner(s, "icrl", null)));
    }
}
