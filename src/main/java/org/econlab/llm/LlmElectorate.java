package org.econlab.llm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.agents.AgentSetup;
import org.econlab.agents.LlmActivity;
import org.econlab.agents.StepContext;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.governance.BuiltInElectorate;
import org.econlab.governance.Candidate;
import org.econlab.governance.ElectionContext;
import org.econlab.governance.Electorate;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * LLM voters for the democratic scenario (paper-model §9), with the reference's prompts: candidacy (elections with
 * platforms), the ballot ({@code LEADER: [0, 1, ..., N-1]} without platforms, {@code (LEADER, PLATFORM)} pairs with
 * them) and the elected leader's DELTA, each with the worker's own history from the run's {@link LlmWorkers}. The
 * leader reads the planner's history first (histograms, SWF, best 5: {@link PlannerMemory}, which this electorate
 * keeps as the reference's planner object does), then its own history, then the instruction; it keeps its own worker
 * system prompt (it maximises its own utility). The leader elected at step 0 is written into every worker's history
 * at once (the "Current leader" line and the best-N headers) and the persona texts exist before the first vote.
 *
 * <p>In a mixed population the workers that are not LLM workers vote (and lead) by the built-in rules
 * ({@link BuiltInElectorate}). With no LLM workers at all, every voter is an LLM with a short history of its last
 * step.
 *
 * <p>The {@link Electorate} interface asks one agent at a time; this implementation answers the first question of a
 * round for every LLM voter at once (concurrently, up to the endpoint limits) and serves the rest from that round's
 * results, so a round costs one wave of calls and results never depend on timing.
 *
 * <p>Deliberate differences (README): platforms are asked afresh at every round (the reference never resets them,
 * §14.17); a ballot must name a candidate or the agent is asked again, then keeps its previous vote; {@code None}
 * declines at once (the reference's JSON parser rejects it and retries 12 times); the leader's DELTA is reflected at
 * the bounds as the reference's leader parser does (§14.12), asked again when still out of range, all zeros after
 * the last attempt.
 *
 * <p>Parameters (an {@code electorate} object, e.g. {@code {"kind": "llm", "endpoint": "local-vllm"}}):
 * {@code endpoint} (default: the LLM workers' endpoints), {@code prompt} (io | cot), {@code promptText}
 * (paper | tidy), {@code temperature}, {@code maxTokens}, {@code jsonMode}, {@code maxAttempts}. Called on the runner
 * thread.
 */
public final class LlmElectorate implements Electorate {

    public static final String KIND = "llm";

    /** Validated parameters. */
    public record Settings(List<String> endpoints, boolean cot, PromptStyle style, Double temperature, Integer maxTokens,
                           Boolean jsonMode, int maxAttempts) {
    }

    /** Validates an electorate object (call when the scenario is read). */
    public static Settings parse(JsonFields p) {
        List<String> endpoints = LlmWorkerSettings.endpoints(p);
        boolean cot = LlmWorkerSettings.cot(p);
        PromptStyle style = PromptStyle.parse(p);
        Double temperature = p.has("temperature") ? p.number("temperature", 0.7, 0, 2) : null;
        Integer maxTokens = p.has("maxTokens") ? p.wholeInt("maxTokens", 1000, 1, 1_000_000) : null;
        Boolean json = p.has("jsonMode") ? p.bool("jsonMode", true) : null;
        int attempts = p.wholeInt("maxAttempts", 12, 1, 100);
        if (p.has("kind") && !KIND.equals(p.requiredString("kind"))) {
            throw new InvalidInputException(p.pathOf("kind"), "expected \"llm\"");
        }
        p.rejectUnknown();
        return new Settings(endpoints, cot, style, temperature, maxTokens, json, attempts);
    }

    /** Builds the electorate for a run from a parameter object at {@code path} (e.g. {@code electorate}). */
    public static LlmElectorate create(AgentSetup setup, JsonObject params, String path) {
        return new LlmElectorate(setup, parse(new JsonFields(params == null ? new JsonObject() : params, path)), path);
    }

    private static final String W24 = " ".repeat(24);

    private final LlmRun run;
    private final LlmRun.Client client;
    private final Settings settings;
    private final AgentSetup setup;
    private final int n;
    private final BuiltInElectorate builtIn;
    private final PlannerMemory memory;

    private int platformStep = -1;
    private int platformRound = -1;
    private int[] platformAsked;
    private List<Optional<double[]>> platforms;
    private final String[] platformText;

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
        this.builtIn = new BuiltInElectorate(setup);
        this.platformText = new String[n];
        int window = LlmPlanner.plannerWindow(workersHistory(), n, false);
        this.memory = new PlannerMemory(settings.style(), setup.startSchedule().brackets(), setup.welfare(), window,
                setup.totalSteps(), false, setup.startSchedule().ratesPercent());
        run.registerPlannerMemory(memory);
    }

    /** The reference's planner history length is the workers' H scaled for N (paper §5.4); 50 without LLM workers. */
    private int workersHistory() {
        LlmWorkers w = run.workers();
        return w == null ? 50 : w.historyLength();
    }

    /**
     * The electorate's LLM usage columns ({@code llm_candidacy_*}, {@code llm_vote_*}, {@code llm_leader_*}, plus the
     * run totals when no LLM worker or planner reports them), for the planner policy that holds this electorate.
     */
    @Override
    public org.econlab.agents.StepMetrics metrics(java.util.function.IntSupplier step) {
        return new LlmMetrics(run, List.of("candidacy", "vote", "leader"), step);
    }

    @Override
    public LlmActivity llmActivity() {
        return run.activity();
    }

    private boolean isLlm(int agent) {
        LlmWorkers w = run.workers();
        return w == null || w.isLlm(agent);
    }

    private void ensurePersonas() {
        LlmWorkers w = run.workers();
        if (w != null) {
            w.ensurePersonas();
        }
    }

    private String system(int agent) {
        LlmWorkers w = run.workers();
        if (w != null) {
            return w.systemPrompt(agent);
        }
        double v = setup.population().skill(agent);
        PromptStyle st = settings.style();
        return "You are worker_" + agent + ", a citizen of Princetonia. Your skill level is " + st.num(v)
                + " with an expected income of " + st.num(v * 40) + " at 40 hours of labor each week. "
                + "Your goal is to maximize your isoelastic utility.";
    }

    private String history(int agent, ElectionContext ctx) {
        LlmWorkers w = run.workers();
        if (w != null) {
            return w.historyText(agent, ctx.step().step());
        }
        PromptStyle st = settings.style();
        WorkerState last = ctx.lastStep();
        return "Last year:\npre-tax income: z = " + st.num(last.income()[agent]) + "\ntax_i = "
                + st.num(last.tax()[agent]) + "\nrebate = " + st.num(last.rebateUsd())
                + "\nutility: u = " + st.num(last.utility()[agent]) + "\n";
    }

    private <T> T ask(String role, String id, int agent, String message, Function<String, T> parse) {
        return settings.cot()
                ? client.askCot(role, id, system(agent), message, true, parse)
                : client.ask(role, id, system(agent), message + PaperPrompts.PREFILL, true, parse);
    }

    /** The candidacy instruction (the reference's {@code act_pre_vote}). */
    String candidacyPrompt(TaxBrackets b) {
        PromptStyle st = settings.style();
        return st.t("This year you must decide if you want to run in the election for a new tax planning leader who "
                + "will decide the tax rates. Use this decision to maximize your utility u. If you decide to run, you "
                + "must output your proposed tax rates.  " + PaperPrompts.bracketText(b) + ".Each tax rate can change "
                + "DELTA=[-20, -10, 0, 10, 20] percent where tax rates must be between 0 and 100 percent. " + W24
                + "Use the historical data to influence your answer in order to maximize your utility u, while balancing "
                + "exploration and exploitation by choosing varying rates of TAX.  " + W24 + "If you decide to run, "
                + "reply with all answers in JSON like: {\"DELTA\": " + PaperPrompts.xs(b.count()) + "} and replace \"X\" "
                + "with the percentage that the tax rates will change. If you decide not to run, you must output JSON "
                + "like: {\"DELTA\": None}.\n");
    }

    @Override
    public Optional<double[]> platform(int agent, ElectionContext ctx) {
        int step = ctx.step().step();
        if (step != platformStep) {
            platformStep = step;
            platformRound = -1;
            platformAsked = new int[n];
            Arrays.fill(platformText, null);
            ensurePersonas();
        }
        int round = platformAsked[agent]++;
        if (round != platformRound) {
            platformRound = round;
            TaxBrackets b = ctx.current().brackets();
            int k = b.count();
            String instruction = candidacyPrompt(b);
            platforms = client.fanOut(n, i -> {
                if (!isLlm(i)) {
                    Optional<double[]> p = builtIn.platform(i, ctx);
                    p.ifPresent(d -> platformText[i] = PyText.list(d, true));
                    return p;
                }
                String message = history(i, ctx) + instruction;
                Optional<double[]> p = ask("candidacy", "candidacy/" + i + "/s" + step + "/r" + round, i, message,
                        reply -> {
                            JsonObject o = ReplyParser.object(reply);
                            if (ReplyParser.isNone(o, "DELTA")) {
                                return Optional.<double[]>empty();
                            }
                            JsonElement e = ReplyParser.field(o, "DELTA");
                            double[] d = ReplyParser.deltas(e, k);
                            platformText[i] = pythonList(e);
                            return Optional.of(d);
                        });
                return p == null ? Optional.<double[]>empty() : p;
            });
        }
        return platforms.get(agent).map(double[]::clone);
    }

    /** A JSON list as Python prints the parsed value: {@code [10, -10, 0]}, {@code ['10', '-10', '0']}. */
    static String pythonList(JsonElement e) {
        if (!e.isJsonArray()) {
            return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? "'" + e.getAsString() + "'" : e.toString();
        }
        JsonArray a = e.getAsJsonArray();
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            JsonElement x = a.get(i);
            if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber()) {
                String raw = x.getAsJsonPrimitive().getAsString();
                boolean isInt = raw.matches("-?\\d+");
                b.append(isInt ? raw : PyText.repr(x.getAsDouble()));
            } else if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isString()) {
                b.append('\'').append(x.getAsString()).append('\'');
            } else {
                b.append(x);
            }
        }
        return b.append(']').toString();
    }

    /** The ballot instruction (the reference's {@code act_vote} / {@code act_vote_platform}). */
    String votePrompt(List<Candidate> candidates) {
        boolean withPlatforms = !candidates.isEmpty() && candidates.get(0).platformDeltas().length > 0;
        StringBuilder list = new StringBuilder("[");
        for (int j = 0; j < candidates.size(); j++) {
            Candidate c = candidates.get(j);
            list.append(j > 0 ? ", " : "");
            if (withPlatforms) {
                String p = platformText[c.agent()] != null ? platformText[c.agent()] : PyText.list(c.platformDeltas(), true);
                list.append("('").append(c.agent()).append("', ").append(p).append(')');
            } else {
                list.append(c.agent());
            }
        }
        list.append(']');
        String head = "This year you may vote for a new tax planning leader who will decide the tax rates. Use this "
                + "decision to vote for a leader who will choose tax rates that will maximize your utility u. ";
        String format = "Use the JSON format: {\"LEADER\": \"X\"} and replace \"X\" with your answer.\n";
        return withPlatforms
                ? head + "You may vote for any of the following LEADER based on their PLATFORM in a dictionary with "
                + "(LEADER, PLATFORM) pairs: " + list + ". " + format
                : head + "You may vote for any of the following LEADER: " + list
                + (settings.style() == PromptStyle.TIDY ? ". " : "") + format;
    }

    @Override
    public int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx) {
        int step = ctx.step().step();
        StringBuilder key = new StringBuilder().append(step).append(':').append(candidates.size()).append(':');
        for (Candidate c : candidates) {
            key.append(c.agent()).append(Arrays.toString(c.platformDeltas())).append(';');
        }
        if (!key.toString().equals(ballotKey)) {
            ballotKey = key.toString();
            ensurePersonas();
            List<Integer> ids = new ArrayList<>();
            boolean[] isCandidate = new boolean[n];
            for (Candidate c : candidates) {
                ids.add(c.agent());
                isCandidate[c.agent()] = true;
            }
            String instruction = votePrompt(candidates);
            ballots = client.fanOut(n, i -> {
                if (!isLlm(i)) {
                    return builtIn.ballot(i, candidates, previousVote(i, ids), ctx);
                }
                String message = history(i, ctx) + instruction;
                return ask("vote", "vote/" + i + "/s" + step, i, message, reply -> {
                    int v = (int) Math.round(ReplyParser.number(ReplyParser.field(ReplyParser.object(reply), "LEADER")));
                    if (v < 0 || v >= n || !isCandidate[v]) {
                        throw new ReplyParser.InvalidReply("not a candidate: " + v);
                    }
                    return v;
                });
            });
        }
        Integer v = ballots.get(agent);
        return v == null ? previousVote : v;
    }

    private static int previousVote(int i, List<Integer> ids) {
        return ids.contains(i) ? i : ids.get(0);
    }

    /** The leader's instruction (the reference's {@code act_plan}). */
    String leaderPrompt(TaxBrackets b) {
        PromptStyle st = settings.style();
        return st.t("This year you set the marginal tax rates, " + W24 + WelfarePromptText.clause(setup.welfare()) + ". "
                + W24 + "Collected taxes will be redistributed evenly back to the citizens.  " + PaperPrompts.bracketText(b)
                + ".Each tax rate can changed DELTA=[-20, -10, 0, 10, 20] percent where tax rates must be between 0 and "
                + "100 percent. " + W24 + "Use the historical data to influence your answer in order to maximize your "
                + "utility u, while balancing exploration and exploitation by choosing varying rates of TAX.  " + W24
                + "Reply with all answers in " + W24 + "JSON like: {\"DELTA\": " + PaperPrompts.xs(b.count()) + "} and "
                + "replace \"X\" with the percentage that the tax rates will change.");
    }

    @Override
    public double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx) {
        int k = ctx.step().step();
        TaxSchedule current = ctx.current();
        TaxBrackets b = current.brackets();
        double[] rates = current.ratesPercent();
        int nb = b.count();
        boolean withPlatform = platform != null && platform.platformDeltas().length == nb;
        String shownPlatform = withPlatform ? (platformText[leader] != null ? platformText[leader]
                : PyText.list(platform.platformDeltas(), true)) : null;
        LlmWorkers w = run.workers();
        if (w != null) {
            w.noteLeader(k, leader, shownPlatform);
        }
        memory.updateLeader(k, leader, shownPlatform);
        memory.countCall();
        memory.observe(k);
        double[] d;
        if (isLlm(leader)) {
            String message = memory.historyText(k) + history(leader, ctx) + leaderPrompt(b);
            d = ask("leader", "leader/" + leader + "/s" + k, leader, message, reply -> {
                double[] x = ReplyParser.deltas(ReplyParser.field(ReplyParser.object(reply), "DELTA"), nb);
                for (int j = 0; j < nb; j++) {
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
            run.activityLog().turn(k, "leader", leader);
            if (d == null) {
                d = new double[nb];
            }
        } else {
            d = builtIn.leaderDeltas(leader, platform, ctx);
        }
        String action = PyText.list(d, true);
        if (w != null) {
            w.noteLeaderAction(k, action);
        }
        memory.updateLeaderAction(k, action);
        double[] next = new double[nb];
        for (int j = 0; j < nb; j++) {
            next[j] = rates[j] + d[j];
        }
        memory.applyDelta(k, next);
        memory.act(k);
        return d;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        builtIn.observe(ctx, population, state, swf);
        memory.endOfStep(ctx.step(), population, state, swf, ctx.previousSwf(), true);
    }
}
