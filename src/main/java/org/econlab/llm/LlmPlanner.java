package org.econlab.llm;

import org.econlab.agents.AgentSetup;
import org.econlab.agents.LlmActivity;
import org.econlab.agents.PlannerKinds;
import org.econlab.agents.PlannerPolicy;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.List;
import java.util.Locale;

/**
 * The {@code llm} planner kind: an LLM tax planner with the paper's prompts (paper-model §5.5: IO, or CoT as two
 * calls), its history as the reference keeps it ({@link PlannerMemory}: one entry per step with the rates, the income
 * histogram over the brackets, the utility histogram, summary statistics and SWF of the step before, best 5 by SWF,
 * the running-average line and the reflection line of §5.6). It answers a DELTA per bracket in {-20..20} percentage
 * points (clipped, rounded to tens half-to-even, truncated at 0 and 100: §5.2).
 *
 * <p>Scenario fields ({@code planner}): {@code endpoint}, {@code prompt} ({@code io} | {@code cot}), {@code promptText}
 * ({@code paper} | {@code tidy}), {@code history} (H, default 50), {@code temperature}, {@code maxTokens},
 * {@code jsonMode}, {@code maxAttempts} (12), {@code plannerHistoryFloor} (false), {@code reflection}
 * ({@code every_step} | {@code once_per_year} | {@code off}, default {@code every_step}), {@code budgetTokens},
 * {@code budgetUsd}.
 *
 * <p>As the reference (paper-model §14): the window is H for N &lt;= 20, else {@code (H // N) * 20}, which is 0 above 50
 * workers (only the current entry shown; the running averages then cover the whole history);
 * {@code plannerHistoryFloor: true} (a deliberate difference, off by default) keeps at least one step. The running
 * average is labelled "best" (§14.2); the reflection repeats every step of a tax year (§14.11) unless
 * {@code reflection} says otherwise. A planner whose 12 attempts fail keeps its rates for the year (the reference
 * crashes), counted as {@code llm_planner_fallbacks}. Called on the runner thread only.
 */
public final class LlmPlanner implements PlannerPolicy {

    public static final String KIND = "llm";
    static final String ROLE = "planner";

    enum Reflection { EVERY_STEP, ONCE_PER_YEAR, OFF }

    record Settings(List<String> endpoints, boolean cot, PromptStyle style, int history, Double temperature,
                    Integer maxTokens, Boolean jsonMode, int maxAttempts, boolean historyFloor, Reflection reflection,
                    long budgetTokens, double budgetUsd) {
    }

    /** Registers the kind with {@link PlannerKinds}. */
    public static void register() {
        PlannerKinds.register(KIND, "an LLM tax planner, paper prompts (endpoint, prompt io|cot, promptText paper|tidy,"
                + " history)", (p, brackets) -> {
                    Settings s = parse(p);
                    return setup -> new LlmPlanner(setup, s);
                });
    }

    static Settings parse(JsonFields p) {
        List<String> endpoints = LlmWorkerSettings.endpoints(p);
        boolean cot = LlmWorkerSettings.cot(p);
        PromptStyle style = PromptStyle.parse(p);
        int history = p.wholeInt("history", 50, 0, 100_000);
        Double temperature = p.has("temperature") ? p.number("temperature", 0.7, 0, 2) : null;
        Integer maxTokens = p.has("maxTokens") ? p.wholeInt("maxTokens", 1000, 1, 1_000_000) : null;
        Boolean json = p.has("jsonMode") ? p.bool("jsonMode", true) : null;
        int attempts = p.wholeInt("maxAttempts", 12, 1, 100);
        if (p.has("legacyPlannerHistory") && p.has("plannerHistoryFloor")) {
            throw new InvalidInputException(p.pathOf("legacyPlannerHistory"),
                    "give plannerHistoryFloor or the older legacyPlannerHistory, not both");
        }
        boolean floor = p.has("legacyPlannerHistory") ? !p.bool("legacyPlannerHistory", true)
                : p.bool("plannerHistoryFloor", false);
        String refl = p.string("reflection", "every_step").toLowerCase(Locale.ROOT);
        Reflection reflection;
        switch (refl) {
            case "every_step" -> reflection = Reflection.EVERY_STEP;
            case "once_per_year" -> reflection = Reflection.ONCE_PER_YEAR;
            case "off" -> reflection = Reflection.OFF;
            default -> throw new InvalidInputException(p.pathOf("reflection"),
                    "unknown value \"" + refl + "\" (known: every_step, once_per_year, off)");
        }
        long budgetTokens = p.whole("budgetTokens", 0, 0, Long.MAX_VALUE);
        double budgetUsd = p.number("budgetUsd", 0, 0, 1e9);
        p.rejectUnknown();
        return new Settings(endpoints, cot, style, history, temperature, maxTokens, json, attempts, floor, reflection,
                budgetTokens, budgetUsd);
    }

