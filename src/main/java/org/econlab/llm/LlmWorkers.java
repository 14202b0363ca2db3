package org.econlab.llm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.agents.AgentDetails;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.LlmActivity;
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
import org.econlab.random.RandomStreams;

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

    /** Validated scenario fields. */
    record Settings(List<String> endpoints, boolean cot, PromptStyle style, int history, Double temperature,
                    Integer maxTokens, Boolean jsonMode, int maxAttempts, Boolean satisfaction, boolean llmPersonaText,
                    boolean personaInSystemPrompt, long budgetTokens, double budgetUsd, Subset subset,
                    WorkerKinds.Factory others) {
    }

    /** Which workers are LLM workers: every one ({@code all}), listed indices, or k drawn at random / the first k. */
    record Subset(boolean all, int[] indices, int random, int first, String path) {

        int[] resolve(int n, long seed) {
            if (all) {
                int[] a = new int[n];
                Arrays.setAll(a, i -> i);
                return a;
            }
            if (indices != null) {
                for (int i : indices) {
                    if (i >= n) {
                        throw new InvalidInputException(path, "agent " + i + " does not exist (" + n + " workers)");
                    }
                }
                return indices.clone();
            }
            int k = Math.min(n, random > 0 ? random : first);
            if (first > 0) {
                int[] a = new int[k];
                Arrays.setAll(a, i -> i);
                return a;
            }
            return RandomStreams.sampleAgents(seed, RandomStreams.Purpose.LLM, 1, k, n);
        }
    }

    /** Registers the kind with {@link WorkerKinds}. */
    public static void register() {
        WorkerKinds.register(KIND, "LLM workers with the paper's prompts (endpoint, prompt io|cot, promptText"
                + " paper|tidy, history; llmAgents + others for a mixed population)", (p, labour) -> {
                    Settings s = parse(p, labour);
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

    static Settings parse(JsonFields p, LabourModel labour) {
        List<String> endpoints = endpoints(p);
        boolean cot = cot(p);
        PromptStyle style = PromptStyle.parse(p);
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
        Subset subset = subset(p);
        WorkerKinds.Factory others = null;
        if (!subset.all()) {
            JsonFields o = p.has("others") ? p.object("others")
                    : new JsonFields(JsonParserHolder.object("{\"kind\":\"learning\"}"), p.pathOf("others"));
            if (KIND.equals(o.string("kind", ""))) {
                throw new InvalidInputException(o.pathOf("kind"), "the others must be a built-in kind");
            }
            others = WorkerKinds.parse(o, labour);
        } else if (p.has("others")) {
            throw new InvalidInputException(p.pathOf("others"), "only with llmAgents (every worker is an LLM otherwise)");
        }
        p.rejectUnknown();
        return new Settings(endpoints, cot, style, history, temperature, maxTokens, json, attempts, satisfaction,
                personaText.equals("llm"), inSystem, budgetTokens, budgetUsd, subset, others);
    }

    private static Subset subset(JsonFields p) {
        String path = p.pathOf("llmAgents");
        if (!p.has("llmAgents")) {
            return new Subset(true, null, 0, 0, path);
        }
        JsonElement e = p.raw().get("llmAgents");
        if (e.isJsonArray()) {
            double[] xs = p.numbers("llmAgents", 0, 100_000_000, false);
            int[] idx = new int[xs.length];
            for (int i = 0; i < xs.length; i++) {
                if (xs[i] != Math.rint(xs[i])) {
                    throw new InvalidInputException(path + "[" + i + "]", "must be a whole agent index");
                }
                idx[i] = (int) xs[i];
            }
            int[] sorted = Arrays.stream(idx).distinct().sorted().toArray();
            if (sorted.length == 0) {
                throw new InvalidInputException(path, "must name at least one agent");
            }
            return new Subset(false, sorted, 0, 0, path);
        }
        if (e.isJsonObject()) {
            JsonFields o = p.object("llmAgents");
            if (o.has("random") == o.has("first")) {
                throw new InvalidInputException(path, "give {\"random\": k} or {\"first\": k}");
            }
            int random = o.has("random") ? o.wholeInt("random", 1, 1, 100_000_000) : 0;
            int first = o.has("first") ? o.wholeInt("first", 1, 1, 100_000_000) : 0;
            o.rejectUnknown();
            return new Subset(false, null, random, first, path);
        }
        throw new InvalidInputException(path, "must be a list of agent indices or {\"random\": k} or {\"first\": k}");
    }

    /** A tiny holder so the default {@code others} object is parsed once. */
    private static final class JsonParserHolder {
        static JsonObject object(String json) {
            return com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        }
    }

    /** One LLM worker's own state: the only per-agent objects of this policy (design note 4). */
    static final class Agent {
        final int index;
        final MessageHistory history;
        final List<Double> labourHistory = new ArrayList<>();
        final List<Double> utilityHistory = new ArrayList<>();
        double labour = Double.NaN;
        boolean labourIsInt;
        double labourPrev; // the reference starts at 0
        double utilityPrev;
        double satisfaction = 1.0;
        String personaText;
        volatile String lastPrompt;
        volatile String lastReply;

        Agent(int index, int h, PromptStyle style) {
            this.index = index;
            this.history = new MessageHistory(h, style, "planner");
        }
    }

    private final Settings settings;
    private final LlmRun run;
    private final LlmRun.Client client;
    private final Population population;
    private final LabourModel labour;
    private final int totalSteps;
    private final int taxYearSteps;
    private final int[] llm;
    private final Agent[] agents;
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
        this.agents = new Agent[n];
        for (int i : llm) {
            agents[i] = new Agent(i, s.history(), s.style());
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

    // ---- personas (paper §4.2) ----

    static final String PERSONA_SYSTEM = "You are an expert in creating realistic economic personas for simulations. "
            + "Create detailed, realistic personas based on demographic and occupational data.";

    /** The reference's persona request, verbatim. */
    static String personaPrompt(Persona p) {
        return "Create a realistic persona description for an economic simulation based on these statistics:\n"
                + "- Occupation: " + p.occupation() + "\n"
                + "- Sex: " + p.sex() + "\n"
                + "- Age: " + p.age() + "\n\n"
                + "The persona should be written in second person (\"You are...\") and include:\n"
                + "- Basic demographic information\n"
                + "- Work situation and career stage\n"
                + "- Economic background and income level\n"
                + "- Financial attitudes and risk tolerance\n"
                + "- Life circumstances that affect economic decisions\n"
                + "- Personality traits relevant to economic behavior\n\n"
                + "Make the persona realistic and grounded in what someone of this age, gender, and occupation would "
                + "actually experience. Keep it to 2-3 sentences maximum.\n\n"
                + "Example format: \"You are a [age]-year-old [gender] working as [occupation]. [Economic situation and "
                + "attitudes]. [Life circumstances and decision-making style].\"\n";
    }

    /** The reference's fallback persona text (occupation and sex lower-cased). */
    static String personaFallback(Persona p) {
        return "You are a " + p.age() + "-year-old " + p.sex().toLowerCase(Locale.ROOT) + " working in "
                + p.occupation().toLowerCase(Locale.ROOT) + ". You have typical economic concerns for someone in your "
                + "position and make financial decisions based on your experience and circumstances.";
    }

    /**
     * A persona reply as the reference keeps it (stripped, one pair of surrounding double quotes removed). A text
     * that does not end a sentence was cut by the token limit: asked again.
     */
    static String personaText(String reply) {
        String s = reply.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            throw new ReplyParser.InvalidReply("empty persona text");
        }
        String end = s.strip().replaceAll("[\"')\\]*]+$", "");
        if (end.isEmpty() || ".!?".indexOf(end.charAt(end.length() - 1)) < 0) {
            throw new ReplyParser.TruncatedReply("the persona text ends mid-sentence");
        }
        return s;
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
                return personaFallback(p);
            }
            String t = client.ask(ROLE_PERSONA, "persona/" + i, PERSONA_SYSTEM, personaPrompt(p), false,
                    LlmWorkers::personaText);
            return t != null ? t : personaFallback(p);
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

    private static final String W20 = " ".repeat(20);

    /** The worker's system prompt (the reference's, with its line-continuation spaces in the paper style). */
    String systemPrompt(int i) {
        PromptStyle st = settings.style();
        double v = population.skill(i);
        UtilityType type = population.utilityType(i);
        boolean persona = population.hasPersonas() && type == UtilityType.EGOTISTICAL && satisfactionOn;
        String name = switch (type) {
            case ALTRUISTIC -> "social welfare";
            case ADVERSARIAL -> "negative social welfare";
            default -> "isoelastic utility";
        };
        String goal = persona ? "adjusted utility " + name : name;
        Agent a = agents[i];
        String prefix = settings.personaInSystemPrompt() && a != null && a.personaText != null ? a.personaText + " " : "";
        return prefix + "You are worker_" + i + ", a citizen of Princetonia. Your skill level is " + st.num(v)
                + " with an expected income of " + st.num(v * 40) + " at 40 hours of labor each week."
                + st.t(" Each year you will have the option to choose the number of hours of labor to perform each week. "
                + W20 + "You can work overtime (>40 hours per week) or undertime (<40 hours per week). "
                + W20 + "You will receive income z proportional to the number of hours worked and your skill level. "
                + W20 + "Your goal is to maximize your " + goal + ". "
                + W20 + "Make sure to sufficiently explore different amounts of LABOR before exploiting the best one for "
                + "maximum utility u. "
                + W20 + "Once you find the maximum utility, only output LABOR corresponding to maximum utility u. "
                + W20 + "Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.\n");
    }

    /** The history text of worker i at the current step (without the user prompt): what voters and leaders read. */
    String historyText(int i, int k) {
        Agent a = agents[i];
        return a.history.text(Math.min(k, a.history.size() - 1), false);
    }

    private String userPrompt(Agent a, StepContext ctx) {
        PromptStyle st = settings.style();
        int h = settings.history();
        double avgU = NumpyStats.meanOfLast(a.utilityHistory, h);
        double avgL = PaperPrompts.roundTens(NumpyStats.meanOfLast(a.labourHistory, h));
        boolean best = ctx.inFinalTenth() || ctx.lastStepOfTaxYear();
        StringBuilder b = new StringBuilder(600);
        b.append("The running average LABOR choice historically was average LABOR=").append(st.num(avgL))
                .append(" hours corresponding to average utility u=").append(st.num(avgU)).append(". ");
        if (!best) {
            b.append("Use the historical data to influence your answer in order to maximize utility u, while balancing "
                    + "exploration and exploitation by choosing varying amounts of LABOR. ");
        }
        b.append("Next year, you may perform LABOR: ").append(grid()).append(" hours. Please choose the")
                .append(best ? " best" : "").append(" amount of LABOR to perform. ");
        if (settings.cot()) {
            b.append(st.t(" Use the JSON format: {\"thought\":\"<step-by-step-thinking>\", \"LABOR\": \"X\"} and replace "
                    + "\"X\" with your answer.\n"));
        } else {
            b.append(st.t(" Use the JSON format: {\"LABOR\": \"X\"} and replace \"X\" with your answer.\n"));
        }
        return b.toString();
    }

    private String grid() {
        StringBuilder b = new StringBuilder("[");
        double max = labour.maxHoursPerWeek();
        for (int j = 0; j <= 10; j++) {
            if (j > 0) {
                b.append(',');
            }
            double h = max * j / 10;
            b.append(h == Math.rint(h) ? Long.toString((long) h) : PyText.repr(h));
        }
        return b.append(']').toString();
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
            Agent a = agents[llm[j]];
            MessageHistory.Entry e = a.history.get(k);
            e.historical.append("TAX: = ").append(rates).append('\n').append("skill: s = ")
                    .append(st.num(pop.skill(a.index))).append('\n');
            e.userPrompt.append(userPrompt(a, ctx));
        }
        PlannerMemory memory = run.plannerMemory();
        List<Hours> chosen = client.fanOut(hi - lo, j -> {
            Agent a = agents[llm[lo + j]];
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
            Agent a = agents[llm[j]];
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
                Agent a = agents[agent];
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
            Agent a = agents[llm[j]];
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
                Agent a = agents[llm[lo + j]];
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
            Agent a = agents[llm[j]];
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
                b.append(hint(a.labour, a.labourPrev, metric - a.utilityPrev, a.labourIsInt, st));
            }
            a.utilityPrev = metric;
            a.labourPrev = a.labour;
        }
    }

    /** The directional hint of paper §3.4 item 6, with the reference's wording when utility did not change. */
    static String hint(double l, double lPrev, double du, boolean lIsInt, PromptStyle st) {
        double dl = l - lPrev;
        StringBuilder s = new StringBuilder();
        s.append(dl > 0 ? "Increasing" : "Decreasing").append(" labor ").append(du > 0 ? "increased" : "decreased")
                .append(" utility. This implies labor l is ");
        if ((dl > 0 && du < 0) || (dl < 0 && du > 0)) {
            s.append("too high and needs to be decreased below labor l=").append(st.num(l, lIsInt));
        } else if ((dl > 0 && du > 0) || (dl < 0 && du < 0)) {
            s.append("too low and needs to be increased above labor l=").append(st.num(l, lIsInt));
        }
        return s.append(".\n").toString();
    }
}
