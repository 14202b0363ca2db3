package org.econlab.agents;

import java.util.List;
import java.util.Optional;

/**
 * What a run's LLM agents did, for the window's LLM tab and the run record: usage per role, the last prompt and
 * reply of every LLM agent and role, the planner's (or leader's) prompt, reply and reflection per tax year, the
 * budget and the models that answered. Implemented by the LLM package; {@link #NONE} for runs without LLM agents.
 * Thread-safe: written by the call threads, read from any thread.
 */
public interface LlmActivity {

    /** Usage of one role ({@code worker}, {@code planner}, {@code persona}, {@code satisfaction}, {@code candidacy}, {@code vote}, {@code leader}). */
    record RoleUsage(String role, long calls, long retries, long truncated, long failures, long fallbacks,
                     long tokensIn, long tokensOut, double costUsd) {
    }

    /**
     * One call: who asked ({@code role}, {@code agent} index or -1), at which step, the system prompt and user
     * message sent, and the reply text (null when the call failed).
     */
    record Exchange(String role, int agent, int step, String callId, String system, String user, String reply) {

        /** The exchange as one copyable text. */
        public String text() {
            return (system == null || system.isEmpty() ? "" : "[system]\n" + system + "\n\n") + "[user]\n" + user
                    + "\n\n[reply]\n" + (reply == null ? "(no reply: the call failed)" : reply);
        }
    }

    /** A planner's (or elected leader's) decision in a tax year, with the reflection line last written for it. */
    record PlannerTurn(int step, String role, Exchange exchange, String reflection) {
    }

    /** The budget (0 = none) and what has been used of it. */
    record Budget(long tokens, double usd, long tokensUsed, double usdUsed) {

        /** Fraction of the tighter budget used, 0..1; -1 when there is no budget. */
        public double fractionUsed() {
            double f = -1;
            if (tokens > 0) {
                f = Math.max(f, Math.min(1, tokensUsed / (double) tokens));
            }
            if (usd > 0) {
                f = Math.max(f, Math.min(1, usdUsed / usd));
            }
            return f;
        }
    }

    /** The model that served a role: provider (wire format), model name and host ({@code scheme://host:port}). */
    record ModelUse(String role, String provider, String model, String host) {
    }

    List<RoleUsage> usage();

    /** The last exchange of every (role, agent) pair, most recent first. */
    List<Exchange> lastExchanges();

    /** The last exchange of {@code role} by {@code agent}. */
    Optional<Exchange> lastExchange(String role, int agent);

    /** Planner or leader decisions, one per tax year, oldest first. */
    List<PlannerTurn> plannerTurns();

    Budget budget();

    List<ModelUse> models();

    /** No LLM agents. */
    LlmActivity NONE = new LlmActivity() {
        @Override
        public List<RoleUsage> usage() {
            return List.of();
        }

        @Override
        public List<Exchange> lastExchanges() {
            return List.of();
        }

        @Override
        public Optional<Exchange> lastExchange(String role, int agent) {
            return Optional.empty();
        }

        @Override
        public List<PlannerTurn> plannerTurns() {
            return List.of();
        }

        @Override
        public Budget budget() {
            return new Budget(0, 0, 0, 0);
        }

        @Override
        public List<ModelUse> models() {
            return List.of();
        }
    };
}