    private final Settings settings;
    private final LlmRun run;
    private final LlmRun.Client client;
    private final TaxBrackets brackets;
    private final PlannerMemory memory;
    private final org.econlab.economy.WelfareFunction welfare;
    private final LlmMetrics metrics;
    private int lastDecisionStep = -1;
    private int step;

    LlmPlanner(AgentSetup setup, Settings s) {
        this.settings = s;
        this.run = LlmRun.of(setup);
        if (s.budgetTokens() > 0 || s.budgetUsd() > 0) {
            LlmWorkers.applyBudget(run, s.budgetTokens(), s.budgetUsd());
        }
        this.client = run.client(new LlmRun.CallSettings(s.endpoints(), "planner.endpoint", s.temperature(),
                s.maxTokens(), s.jsonMode(), s.maxAttempts()));
        this.brackets = setup.startSchedule().brackets();
        this.welfare = setup.welfare();
        int n = setup.population().size();
        this.memory = new PlannerMemory(s.style(), brackets, setup.welfare(),
                plannerWindow(s.history(), n, s.historyFloor()), setup.totalSteps(), s.cot(),
                setup.startSchedule().ratesPercent());
        run.registerPlannerMemory(memory);
        this.metrics = new LlmMetrics(run, List.of(ROLE), () -> step);
    }

    /** Paper §5.4: H for N &lt;= 20, else (H // N) * 20; at least 1 with {@code floor}. */
    static int plannerWindow(int h, int n, boolean floor) {
        int w = n <= 20 ? h : (h / n) * 20;
        return floor ? Math.max(1, w) : w;
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

    @Override
    public LlmActivity llmActivity() {
        return run.activity();
    }

    private static final String W12 = " ".repeat(12);

    /** The planner's system prompt (the reference's, with its line-continuation spaces in the paper style). */
    String systemPrompt() {
        return systemPrompt(settings.style(), WelfarePromptText.clause(welfare), brackets);
    }


    static String systemPrompt(PromptStyle st, String welfareClause, TaxBrackets brackets) {
        return st.t("You are an expert tax planner. " + W12 + "You set the marginal tax rates in order to optimize "
                + "social welfare, " + W12 + welfareClause + ". " + W12 + "Collected taxes will be redistributed evenly "
                + "back to the citizens. " + W12 + "You may set the marginal tax rate in order to promote equity. "
                + PaperPrompts.bracketText(brackets) + "Each tax rate can changed DELTA=[-20, -10, 0, 10, 20] percent "
                + "where tax rates must be between 0 and 100 percent. " + W12 + "Use the historical data to influence "
                + "your answer in order to maximize SWF, while balancing exploration and exploitation by choosing "
                + "varying rates of TAX. " + W12 + "Explore tax rates that may create suboptimal SWF to find the best "
                + "ones. " + W12 + "Reply with all answers in JSON like: {\"DELTA\": " + PaperPrompts.xs(brackets.count())
                + "} and replace \"X\" with the percentage that the tax rates will change.");
    }

    /** The decision prompt of step k as sent (history, best 5, user prompt; without prefill or CoT suffix). */
    String decisionPrompt(int k) {
        return memory.prompt(k);
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        step = ctx.step();
        int k = ctx.step();
        TaxSchedule schedule = ctx.schedule();
        memory.countCall();
        memory.observe(k);
        if (k == 0) { // paper §1.1: step 0 only sets the starting rates, no LLM call
            memory.applyDelta(0, null);
            memory.act(0);
            return schedule;
        }
        memory.beginDecision();
        double[] rates = schedule.ratesPercent();
        int nb = rates.length;
        String message = memory.prompt(k);
        java.util.function.Function<String, double[]> parse =
                reply -> ReplyParser.deltas(ReplyParser.field(ReplyParser.object(reply), "DELTA"), nb);
        String id = "planner/s" + k;
        double[] delta = settings.cot()
                ? client.askCot(ROLE, id, systemPrompt(), message, true, parse)
                : client.ask(ROLE, id, systemPrompt(), message + PaperPrompts.PREFILL, true, parse);
        run.activityLog().turn(k, ROLE, -1);
        if (delta == null) {
            delta = new double[nb]; // documented fallback: keep the rates
        }
        double[] next = new double[nb];
        for (int j = 0; j < nb; j++) {
            next[j] = Math.max(0, Math.min(100, rates[j] + delta[j]));
        }
        memory.applyDelta(k, next);
        memory.act(k);
        lastDecisionStep = k;
        return schedule.withRates(next);
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        step = ctx.step();
        boolean reflect = switch (settings.reflection()) {
            case EVERY_STEP -> true;
            case ONCE_PER_YEAR -> ctx.step() == lastDecisionStep;
            case OFF -> false;
        };
        memory.endOfStep(ctx.step(), population, state, swf, ctx.previousSwf(), reflect);
        if (reflect) {
            run.activityLog().reflection(memory.lastReflection());
        }
    }
}
