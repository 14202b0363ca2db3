package org.econlab.llm;

import com.google.gson.JsonElement;

import org.econlab.agents.AgentDetails;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.LlmActivity;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.agents.WorkerKinds;
import org.econlab.agents.WorkerPolicy;
import org.econlab.economy.LabourModel;
import org.econlab.economy.UtilityType;
import org.econlab.population.Persona;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;
import org.econlab.llm.LlmWorkerSettings.Settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code llm} worker kind: LLM workers that choose their labour hours from their own history with the paper's
 * prompts (paper-model §3.4; IO or CoT as two calls), lenient parsing with up to 12 attempts (§3.5), LLM persona
 * texts (§4.2) and the satisfaction call (§3.6) when the population has personas. In the {@link PromptStyle#PAPER}
 * text style every prompt is the reference's, character for character (see {@link MessageHistory},
 * {@link PlannerMemory}); altruistic and adversarial workers read the planner's history first, as the reference's
 * {@code act_utility_labor} does (IO prompting, always).
 *
 * <p><b>Mixed populations.</b> {@code llmAgents} makes only some workers LLM workers: a list of agent indices, or
 * {@code {"random": k}} (k agents drawn with the run seed) or {@code {"first": k}}; the others play the worker kind
 * given in {@code others} (default {@code {"kind": "learning"}}), so a 1,000-worker run with 5 LLM workers makes 5
 * calls a step. Only LLM workers keep per-agent objects.
 *
 * <p>Scenario fields ({@code worker}): {@code endpoint} (a profile name or a list of names; may be omitted when the
 * run gives {@code --endpoint}), {@code prompt} ({@code io} | {@code cot}), {@code promptText} ({@code paper} |
 * {@code tidy}), {@code history} (H, default 50), {@code temperature}, {@code maxTokens}, {@code jsonMode},
 * {@code maxAttempts} (12), {@code satisfaction} (default: on when the population has personas), {@code personaText}
 * ({@code llm} | {@code template}), {@code personaInSystemPrompt} (false), {@code llmAgents}, {@code others},
 * {@code budgetTokens}, {@code budgetUsd}.
 *
 * <p>Deliberate differences from the reference, each documented in the README: a worker whose 12 attempts fail keeps
 * its previous hours (40 at step 0) instead of crashing the run; a failed satisfaction call keeps the previous r; a
 * failed persona call uses the reference's own fallback text; {@code personaInSystemPrompt: true} puts the persona
 * first in the system prompt (later upstream versions do); replies cut by the token limit are asked again.
 *
 * <p>Threads: the calls of one step run concurrently on the client's pool (up to the endpoints' limits); every
 * agent's history is touched only by its own call, results are applied in agent order, so the number of concurrent
 * calls never changes outcomes.
 */
public final class LlmWorkers implements WorkerPolicy {

    public static final String KIND = "llm";
    static final String ROLE = "worker";
    static final String ROLE_PERSONA = "persona";
    static final String ROLE_SATISFACTION = "satisfaction";

    /** Registers the kind with {@link WorkerKinds}. */
    public static void register() {
        WorkerKinds.register(KIND, "LLM workers with the paper's prompts (endpoint, prompt io|cot, promptText"
                + " paper|tidy, history; llmAgents + others for a mixed population)", (p, labour) -> {
                    Settings s = LlmWorkerSettings.parse(p, labour);
                    return setup -> new LlmWorkers(setup, s);
                });
    }

    private final Settings settings;
    private final LlmRun run;
    private final LlmRun.Client client;
    private final Population population;
    private final LabourModel labour;
    private final int totalSteps;
    private final int taxYearSteps;
    private final int[] llm;
    private final LlmWorkerState[] agents;
    private final WorkerPolicy others;
    private final boolean satisfactionOn;
    private final LlmMetrics metrics;
    private int step;
    private boolean personasReady;
    private volatile String currentLeader;

