package org.econlab.llm;

import com.google.gson.JsonElement;

import org.econlab.agents.AgentDetails;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.agents.WorkerKinds;
import org.econlab.agents.WorkerPolicy;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.LabourModel;
import org.econlab.economy.UtilityType;
import org.econlab.population.Persona;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code llm} worker kind: every worker is an LLM that chooses its labour hours from its own history, with the
 * paper's prompts (paper-model §3.4: IO or CoT), history window H, best-5 replay, running averages and directional
 * hints, lenient parsing with up to 12 attempts (§3.5), and, when the population has personas, LLM persona texts
 * (§4.2) and the yearly satisfaction call (§3.6).
 *
 * <p>Scenario fields ({@code worker}): {@code endpoint} (a profile name or a list of names; may be omitted when the
 * run gives {@code --endpoint}), {@code prompt} ({@code io} | {@code cot}), {@code history} (H, default 50),
 * {@code temperature}, {@code maxTokens}, {@code jsonMode} (default: the profile's), {@code maxAttempts}
 * (default 12), {@code satisfaction} (default: on when the population has personas), {@code personaText}
 * ({@code llm} | {@code template}), {@code personaInSystemPrompt} (default false), {@code budgetTokens},
 * {@code budgetUsd}.
 *
 * <p>Choices where the reference code has quirks (paper-model §14), each documented in the README:
 * <ul>
 *   <li>Fallback: after 12 unusable replies a worker keeps its previous hours (40 at step 0) instead of crashing
 *       the run; counted as {@code llm_worker_fallbacks}. A failed satisfaction call keeps the previous r.</li>
 *   <li>§14.4: each best-5 entry is headed with <em>its own</em> step's leader (the reference shows the current
 *       leader for all); without elections the header is just {@code Timestep t:}.</li>
 *   <li>§14.13: the first prompt shows {@code nan} averages, as in the paper.</li>
 *   <li>§14.15: the persona stays out of the system prompt (paper); {@code personaInSystemPrompt: true} puts it
 *       first, as later upstream versions do.</li>
 *   <li>§14.18: the satisfaction call sees the step's block up to the post-tax income, as in the paper.</li>
 *   <li>§14.9: altruistic/adversarial workers' u is the previous step's (-)SWF, as in the paper.</li>
 * </ul>
 *
 * <p>Threads: the calls of one step run concurrently on the client's pool (up to the endpoints' limits); every
 * agent's history is touched only by its own call, and results are applied in agent order, so the number of
 * concurrent calls never changes outcomes.
 */
public final class LlmWorkers implements WorkerPolicy {

    public static final String KIND = "llm";
    static final String ROLE = "worker";
    static final String ROLE_PERSONA = "persona";
    static final String ROLE_SATISFACTION = "satisfaction";

    /** Validated scenario fields. */
    record Settings(List<String> endpoints, boolean cot, int history, Double temperature, Integer maxTokens,
                    Boolean jsonMode, int maxAttempts, Boolean satisfaction, boolean llmPersonaText,
                    boolean personaInSystemPrompt, long budgetTokens, double budgetUsd) {
    }

    /** Registers the kind with {@link WorkerKinds}. */
    public static void register() {
        WorkerKinds.register(KIND, "an LLM per worker, paper prompts (endpoint, prompt io|cot, history)",
                (p, labour) -> {
                    Settings s = parse(p);
                    return setup -> new LlmWorkers(setup, s);
                });
    }

