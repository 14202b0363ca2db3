package org.econlab.agents;

import java.util.List;
import java.util.Optional;

/**
 * Per-agent figures a policy can show beside the population's columns (the window's agent table): e.g. a
 * persona worker's satisfaction or a voter's ballot, and for LLM agents the last prompt and reply. Read only on
 * the runner thread, between steps; readers copy what they need.
 */
public interface AgentDetails {

    /** No extra columns. */
    AgentDetails NONE = new AgentDetails() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public double value(int column, int agent) {
            throw new IndexOutOfBoundsException(column);
        }
    };

    /**
     * A {@code delta} column with each worker's own labour-cost exponent when the population has them
     * (heterogeneous elasticities), else {@link #NONE}; merge it with a policy's columns for the agent table.
     */
    static AgentDetails ownDeltas(org.econlab.population.Population population) {
        double[] deltas = population.deltas();
        if (deltas == null) {
            return NONE;
        }
        List<String> names = List.of("delta");
        return new AgentDetails() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public double value(int column, int agent) {
                if (column != 0) {
                    throw new IndexOutOfBoundsException(column);
                }
                return deltas[agent];
            }
        };
    }

    /** Column names, e.g. {@code satisfaction}, {@code vote}. */
    List<String> names();

    /** Column {@code column}'s value for agent {@code agent} (NaN when not known yet). */
    double value(int column, int agent);

    /** The agent's last prompt and reply as text (never a key), when these agents talk to an LLM. */
    default Optional<String> lastExchange(int agent) {
        return Optional.empty();
    }

    /** These columns followed by {@code other}'s; the first exchange found is shown. */
    default AgentDetails merge(AgentDetails other) {
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        AgentDetails first = this;
        List<String> all = new java.util.ArrayList<>(first.names());
        all.addAll(other.names());
        List<String> names = List.copyOf(all);
        int split = first.names().size();
        return new AgentDetails() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public double value(int column, int agent) {
                return column < split ? first.value(column, agent) : other.value(column - split, agent);
            }

            @Override
            public Optional<String> lastExchange(int agent) {
                Optional<String> a = first.lastExchange(agent);
                return a.isPresent() ? a : other.lastExchange(agent);
            }
        };
    }
}
