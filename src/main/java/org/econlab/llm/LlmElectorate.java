package org.econlab.llm;

import org.econlab.agents.AgentSetup;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.TaxBrackets;
import org.econlab.governance.Candidate;
import org.econlab.governance.ElectionContext;
import org.econlab.governance.Electorate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LLM voters for the democratic scenario (paper-model §9): candidacy with a platform, the ballot and the elected
 * leader's DELTA, each an LLM call with the worker's own history (from the run's {@link LlmWorkers} when the workers
 * are LLMs) and the paper's instruction.
 *
 * <p>The {@link Electorate} interface asks one agent at a time; this implementation answers the first question of a
 * round for <em>every</em> agent at once (concurrently, up to the endpoint limits) and serves the rest from that
 * round's results, so a round costs one wave of calls and results never depend on timing.
 *
 * <p>Choices (paper-model §14.17, §9): platforms are asked afresh at every round (the reference never resets them);
 * a ballot must name a listed candidate or the agent is asked again, then keeps its previous vote; the leader's DELTA
 * is reflected at the bounds as the reference's leader parser does (§14.12), asked again when still out of range,
 * and all zeros after the last attempt. The leader keeps its own worker system prompt (it maximises its own utility,
 * as in the paper); it sees its own history but not the planner's history text (there is no planner in this
 * scenario's loop).
 *
 * <p>Parameters (an {@code electorate} object, e.g. {@code {"kind": "llm", "endpoint": "local-vllm"}}):
 * {@code endpoint} (default: the LLM workers' endpoints), {@code prompt} (io | cot), {@code temperature}, {@code maxTokens}, {@code jsonMode},
 * {@code maxAttempts}. Called on the runner thread.
 */
public final class LlmElectorate implements Electorate {

    public static final String KIND = "llm";

    /** Validated parameters. */
    public record Settings(List<String> endpoints, boolean cot, Double temperature, Integer maxTokens, Boolean jsonMode,
                           int maxAttempts) {
    }

    /** Validates an electorate object (call when the scenario is read). */
    public static Settings parse(JsonFields p) {
        List<String> endpoints = LlmWorkers.endpoints(p);
        boolean cot = LlmWorkers.cot(p);
        Double temperature = p.has("temperature") ? p.number("temperature", 0.7, 0, 2) : null;
        Integer maxTokens = p.has("maxTokens") ? p.wholeInt("maxTokens", 1000, 1, 1_000_000) : null;
        Boolean json = p.has("jsonMode") ? p.bool("jsonMode", true) : null;
        int attempts = p.wholeInt("maxAttempts", 12, 1, 100);
        if (p.has("kind") && !KIND.equals(p.requiredString("kind"))) {
            throw new InvalidInputException(p.pathOf("kind"), "expected \"llm\"");
        }
        p.rejectUnknown();
        return new Settings(endpoints, cot, temperature, maxTokens, json, attempts);
    }

    /** Builds the electorate for a run from a parameter object at {@code path} (e.g. {@code electorate}). */
    public static LlmElectorate create(AgentSetup setup, JsonObject params, String path) {
        return new LlmElectorate(setup, parse(new JsonFields(params == null ? new JsonObject() : params, path)), path);
    }

    private final LlmRun run;
    private final LlmRun.Client client;
    private final Settings settings;
    private final AgentSetup setup;
    private final int n;

    private int platformStep = -1;
    private int platformRound = -1;
    private int[] platformAsked;
    private List<Optional<double[]>> platforms;

    private String ballotKey;
    private List<Integer> ballots;

    public LlmElectorate(AgentSetup setup, Settings settings, String path) {
        this.setup = setup;
        this.settings = settings;
        this.run = LlmRun.of(setup);
        List<String> endpoints = settings.endpoints();
        if (endpoints.isEmpty() && run.workers() != null) {
            endpoints = run.workers().endpointNames(); // default: the LLM workers' endpoints
        }
        this.client = run.client(new LlmRun.CallSettings(endpoints, path + ".endpoint",
                settings.temperature(), settings.maxTokens(), settings.jsonMode(), settings.maxAttempts()));
        this.n = setup.population().size();
    }

    /**
     * The electorate's LLM usage columns ({@code llm_candidacy_*}, {@code llm_vote_*}, {@code llm_leader_*}, plus the
     * run totals when no LLM worker or planner reports them), for the planner policy that holds this electorate to
     * include in its own {@link org.econlab.agents.StepMetrics}. Call once, when the policy is built.
     *
     * @param step the step just played (the holder's {@code ctx.step()} from its last observe)
     */
    @Override
    public org.econlab.agents.StepMetrics metrics(java.util.function.IntSupplier step) {
        return new LlmMetrics(run, List.of("candidacy", "vote", "leader"), step);
    }

    private String system(int agent) {
        LlmWorkers w = run.workers();
        if (w != null) {
            return w.systemPrompt(agent);
        }
        double v = setup.population().skill(agent);
        return "You are worker_" + agent + ", a citizen of Princetonia. Your skill level is " + PaperPrompts.num(v)
                + " with an expected income of " + PaperPrompts.num(v * 40) + " at 40 hours of labor each week. "
                + "Your goal is to maximize your isoelastic utility.";
    }

    private String history(int agent, ElectionContext ctx) {
        LlmWorkers w = run.workers();
        if (w != null) {
            return w.historyText(agent);
        }
        var last = ctx.lastStep();
        return "Last year:\npre-tax income: z = " + PaperPrompts.num(last.income()[agent]) + "\ntax_i = "
                + PaperPrompts.num(last.tax()[agent]) + "\nrebate = " + PaperPrompts.num(last.rebateUsd())
                + "\nutility: u = " + PaperPrompts.num(last.utility()[agent]) + "\n";
    }

    private String format(String json) {
        return settings.cot()
                ? "Use the JSON format: {\"thought\":\"<step-by-step-thinking>\", " + json.substring(1) + PaperPrompts.THINK
                : "Use the JSON format: " + json;
    }

    @Override
    public Optional<double[]> platform(int agent, ElectionContext ctx) {
        int step = ctx.step().step();
        if (step != platformStep) {
            platformStep = step;
            platformRound = -1;
            platformAsked = new int[n];
        }
        int round = platformAsked[agent]++;
        if (round != platformRound) {
            platformRound = round;
            TaxBrackets b = ctx.current().brackets();
            int k = b.count();
            String xs = PaperPrompts.xs(k);
            platforms = client.fanOut(n, i -> {
                String user = history(i, ctx) + "This year you must decide if you want to run in the election for a new "
                        + "tax planning leader who will decide the tax rates. Use this decision to maximize your utility u. "
                        + "If you decide to run, you must output your proposed tax rates. " + PaperPrompts.bracketText(b)
                        + "Each tax rate can change DELTA=[-20, -10, 0, 10, 20] percent where tax rates must be between 0 "
                        + "and 100 percent. If you decide to run, reply with {\"DELTA\": " + xs + "} and replace \"X\" with "
                        + "the percentage that the tax rates will change; if not, reply with {\"DELTA\": None}."
                        + PaperPrompts.PREFILL;
                Optional<double[]> p = client.ask("candidacy", "candidacy/" + i + "/s" + step + "/r" + round, system(i),
                        user, true, reply -> {
                            JsonObject o = ReplyParser.object(reply);
                            if (ReplyParser.isNone(o, "DELTA")) {
                                return Optional.<double[]>empty();
                            }
                            return Optional.of(ReplyParser.deltas(ReplyParser.field(o, "DELTA"), k));
                        });
                return p == null ? Optional.<double[]>empty() : p;
            });
        }
        return platforms.get(agent).map(double[]::clone);
    }

    @Override
    public int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx) {
        int step = ctx.step().step();
        StringBuilder key = new StringBuilder().append(step).append(':');
        for (Candidate c : candidates) {
            key.append(c.agent()).append(Arrays.toString(c.platformDeltas())).append(';');
        }
        if (!key.toString().equals(ballotKey)) {
            ballotKey = key.toString();
            boolean withPlatforms = candidates.stream().anyMatch(c -> c.platformDeltas().length > 0);
            StringBuilder list = new StringBuilder("[");
            List<Integer> ids = new ArrayList<>();
            for (int j = 0; j < candidates.size(); j++) {
                Candidate c = candidates.get(j);
                ids.add(c.agent());
                list.append(j > 0 ? ", " : "");
                list.append(withPlatforms ? "(" + c.agent() + ", " + PaperPrompts.intList(c.platformDeltas()) + ")"
                        : String.valueOf(c.agent()));
            }
            list.append(']');
            String choices = withPlatforms
                    ? "Choose one of the following LEADER based on their PLATFORM in a dictionary with (LEADER, PLATFORM) pairs: "
                    + list + ". "
                    : "Choose one of the following LEADER: " + list + ". ";
            ballots = client.fanOut(n, i -> {
                String user = history(i, ctx) + "This year you may vote for a new tax planning leader who will decide the "
                        + "tax rates. Use this decision to vote for a leader who will choose tax rates that will maximize "
                        + "your utility u. " + choices + format("{\"LEADER\": \"X\"} and replace \"X\" with your answer.")
                        + PaperPrompts.PREFILL;
                return client.ask("vote", "vote/" + i + "/s" + step, system(i), user, true, reply -> {
                    int v = (int) Math.round(ReplyParser.number(ReplyParser.field(ReplyParser.object(reply), "LEADER")));
                    if (!ids.contains(v)) {
                        throw new ReplyParser.InvalidReply("not a candidate: " + v);
                    }
                    return v;
                });
            });
        }
        Integer v = ballots.get(agent);
        return v == null ? previousVote : v;
    }

    @Override
    public double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx) {
        LlmWorkers w = run.workers();
        if (w != null) {
            w.noteLeader(leader);
        }
        TaxBrackets b = ctx.current().brackets();
        double[] rates = ctx.current().ratesPercent();
        int k = b.count();
        String user = history(leader, ctx) + "This year you set the marginal tax rates, which is the average of all agent "
                + "utilities weighted by their inverse pre-tax income. Collected taxes will be redistributed evenly back to "
                + "the citizens. " + PaperPrompts.bracketText(b) + "Each tax rate can changed DELTA=[-20, -10, 0, 10, 20] "
                + "percent where tax rates must be between 0 and 100 percent. Use the historical data to influence your "
                + "answer in order to maximize your utility u, while balancing exploration and exploitation by choosing "
                + "varying rates of TAX. " + (platform != null && platform.platformDeltas().length == k
                ? "Your platform during the election was " + PaperPrompts.intList(platform.platformDeltas()) + ". " : "")
                + "Reply with all answers in JSON like: {\"DELTA\": " + PaperPrompts.xs(k) + "} and replace \"X\" with the "
                + "percentage that the tax rates will change." + PaperPrompts.PREFILL;
        double[] d = client.ask("leader", "leader/" + leader + "/s" + ctx.step().step(), system(leader), user, true,
                reply -> {
                    JsonElement e = ReplyParser.field(ReplyParser.object(reply), "DELTA");
                    double[] x = ReplyParser.deltas(e, k);
                    for (int j = 0; j < k; j++) {
                        double r = rates[j] + x[j];
                        if (r < 0 || r > 100) {
                            x[j] = -x[j]; // reflect (paper §9 step 5)
                            r = rates[j] + x[j];
                            if (r < 0 || r > 100) {
                                throw new ReplyParser.InvalidReply("rate out of range");
                            }
                        }
                    }
                    return x;
                });
        return d == null ? new double[k] : d;
    }
}
