package org.econlab.agents;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AgentDetailsTest {

    private static AgentDetails columns(String name, double base, String exchange) {
        return new AgentDetails() {
            @Override
            public List<String> names() {
                return List.of(name);
            }

            @Override
            public double value(int column, int agent) {
                return base + agent;
            }

            @Override
            public Optional<String> lastExchange(int agent) {
                return Optional.ofNullable(exchange);
            }
        };
    }

    @Test
    void mergingPutsTheWorkersColumnsBeforeThePlannersAndKeepsTheFirstExchange() {
        AgentDetails m = columns("satisfaction", 0.5, "PROMPT a").merge(columns("vote", 10, "PROMPT b"));
        assertEquals(List.of("satisfaction", "vote"), m.names());
        assertEquals(2.5, m.value(0, 2));
        assertEquals(12, m.value(1, 2));
        assertEquals(Optional.of("PROMPT a"), m.lastExchange(0));
    }

    @Test
    void noneIsNeutral() {
        AgentDetails a = columns("vote", 0, null);
        assertSame(a, AgentDetails.NONE.merge(a));
        assertSame(a, a.merge(AgentDetails.NONE));
        assertEquals(List.of(), AgentDetails.NONE.merge(AgentDetails.NONE).names());
    }
}
