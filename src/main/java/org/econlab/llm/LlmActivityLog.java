package org.econlab.llm;

import org.econlab.agents.LlmActivity;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link LlmActivity} of one {@link LlmRun}: every call's prompt and reply is noted by the run's clients
 * (keeping the last per role and agent), the planner and an LLM electorate add their turns, the meter gives usage.
 * Thread-safe.
 */
final class LlmActivityLog implements LlmActivity {

    private final UsageMeter meter;
    private final Map<String, Exchange> last = new ConcurrentHashMap<>();
    private final Map<String, Long> order = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final List<PlannerTurn> turns = new ArrayList<>();
    private final Map<String, ModelUse> models = new LinkedHashMap<>();

    LlmActivityLog(UsageMeter meter) {
        this.meter = meter;
    }

    /** A call was made ({@code reply} null when it failed). */
    void exchange(String role, String callId, String system, String user, String reply) {
        int agent = agentOf(callId);
        int step = stepOf(callId);
        String key = role + "/" + agent;
        last.put(key, new Exchange(role, agent, step, callId, system, user, reply));
        order.put(key, clock.incrementAndGet());
    }

    /** {@code worker/3/s12/a0} gives 3; {@code planner/s25/a0} gives -1. */
    static int agentOf(String callId) {
        String[] p = callId.split("/");
        if (p.length > 1 && !p[1].isEmpty() && p[1].chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(p[1]);
        }
        return -1;
    }

    static int stepOf(String callId) {
        for (String p : callId.split("/")) {
            if (p.length() > 1 && p.charAt(0) == 's' && p.substring(1).chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(p.substring(1));
            }
        }
        return -1;
    }

    /** A planner's or leader's decision of the tax year starting at {@code step}. */
    synchronized void turn(int step, String role, int agent) {
        Exchange e = last.get(role + "/" + agent);
        turns.add(new PlannerTurn(step, role, e != null && e.step() == step ? e : null, null));
    }

    /** The reflection line written for the latest turn. */
    synchronized void reflection(String line) {
        if (!turns.isEmpty() && line != null) {
            PlannerTurn t = turns.get(turns.size() - 1);
            turns.set(turns.size() - 1, new PlannerTurn(t.step(), t.role(), t.exchange(), line.strip()));
        }
    }

    /** Notes the model serving a role (no key, no path: only {@code scheme://host:port}). */
    synchronized void model(String role, String provider, String model, String baseUrl) {
        models.putIfAbsent(role + "|" + provider + "|" + model + "|" + host(baseUrl),
                new ModelUse(role, provider, model, host(baseUrl)));
    }

    /** {@code scheme://host[:port]} of a URL, without user info, path or query; "" when it cannot be read. */
    static String host(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null) {
                return "";
            }
            return (u.getScheme() == null ? "" : u.getScheme() + "://") + u.getHost()
                    + (u.getPort() >= 0 ? ":" + u.getPort() : "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public List<RoleUsage> usage() {
        List<RoleUsage> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : meter.snapshot().entrySet()) {
            long[] v = e.getValue();
            out.add(new RoleUsage(e.getKey(), v[UsageMeter.CALLS], v[UsageMeter.RETRIES], v[UsageMeter.TRUNCATED],
                    v[UsageMeter.FAILURES], v[UsageMeter.FALLBACKS], v[UsageMeter.TOKENS_IN], v[UsageMeter.TOKENS_OUT],
                    v[UsageMeter.COST_NANO_USD] / 1e9));
        }
        return out;
    }

    @Override
    public List<Exchange> lastExchanges() {
        List<String> keys = new ArrayList<>(last.keySet());
        keys.sort((a, b) -> Long.compare(order.getOrDefault(b, 0L), order.getOrDefault(a, 0L)));
        List<Exchange> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(last.get(k));
        }
        return out;
    }

    @Override
    public Optional<Exchange> lastExchange(String role, int agent) {
        return Optional.ofNullable(last.get(role + "/" + agent));
    }

    @Override
    public synchronized List<PlannerTurn> plannerTurns() {
        return List.copyOf(turns);
    }

    @Override
    public Budget budget() {
        return new Budget(meter.budgetTokens(), meter.budgetUsd(),
                meter.total(UsageMeter.TOKENS_IN) + meter.total(UsageMeter.TOKENS_OUT), meter.totalCostUsd());
    }

    @Override
    public synchronized List<ModelUse> models() {
        return List.copyOf(models.values());
    }
}