    LlmWorkers(AgentSetup setup, Settings s) {
        this.settings = s;
        this.run = LlmRun.of(setup);
        this.population = setup.population();
        this.labour = setup.labour();
        this.totalSteps = setup.totalSteps();
        this.taxYearSteps = setup.taxYearSteps();
        if (s.budgetTokens() > 0 || s.budgetUsd() > 0) {
            applyBudget(run, s.budgetTokens(), s.budgetUsd());
        }
        this.client = run.client(new LlmRun.CallSettings(s.endpoints(), "worker.endpoint", s.temperature(),
                s.maxTokens(), s.jsonMode(), s.maxAttempts()));
        int n = population.size();
        this.llm = s.subset().resolve(n, setup.seed());
        this.agents = new LlmWorkerState[n];
        for (int i : llm) {
            agents[i] = new LlmWorkerState(i, s.history(), s.style());
        }
        this.others = s.others() == null ? null : s.others().apply(setup);
        this.satisfactionOn = population.hasPersonas() && (s.satisfaction() == null || s.satisfaction());
        List<String> roles = new ArrayList<>(List.of(ROLE));
        if (population.hasPersonas()) {
            roles.add(ROLE_PERSONA);
        }
        if (satisfactionOn) {
            roles.add(ROLE_SATISFACTION);
        }
        LlmMetrics m = new LlmMetrics(run, roles, () -> step);
        if (satisfactionOn) {
            m.extra("llm_mean_satisfaction", this::meanSatisfaction);
        }
        this.metrics = m;
        run.registerWorkers(this);
    }