    static List<String> endpoints(JsonFields p) {
        List<String> names = new ArrayList<>();
        if (!p.has("endpoint")) {
            return names;
        }
        JsonElement e = p.raw().get("endpoint");
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            names.add(e.getAsString());
        } else if (e.isJsonArray() && e.getAsJsonArray().size() > 0) {
            for (JsonElement x : e.getAsJsonArray()) {
                if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                    throw new InvalidInputException(p.pathOf("endpoint"), "must be a profile name or a list of names");
                }
                names.add(x.getAsString());
            }
        } else {
            throw new InvalidInputException(p.pathOf("endpoint"), "must be a profile name or a list of names");
        }
        return names;
    }

    static boolean cot(JsonFields p) {
        String prompt = p.string("prompt", "io").toLowerCase(Locale.ROOT);
        if (!prompt.equals("io") && !prompt.equals("cot")) {
            throw new InvalidInputException(p.pathOf("prompt"), "unknown prompt \"" + prompt + "\" (known: io, cot)");
        }
        return prompt.equals("cot");
    }

    static Settings parse(JsonFields p) {
        List<String> endpoints = endpoints(p);
        boolean cot = cot(p);
        int history = p.wholeInt("history", 50, 0, 100_000);
        Double temperature = p.has("temperature") ? p.number("temperature", 0.7, 0, 2) : null;
        Integer maxTokens = p.has("maxTokens") ? p.wholeInt("maxTokens", 1000, 1, 1_000_000) : null;
        Boolean json = p.has("jsonMode") ? p.bool("jsonMode", true) : null;
        int attempts = p.wholeInt("maxAttempts", 12, 1, 100);
        Boolean satisfaction = p.has("satisfaction") ? p.bool("satisfaction", true) : null;
        String personaText = p.string("personaText", "llm");
        if (!personaText.equals("llm") && !personaText.equals("template")) {
            throw new InvalidInputException(p.pathOf("personaText"), "unknown value \"" + personaText + "\" (known: llm, template)");
        }
        boolean inSystem = p.bool("personaInSystemPrompt", false);
        long budgetTokens = p.whole("budgetTokens", 0, 0, Long.MAX_VALUE);
        double budgetUsd = p.number("budgetUsd", 0, 0, 1e9);
        p.rejectUnknown();
        return new Settings(endpoints, cot, history, temperature, maxTokens, json, attempts, satisfaction,
                personaText.equals("llm"), inSystem, budgetTokens, budgetUsd);
    }

    /** One step's record in a worker's history (paper §3.4 "historical" block). */
    static final class Entry {
        final StringBuilder block = new StringBuilder(320);
        double metric = Double.NaN;
        String action = "";
        String leader;
        double labour;
    }

    /** A worker's own state: the only per-agent objects of this policy (design note 4). */
    static final class Agent {
        final List<Entry> history = new ArrayList<>();
        double lastHours = Double.NaN;
        double lastMetric = Double.NaN;
        double satisfaction = 1.0;
        String personaText;
        /** The last labour prompt (system + user) and raw reply, for the window; written by the calling thread. */
        volatile String lastPrompt;
        volatile String lastReply;
    }

    private final Settings settings;
    private final LlmRun run;
    private final LlmRun.Client client;
    private final Population population;
    private final LabourModel labour;
    private final Agent[] agents;
    private final boolean satisfactionOn;
    private final LlmMetrics metrics;
    private int step;
    private boolean personasReady;
    private volatile String leader;

    LlmWorkers(AgentSetup setup, Settings s) {
        this.settings = s;
        this.run = LlmRun.of(setup);
        this.population = setup.population();
        this.labour = setup.labour();
        if (s.budgetTokens() > 0 || s.budgetUsd() > 0) {
            applyBudget(run, s.budgetTokens(), s.budgetUsd());
        }
        this.client = run.client(new LlmRun.CallSettings(s.endpoints(), "worker.endpoint", s.temperature(),
                s.maxTokens(), s.jsonMode(), s.maxAttempts()));
        int n = population.size();
        this.agents = new Agent[n];
        for (int i = 0; i < n; i++) {
            agents[i] = new Agent();
        }
        this.satisfactionOn = population.hasPersonas() && (s.satisfaction() == null || s.satisfaction());
        List<String> roles = new ArrayList<>(List.of(ROLE));
        if (population.hasPersonas()) {
            roles.add(ROLE_PERSONA);
        }
        if (satisfactionOn) {
            roles.add(ROLE_SATISFACTION);
        }
        this.metrics = new LlmMetrics(run, roles, () -> step);
        if (satisfactionOn) {
            metrics.extra("llm_mean_satisfaction", this::meanSatisfaction);
        }
        run.registerWorkers(this);
    }

    static void applyBudget(LlmRun run, long tokens, double usd) {
        LlmOptions o = run.options();
        long t = o.budgetTokens() > 0 && tokens > 0 ? Math.min(o.budgetTokens(), tokens) : Math.max(o.budgetTokens(), tokens);
        double u = o.budgetUsd() > 0 && usd > 0 ? Math.min(o.budgetUsd(), usd) : Math.max(o.budgetUsd(), usd);
        run.meter().setBudget(t, u);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public StepMetrics metrics() {
        return metrics;
    }

    @Override
    public String stopRequested() {
        return run.meter().budgetExhausted();
    }

    private double meanSatisfaction() {
        double s = 0;
        for (Agent a : agents) {
            s += a.satisfaction;
        }
        return s / agents.length;
    }

    /** Called by an LLM electorate when a leader is elected: later blocks show it (paper §9 step 4). */
    public void noteLeader(int agent) {
        leader = agent < 0 ? null : "worker_" + agent;
    }

    @Override
    public void beginStep(StepContext ctx) {
        step = ctx.step();
        if (!personasReady) {
            personasReady = true;
            if (population.hasPersonas()) {
                generatePersonas();
            }
        }
    }

    // ---- personas (paper §4.2) ----

    static final String PERSONA_SYSTEM = "You are an expert in creating realistic economic personas for simulations. "
            + "Create detailed, realistic personas based on demographic and occupational data.";

    static String personaPrompt(Persona p) {
        return "Create a realistic persona description for an economic simulation based on these statistics: "
                + "Occupation: " + p.occupation() + ", Sex: " + p.sex() + ", Age: " + p.age() + "\n\n"
                + "The persona should be:\n"
                + "- Written in second person (\"You are...\")\n"
                + "- Include: basic demographics, work situation and career stage, economic background and income level, "
                + "financial attitudes and risk tolerance, life circumstances affecting economic decisions, "
                + "personality traits relevant to economic behaviour\n"
                + "- Realistic for this age/gender/occupation\n"
                + "- 2-3 sentences maximum\n\n"
                + "Example format: \"You are a [age]-year-old [gender] working as [occupation]. "
                + "[Economic situation and attitudes]. [Life circumstances and decision-making style].\"";
    }

    static String personaFallback(Persona p) {
        return "You are a " + p.age() + "-year-old " + p.sex().toLowerCase(Locale.ROOT) + " working in " + p.occupation()
                + ". You have typical economic concerns for someone in your position and make financial decisions "
                + "based on your experience and circumstances.";
    }

    private void generatePersonas() {
        int n = agents.length;
        List<String> texts = client.fanOut(n, i -> {
            Persona p = population.persona(i);
            if (!settings.llmPersonaText()) {
                return personaFallback(p);
            }
            String t = client.ask(ROLE_PERSONA, "persona/" + i, PERSONA_SYSTEM, personaPrompt(p), false, reply -> {
                String s = reply.strip();
                while (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
                    s = s.substring(1, s.length() - 1).strip();
                }
                if (s.isEmpty() || s.length() > 2000) {
                    throw new ReplyParser.InvalidReply("persona text empty or too long");
                }
                return s;
            });
            return t != null ? t : personaFallback(p);
        });
        for (int i = 0; i < n; i++) {
            agents[i].personaText = texts.get(i);
        }
    }

    /** The endpoint names the scenario gives these workers (may be empty when the command line names one). */
    public List<String> endpointNames() {
        return settings.endpoints();
    }

    /** Persona text of agent i (null without personas or before step 0). */
    public String personaText(int i) {
        return agents[i].personaText;
    }

    // ---- prompts (paper §3.4) ----

    String systemPrompt(int i) {
        double v = population.skill(i);
        UtilityType type = population.utilityType(i);
        boolean persona = population.hasPersonas() && type == UtilityType.EGOTISTICAL && satisfactionOn;
        String goal = switch (type) {
            case ALTRUISTIC -> "social welfare";
            case ADVERSARIAL -> "negative social welfare";
            default -> persona ? "adjusted utility isoelastic utility" : "isoelastic utility";
        };
        String prefix = settings.personaInSystemPrompt() && agents[i].personaText != null ? agents[i].personaText + " " : "";
        return prefix + "You are worker_" + i + ", a citizen of Princetonia. Your skill level is " + PaperPrompts.num(v)
                + " with an expected income of " + PaperPrompts.num(v * 40) + " at 40 hours of labor each week. "
                + "Each year you will have the option to choose the number of hours of labor to perform each week. "
                + "You can work overtime (>40 hours per week) or undertime (<40 hours per week). "
                + "You will receive income z proportional to the number of hours worked and your skill level. "
                + "Your goal is to maximize your " + goal + ". Make sure to sufficiently explore different amounts of "
                + "LABOR before exploiting the best one for maximum utility u. Once you find the maximum utility, only "
                + "output LABOR corresponding to maximum utility u. Use the JSON format: {\"LABOR\": \"X\"} and replace "
                + "\"X\" with your answer.";
    }

    private String grid() {
        StringBuilder b = new StringBuilder("[");
        double max = labour.maxHoursPerWeek();
        for (int j = 0; j <= 10; j++) {
            if (j > 0) {
                b.append(',');
            }
            double h = max * j / 10;
            b.append(h == Math.rint(h) ? Long.toString((long) h) : PaperPrompts.num(h));
        }
        return b.append(']').toString();
    }

    /** The window of blocks and the best-5 list (paper §3.4 "assembled message", items 1-2). */
    String historyText(int i) {
        Agent a = agents[i];
        List<Entry> h = a.history;
        int k = h.size() - 1;
        StringBuilder m = new StringBuilder(8192);
        m.append("Historical data:\n");
        if (k >= 0) {
            int start = Math.max(0, k - Math.min(settings.history(), k));
            for (int t = start; t <= k; t++) {
                m.append("Timestep ").append(t).append(":\n").append(h.get(t).block).append('\n');
            }
        }
        appendBest(m, h, k);
        return m.toString();
    }

    static void appendBest(StringBuilder m, List<Entry> h, int completed) {
        List<Integer> idx = new ArrayList<>();
        for (int t = 0; t < Math.min(completed, h.size()); t++) {
            if (!Double.isNaN(h.get(t).metric)) {
                idx.add(t);
            }
        }
        idx.sort(Comparator.comparingDouble(t -> -h.get(t).metric)); // stable: earlier first on ties
        List<Integer> best = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int t : idx) {
            if (seen.add(h.get(t).metric + "|" + h.get(t).action) && best.size() < 5) {
                best.add(t);
            }
        }
        m.append("Best ").append(best.size()).append(" timesteps:\n");
        for (int t : best) {
            Entry e = h.get(t);
            m.append("Timestep ").append(t);
            if (e.leader != null) {
                m.append(" (leader ").append(e.leader).append(')');
            }
            m.append(":\n").append(e.block).append('\n');
        }
    }

    String userPrompt(int i, StepContext ctx) {
        Agent a = agents[i];
        int done = a.history.size() - 1; // completed entries
        int h = settings.history();
        int from = h == 0 ? 0 : Math.max(0, done - h); // Python list[-0:] is the whole list
        double sl = 0;
        double su = 0;
        for (int t = from; t < done; t++) {
            sl += a.history.get(t).labour;
            su += a.history.get(t).metric;
        }
        int cnt = done - from;
        String avgL = cnt == 0 ? "nan" : PaperPrompts.num(PaperPrompts.roundTens(sl / cnt));
        String avgU = cnt == 0 ? "nan" : PaperPrompts.num(su / cnt);
        boolean explore = !(ctx.inFinalTenth() || ctx.lastStepOfTaxYear());
        StringBuilder b = new StringBuilder(600);
        b.append("The running average LABOR choice historically was average LABOR=").append(avgL)
                .append(" hours corresponding to average utility u=").append(avgU).append(". ");
        if (explore) {
            b.append("Use the historical data to influence your answer in order to maximize utility u, while balancing "
                    + "exploration and exploitation by choosing varying amounts of LABOR. ");
        }
        b.append("Next year, you may perform LABOR: ").append(grid()).append(" hours. Please choose the")
                .append(explore ? "" : " best").append(" amount of LABOR to perform. ");
        if (settings.cot()) {
            b.append("Use the JSON format: {\"thought\":\"<step-by-step-thinking>\", \"LABOR\": \"X\"} and replace \"X\" "
                    + "with your answer.").append(PaperPrompts.THINK);
        } else {
            b.append("Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.");
        }
        return b.toString();
    }

    @Override
    public void chooseHours(StepContext ctx, Population pop, WorkerState state, int from, int to) {
        String rates = PaperPrompts.list(ctx.schedule().ratesPercent());
        String currentLeader = leader;
        for (int i = from; i < to; i++) {
            Entry e = new Entry();
            e.leader = currentLeader;
            e.block.append("TAX: = ").append(rates).append("\nskill: s = ").append(PaperPrompts.num(pop.skill(i)));
            agents[i].history.add(e);
        }
        double max = labour.maxHoursPerWeek();
        int k = ctx.step();
        List<Double> chosen = client.fanOut(to - from, j -> {
            int i = from + j;
            String user = historyText(i) + userPrompt(i, ctx) + PaperPrompts.PREFILL;
            String system = systemPrompt(i);
            Agent a = agents[i];
            a.lastPrompt = system.isEmpty() ? user : "[system]\n" + system + "\n\n[user]\n" + user;
            a.lastReply = null;
            return client.ask(ROLE, "worker/" + i + "/s" + k, system, user, true, reply -> {
                a.lastReply = reply;
                return ReplyParser.labour(reply, max);
            });
        });
        double[] hours = state.hours();
        for (int i = from; i < to; i++) {
            Agent a = agents[i];
            Double l = chosen.get(i - from);
            double h = l != null ? l : Double.isNaN(a.lastHours) ? Math.min(40, max) : a.lastHours;
            hours[i] = h;
            Entry e = a.history.get(a.history.size() - 1);
            e.labour = h;
            e.action = PaperPrompts.num(h);
            e.block.append("\nLABOR: = l ").append(PaperPrompts.num(h));
        }
    }

    /** The selected worker's last labour prompt and reply (and satisfaction when that is on). */
    @Override
    public AgentDetails agentDetails() {
        return new AgentDetails() {
            @Override
            public List<String> names() {
                return satisfactionOn ? List.of("satisfaction") : List.of();
            }

            @Override
            public double value(int column, int agent) {
                return agents[agent].satisfaction;
            }

            @Override
            public Optional<String> lastExchange(int agent) {
                Agent a = agents[agent];
                String prompt = a.lastPrompt;
                if (prompt == null) {
                    return Optional.empty();
                }
                String reply = a.lastReply;
                return Optional.of("PROMPT\n" + prompt + "\n\nREPLY\n" + (reply == null ? "(no reply)" : reply));
            }
        };
    }

    @Override
    public void observe(StepContext ctx, Population pop, WorkerState state, double swf, int from, int to) {
        double rebate = state.rebateUsd();
        String currentLeader = leader;
        for (int i = from; i < to; i++) {
            Entry e = agents[i].history.get(agents[i].history.size() - 1);
            if (currentLeader != null) {
                e.block.append("\nCurrent leader: ").append(currentLeader);
            }
            e.block.append("\npre-tax income: z = s * l = ").append(PaperPrompts.num(state.income()[i]))
                    .append("\ntax_i = ").append(PaperPrompts.num(state.tax()[i]))
                    .append("\nrebate = ").append(PaperPrompts.num(rebate))
                    .append("\npost-tax income: z~ = z - tax_i + rebate = ").append(PaperPrompts.num(state.postTaxIncome(i)));
        }
        int k = ctx.step();
        List<Double> r = null;
        if (satisfactionOn) {
            r = client.fanOut(to - from, j -> {
                int i = from + j;
                if (pop.utilityType(i) != UtilityType.EGOTISTICAL) {
                    return null;
                }
                Agent a = agents[i];
                String block = a.history.get(a.history.size() - 1).block.toString();
                String user = a.personaText + "\nBased on your summary of this year:\n" + block
                        + " are you satisfied with the overall tax policy (including tax_i and rebate)?\n"
                        + PaperPrompts.THINK
                        + " Use the JSON format: {\"thought\":\"<step-by-step-thinking>\", \"ANSWER\": \"X\"} and replace"
                        + " \"X\" with \"YES\" or \"NO\"." + PaperPrompts.PREFILL;
                return client.ask(ROLE_SATISFACTION, "satisfaction/" + i + "/s" + k, "", user, true, reply -> {
                    String ans = ReplyParser.field(ReplyParser.object(reply), "ANSWER").getAsString().toLowerCase(Locale.ROOT);
                    if (ans.contains("yes")) {
                        return 1.0;
                    }
                    if (ans.contains("no")) {
                        return 0.5;
                    }
                    throw new ReplyParser.InvalidReply("ANSWER is neither YES nor NO");
                });
            });
        }
        for (int i = from; i < to; i++) {
            Agent a = agents[i];
            Entry e = a.history.get(a.history.size() - 1);
            UtilityType type = pop.utilityType(i);
            double u;
            if (type == UtilityType.ALTRUISTIC) {
                u = ctx.previousSwf();
                e.block.append("\nutility: u = u_1/z_1 + ... + u_N/z_N = ").append(PaperPrompts.num4(u));
            } else if (type == UtilityType.ADVERSARIAL) {
                u = -ctx.previousSwf();
                e.block.append("\nutility: u = -u_1/z_1 - ... - u_N/z_N = ").append(PaperPrompts.num4(u));
            } else if (r != null) {
                Double ri = r.get(i - from);
                if (ri != null) {
                    a.satisfaction = ri;
                }
                double iso = state.utility()[i];
                u = a.satisfaction * iso;
                e.block.append("\nisoelastic utility: u~ = z~ - c * l^d = ").append(PaperPrompts.num(iso))
                        .append("\nsatisfaction: r = ").append(PaperPrompts.num(a.satisfaction))
                        .append("\nadjusted utility: u = r * u~ = ").append(PaperPrompts.num(u));
            } else {
                u = state.utility()[i];
                e.block.append("\nutility: u = z~ - c * l^d = ").append(PaperPrompts.num(u));
            }
            e.metric = u;
            double l = e.labour;
            if (k > 0 && !Double.isNaN(a.lastHours) && l != a.lastHours) {
                e.block.append('\n').append(hint(l, a.lastHours, u - a.lastMetric));
            }
            a.lastHours = l;
            a.lastMetric = u;
        }
    }

    /** The directional hint of paper §3.4 item 6. */
    static String hint(double l, double lPrev, double du) {
        boolean up = l > lPrev;
        StringBuilder s = new StringBuilder();
        s.append(up ? "Increasing" : "Decreasing").append(" labor ").append(du > 0 ? "increased" : "decreased")
                .append(" utility.");
        if (du != 0) {
            boolean same = up == (du > 0);
            s.append(" This implies labor l is ")
                    .append(same ? "too low and needs to be increased above" : "too high and needs to be decreased below")
                    .append(" labor l=").append(PaperPrompts.num(l)).append('.');
        }
        return s.toString();
    }
}