    static void applyBudget(LlmRun run, long tokens, double usd) {
        LlmOptions o = run.options();
        long t = o.budgetTokens() > 0 ? (tokens > 0 ? Math.min(tokens, o.budgetTokens()) : o.budgetTokens()) : tokens;
        double d = o.budgetUsd() > 0 ? (usd > 0 ? Math.min(usd, o.budgetUsd()) : o.budgetUsd()) : usd;
        run.meter().setBudget(t, d);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public StepMetrics metrics() {
        if (others == null || others.metrics().names().isEmpty()) {
            return metrics;
        }
        StepMetrics a = metrics;
        StepMetrics b = others.metrics();
        List<String> names = new ArrayList<>(a.names());
        names.addAll(b.names());
        List<String> all = List.copyOf(names);
        int split = a.names().size();
        return new StepMetrics() {
            @Override
            public List<String> names() {
                return all;
            }

            @Override
            public double value(int index) {
                return index < split ? a.value(index) : b.value(index - split);
            }
        };
    }

    @Override
    public String stopRequested() {
        return run.meter().budgetExhausted();
    }

    @Override
    public LlmActivity llmActivity() {
        return run.activity();
    }

    /** H, the workers' history window. */
    int historyLength() {
        return settings.history();
    }

    /** The LLM workers' agent indices, ascending. */
    public int[] llmAgents() {
        return llm.clone();
    }

    boolean isLlm(int i) {
        return agents[i] != null;
    }

    private double meanSatisfaction() {
        double s = 0;
        for (int i : llm) {
            s += agents[i].satisfaction;
        }
        return s / llm.length;
    }

    @Override
    public void beginStep(StepContext ctx) {
        step = ctx.step();
        ensurePersonas();
        if (others != null) {
            others.beginStep(ctx);
        }
    }

    /**
     * Writes every LLM worker's persona text (once; the reference does it before the first step, so the step-0
     * election and satisfaction calls already have them).
     */
    public synchronized void ensurePersonas() {
        if (personasReady) {
            return;
        }
        personasReady = true;
        if (!population.hasPersonas()) {
            return;
        }
        List<String> texts = client.fanOut(llm.length, j -> {
            int i = llm[j];
            Persona p = population.persona(i);
            if (!settings.llmPersonaText()) {
                return WorkerPrompts.personaFallback(p);
            }
            String t = client.ask(ROLE_PERSONA, "persona/" + i, WorkerPrompts.PERSONA_SYSTEM, WorkerPrompts.personaPrompt(p), false,
                    WorkerPrompts::personaText);
            return t != null ? t : WorkerPrompts.personaFallback(p);
        });
        for (int j = 0; j < llm.length; j++) {
            agents[llm[j]].personaText = texts.get(j);
        }
    }

    /** The endpoint names the scenario gives these workers (may be empty when the command line names one). */
    public List<String> endpointNames() {
        return settings.endpoints();
    }

    /** Persona text of agent i (null without personas, before step 0 or for a built-in worker). */
    public String personaText(int i) {
        return agents[i] == null ? null : agents[i].personaText;
    }

    // ---- prompts (paper §3.4) ----

    /** The worker's system prompt (the reference's, with its line-continuation spaces in the paper style). */
    String systemPrompt(int i) {
        UtilityType type = population.utilityType(i);
        boolean persona = population.hasPersonas() && type == UtilityType.EGOTISTICAL && satisfactionOn;
        LlmWorkerState a = agents[i];
        String prefix = settings.personaInSystemPrompt() && a != null && a.personaText != null ? a.personaText + " " : "";
        return WorkerPrompts.system(i, population.skill(i), type, persona, prefix, settings.style());
    }

    /** The history text of worker i at the current step (without the user prompt): what voters and leaders read. */
    String historyText(int i, int k) {
        LlmWorkerState a = agents[i];
        return a.history.text(Math.min(k, a.history.size() - 1), false);
    }

    private String userPrompt(LlmWorkerState a, StepContext ctx) {
        return WorkerPrompts.user(a, settings.history(), ctx.inFinalTenth() || ctx.lastStepOfTaxYear(), WorkerPrompts.grid(labour.maxHoursPerWeek()),
                settings.cot(), settings.style());
    }

    /** Whether rates print as Python ints now (before the planner's first tax change). */
    private boolean ratesAreInts() {
        PlannerMemory m = run.plannerMemory();
        return m == null || m.ratesAreInts();
    }

    /** A parsed labour answer: the hours and whether the reference would hold them as an int (a clipped answer). */
    private record Hours(double hours, boolean isInt) {
    }

    private Hours parseHours(String reply) {
        double raw = ReplyParser.number(ReplyParser.field(ReplyParser.object(reply), "LABOR"));
        double max = labour.maxHoursPerWeek();
        if (raw > max) {
            return new Hours(max, true);
        }
        if (raw < 0) {
            return new Hours(0, true);
        }
        return new Hours(raw, false);
    }

    @Override
    public void chooseHours(StepContext ctx, Population pop, WorkerState state, int from, int to) {
        if (others != null) {
            others.chooseHours(ctx, pop, state, from, to);
        }
        int lo = lowerBound(from);
        int hi = lowerBound(to);
        if (lo == hi) {
            return;
        }
        PromptStyle st = settings.style();
        int k = ctx.step();
        String rates = st.rates(ctx.schedule().ratesPercent(), ratesAreInts());
        for (int j = lo; j < hi; j++) {
            LlmWorkerState a = agents[llm[j]];
            MessageHistory.Entry e = a.history.get(k);
            e.historical.append("TAX: = ").append(rates).append('\n').append("skill: s = ")
                    .append(st.num(pop.skill(a.index))).append('\n');
            e.userPrompt.append(userPrompt(a, ctx));
        }
        PlannerMemory memory = run.plannerMemory();
        List<Hours> chosen = client.fanOut(hi - lo, j -> {
            LlmWorkerState a = agents[llm[lo + j]];
            int i = a.index;
            String system = systemPrompt(i);
            UtilityType type = pop.utilityType(i);
            boolean social = type != UtilityType.EGOTISTICAL;
            String text = a.history.text(k, true);
            String id = "worker/" + i + "/s" + k;
            a.lastReply = null;
            if (social) {
                String user = (memory != null ? memory.state(k) : "") + text + PaperPrompts.PREFILL;
                a.lastPrompt = "[system]\n" + system + "\n\n[user]\n" + user;
                return client.ask(ROLE, id, system, user, true, reply -> {
                    a.lastReply = reply;
                    return parseHours(reply);
                });
            }
            if (settings.cot()) {
                a.lastPrompt = "[system]\n" + system + "\n\n[user]\n" + text + PaperPrompts.THINK;
                return client.askCot(ROLE, id, system, text, true, reply -> {
                    a.lastReply = reply;
                    return parseHours(reply);
                });
            }
            String user = text + PaperPrompts.PREFILL;
            a.lastPrompt = "[system]\n" + system + "\n\n[user]\n" + user;
            return client.ask(ROLE, id, system, user, true, reply -> {
                a.lastReply = reply;
                return parseHours(reply);
            });
        });
        double[] hours = state.hours();
        double max = labour.maxHoursPerWeek();
        for (int j = lo; j < hi; j++) {
            LlmWorkerState a = agents[llm[j]];
            Hours h = chosen.get(j - lo);
            if (h == null) { // documented fallback: keep the previous hours (40 at step 0)
                h = new Hours(Double.isNaN(a.labour) ? Math.min(40, max) : a.labour, Double.isNaN(a.labour) || a.labourIsInt);
            }
            a.labour = h.hours();
            a.labourIsInt = h.isInt();
            hours[a.index] = h.hours();
            MessageHistory.Entry e = a.history.get(k);
            String l = st.num(h.hours(), h.isInt());
            e.historical.append("LABOR: = l ").append(l).append('\n');
            e.action += "LABOR: = " + l + "\n";
            a.history.add(k + 1);
        }
    }

    /** The first position in {@link #llm} whose agent index is at least {@code i}. */
    private int lowerBound(int i) {
        int pos = Arrays.binarySearch(llm, i);
        return pos >= 0 ? pos : -pos - 1;
    }

    /** The selected worker's last labour prompt and reply (and satisfaction when that is on), merged with the others'. */
    @Override
    public AgentDetails agentDetails() {
        AgentDetails mine = new AgentDetails() {
            @Override
            public List<String> names() {
                return satisfactionOn ? List.of("satisfaction") : List.of();
            }

            @Override
            public double value(int column, int agent) {
                return agents[agent] == null ? Double.NaN : agents[agent].satisfaction;
            }

            @Override
            public Optional<String> lastExchange(int agent) {
                LlmWorkerState a = agents[agent];
                if (a == null || a.lastPrompt == null) {
                    return Optional.empty();
                }
                String reply = a.lastReply;
                return Optional.of("PROMPT\n" + a.lastPrompt + "\n\nREPLY\n" + (reply == null ? "(no reply)" : reply));
            }
        };
        return others == null ? mine : mine.merge(others.agentDetails());
    }

    // ---- elections (paper §9 step 4) ----

    /** Entry k of every LLM worker gets the leader string {@code Leader: worker_j.} (+ platform); later blocks show it. */
    public void noteLeader(int k, int leader, String platform) {
        currentLeader = leader < 0 ? null : "worker_" + leader;
        for (int i : llm) {
            MessageHistory h = agents[i].history;
            if (h.has(k) && leader >= 0) {
                h.get(k).leader = "Leader: worker_" + leader + "." + (platform == null ? ""
                        : " Leader's Platform during election: " + platform + ".");
            }
        }
    }

    /** Appends {@code Leader's action: [..].} to entry k's leader string. */
    public void noteLeaderAction(int k, String deltas) {
        for (int i : llm) {
            MessageHistory h = agents[i].history;
            if (h.has(k)) {
                h.get(k).leader += " Leader's action: " + deltas + ".";
            }
        }
    }

    // ---- outcome, satisfaction, utility lines (paper §3.4 items 3-6, §3.6) ----

    @Override
    public void observe(StepContext ctx, Population pop, WorkerState state, double swf, int from, int to) {
        if (others != null) {
            others.observe(ctx, pop, state, swf, from, to);
        }
        int lo = lowerBound(from);
        int hi = lowerBound(to);
        if (lo == hi) {
            return;
        }
        PromptStyle st = settings.style();
        double rebate = state.rebateUsd();
        String leader = currentLeader;
        int k = ctx.step();
        for (int j = lo; j < hi; j++) {
            LlmWorkerState a = agents[llm[j]];
            int i = a.index;
            a.labourHistory.add(a.labour);
            double z = state.income()[i];
            double postTax = z - state.tax()[i];
            StringBuilder b = a.history.get(k).historical;
            if (leader != null) {
                b.append("Current leader: ").append(leader).append('\n');
            }
            b.append("pre-tax income: z = s * l = ").append(st.num(z)).append('\n')
                    .append("tax_i = ").append(st.num(z - postTax)).append('\n')
                    .append("rebate = ").append(st.num(rebate)).append('\n')
                    .append("post-tax income: z~ = z - tax_i + rebate = ").append(st.num(postTax + rebate)).append('\n');
        }
        List<Double> r = null;
        if (satisfactionOn) {
            r = client.fanOut(hi - lo, j -> {
                LlmWorkerState a = agents[llm[lo + j]];
                if (pop.utilityType(a.index) != UtilityType.EGOTISTICAL) {
                    return null;
                }
                String user = a.personaText + "\nBased on your summary of this year:\n" + a.history.get(k).historical
                        + " are you satisfied with the overall tax policy (including tax_i and rebate)?\n"
                        + "Let's think step by step. Your thought should no more than 4 sentences. Use the JSON format: "
                        + "{\"thought\":\"<step-by-step-thinking>\", \"ANSWER\": \"X\"} and replace \"X\" with \"YES\" or "
                        + "\"NO\".\n" + PaperPrompts.PREFILL;
                return client.ask(ROLE_SATISFACTION, "satisfaction/" + a.index + "/s" + k, "", user, true, reply -> {
                    JsonElement ans = ReplyParser.field(ReplyParser.object(reply), "ANSWER");
                    String t = ans.getAsString().toLowerCase(Locale.ROOT);
                    if (t.contains("yes")) {
                        return 1.0;
                    }
                    if (t.contains("no")) {
                        return 0.5;
                    }
                    throw new ReplyParser.InvalidReply("ANSWER is neither YES nor NO");
                });
            });
        }
        for (int j = lo; j < hi; j++) {
            LlmWorkerState a = agents[llm[j]];
            int i = a.index;
            StringBuilder b = a.history.get(k).historical;
            UtilityType type = pop.utilityType(i);
            double u;
            double metric;
            if (type == UtilityType.ALTRUISTIC || type == UtilityType.ADVERSARIAL) {
                u = type == UtilityType.ALTRUISTIC ? ctx.previousSwf() : -ctx.previousSwf();
                String def = type == UtilityType.ALTRUISTIC ? "u_1/z_1 + ... + u_N/z_N" : "-u_1/z_1 - ... - u_N/z_N";
                b.append("utility: u = ").append(def).append(" = ").append(st.num(u)).append('\n');
                metric = u;
            } else if (r != null) {
                Double ri = r.get(j - lo);
                if (ri != null) {
                    a.satisfaction = ri;
                }
                u = state.utility()[i];
                metric = u * a.satisfaction;
                b.append("isoelastic utility: u~ = z~ - c * l^d = ").append(st.num(u)).append('\n')
                        .append("satisfaction: r = ").append(st.num(a.satisfaction)).append('\n')
                        .append("adjusted utility: u = r * u~ = ").append(st.num(metric)).append('\n');
            } else {
                u = state.utility()[i];
                metric = u;
                b.append("utility: u = z~ - c * l^d = ").append(st.num(u)).append('\n');
            }
            a.history.get(k).metric(metric);
            a.utilityHistory.add(metric);
            if (k > 0 && a.labour != a.labourPrev) {
                b.append(WorkerPrompts.hint(a.labour, a.labourPrev, metric - a.utilityPrev, a.labourIsInt, st));
            }
            a.utilityPrev = metric;
            a.labourPrev = a.labour;
        }
    }
}
