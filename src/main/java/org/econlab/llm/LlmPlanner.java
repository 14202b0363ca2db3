package org.econlab.llm;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.econlab.agents.AgentSetup;
import org.econlab.agents.PlannerKinds;
import org.econlab.agents.PlannerPolicy;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.WelfareFunction;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code llm} planner kind: an LLM tax planner with the paper's prompts (paper-model §5.5: IO or CoT), one
 * history entry per step (rates, income histogram over the brackets, utility histogram, summary statistics, SWF),
 * best-5 by SWF, the running-average line and the reflection line (§5.6). It answers a DELTA per bracket in
 * {-20..20} percentage points (clipped, rounded to tens half-to-even, truncated at 0 and 100: §5.2).
 *
 * <p>Scenario fields ({@code planner}): {@code endpoint}, {@code prompt} ({@code io} | {@code cot}), {@code history}
 * (H, default 50), {@code temperature}, {@code maxTokens}, {@code jsonMode}, {@code maxAttempts} (default 12),
 * {@code legacyPlannerHistory} (default false), {@code reflection} ({@code every_step} | {@code once_per_year} |
 * {@code off}, default {@code every_step}), {@code budgetTokens}, {@code budgetUsd}.
 *
 * <p>Choices (paper-model §14):
 * <ul>
 *   <li>§14.3: the planner window is {@code H} for N &lt;= 20, else {@code max(1, (H / N) * 20)}; with
 *       {@code legacyPlannerHistory: true} it is the reference's {@code (H // N) * 20}, which is 0 for N &gt; 50
 *       (only the last block shown, and the running average over the whole history).</li>
 *   <li>§14.2: the running average is still labelled "best" (fidelity).</li>
 *   <li>§14.11: the reflection line repeats every step of a tax year and compares consecutive steps (fidelity);
 *       {@code once_per_year} writes it only on the first step under new rates, against the step before.</li>
 *   <li>History alignment: each entry pairs the rates in force at step k with the outcome of step k (the reference
 *       shows the previous step's histograms and SWF next to the current rates, which mismatches at every tax
 *       change).</li>
 *   <li>Fallback: after 12 unusable replies the planner keeps its rates for the year (the reference crashes);
 *       counted as {@code llm_planner_fallbacks}.</li>
 * </ul>
 * Called on the runner thread only.
 */
public final class LlmPlanner implements PlannerPolicy {

    public static final String KIND = "llm";
    static final String ROLE = "planner";

    enum Reflection { EVERY_STEP, ONCE_PER_YEAR, OFF }

    record Settings(List<String> endpoints, boolean cot, int history, Double temperature, Integer maxTokens,
                    Boolean jsonMode, int maxAttempts, boolean legacyHistory, Reflection reflection, long budgetTokens,
                    double budgetUsd) {
    }

    /** Registers the kind with {@link PlannerKinds}. */
    public static void register() {
        PlannerKinds.register(KIND, "an LLM tax planner, paper prompts (endpoint, prompt io|cot, history)",
                (p, brackets) -> {
                    Settings s = parse(p);
                    return setup -> new LlmPlanner(setup, s);
                });
    }

    static Settings parse(JsonFields p) {
        List<String> endpoints = LlmWorkers.endpoints(p);
        boolean cot = LlmWorkers.cot(p);
        int history = p.wholeInt("history", 50, 0, 100_000);
        Double temperature = p.has("temperature") ? p.number("temperature", 0.7, 0, 2) : null;
        Integer maxTokens = p.has("maxTokens") ? p.wholeInt("maxTokens", 1000, 1, 1_000_000) : null;
        Boolean json = p.has("jsonMode") ? p.bool("jsonMode", true) : null;
        int attempts = p.wholeInt("maxAttempts", 12, 1, 100);
        boolean legacy = p.bool("legacyPlannerHistory", false);
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
        return new Settings(endpoints, cot, history, temperature, maxTokens, json, attempts, legacy, reflection,
                budgetTokens, budgetUsd);
    }

    private final Settings settings;
    private final LlmRun run;
    private final LlmRun.Client client;
    private final TaxBrackets brackets;
    private final WelfareFunction welfare;
    private final int windowSteps;
    private final List<LlmWorkers.Entry> history = new ArrayList<>();
    private final LlmMetrics metrics;
    private TaxSchedule schedule;
    private double[] ratesBeforeLastDecision;
    private int decisions;
    private int lastDecisionStep = -1;
    private double previousSwf = Double.NaN;
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
        this.schedule = setup.startSchedule();
        this.ratesBeforeLastDecision = schedule.ratesPercent();
        int n = setup.population().size();
        this.windowSteps = plannerWindow(s.history(), n, s.legacyHistory());
        this.metrics = new LlmMetrics(run, List.of(ROLE), () -> step);
    }

    /** Paper §5.4: H for N &lt;= 20, else (H // N) * 20; at least 1 unless {@code legacy}. */
    static int plannerWindow(int h, int n, boolean legacy) {
        int w = n <= 20 ? h : (h / n) * 20;
        return legacy ? w : Math.max(1, w);
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

    String systemPrompt() {
        String swfText = WelfarePromptText.clause(welfare);
        return "You are an expert tax planner. You set the marginal tax rates in order to optimize social welfare, "
                + swfText + ". Collected taxes will be redistributed evenly back to the citizens. You may set the "
                + "marginal tax rate in order to promote equity. " + PaperPrompts.bracketText(brackets)
                + "Each tax rate can changed DELTA=[-20, -10, 0, 10, 20] percent where tax rates must be between 0 and "
                + "100 percent. Use the historical data to influence your answer in order to maximize SWF, while "
                + "balancing exploration and exploitation by choosing varying rates of TAX. Explore tax rates that may "
                + "create suboptimal SWF to find the best ones. Reply with all answers in JSON like: {\"DELTA\": "
                + PaperPrompts.xs(brackets.count()) + "} and replace \"X\" with the percentage that the tax rates will change.";
    }

    /** The window of entries and the best-5 list (paper §5.5 "assembled message"). */
    String historyText() {
        StringBuilder m = new StringBuilder(16384);
        m.append("Historical data:\n");
        int last = history.size() - 1;
        if (last >= 0) {
            for (int t = Math.max(0, last - windowSteps); t <= last; t++) {
                m.append("Timestep ").append(t).append(":\n").append(history.get(t).block).append('\n');
            }
        }
        LlmWorkers.appendBest(m, history, history.size());
        return m.toString();
    }

    String userPrompt(StepContext ctx) {
        int done = history.size();
        int from = windowSteps == 0 ? 0 : Math.max(0, done - windowSteps);
        int k = brackets.count();
        double[] avg = new double[k];
        double swf = 0;
        int cnt = done - from;
        for (int t = from; t < done; t++) {
            LlmWorkers.Entry e = history.get(t);
            swf += e.metric;
            for (int j = 0; j < k; j++) {
                avg[j] += ratesOf(t)[j];
            }
        }
        for (int j = 0; j < k; j++) {
            avg[j] = cnt == 0 ? Double.NaN : PaperPrompts.roundTens(avg[j] / cnt);
        }
        String avgSwf = cnt == 0 ? "nan" : PaperPrompts.num4(swf / cnt);
        StringBuilder b = new StringBuilder(700);
        b.append("Use the historical data to influence your answer in order to maximize SWF, while balancing "
                + "exploration and exploitation by choosing varying rates of TAX. ");
        b.append("The best marginal tax rate historically was TAX=").append(PaperPrompts.list(avg))
                .append(" corresponding to SWF=").append(avgSwf).append(". ");
        b.append("Try different rates of TAX before picking the one that corresponds to the highest SWF.");
        b.append("\nTAX = TAX + DELTA\n");
        b.append("Choose the").append(ctx.inFinalTenth() ? " best" : "")
                .append(" marginal tax rate for each tax bracket \"X\". ");
        String xs = PaperPrompts.xs(k);
        if (settings.cot()) {
            b.append("Your output MUST be a JSON like: {\"thought\":\"<step-by-step-thinking>\", \"DELTA\": ").append(xs)
                    .append('}').append(PaperPrompts.THINK);
        } else {
            b.append("Your output MUST be a JSON like: {\"DELTA\": ").append(xs).append('}');
        }
        return b.toString();
    }

    private final List<double[]> ratesByStep = new ArrayList<>();

    private double[] ratesOf(int t) {
        return ratesByStep.get(t);
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        step = ctx.step();
        schedule = ctx.schedule();
        if (ctx.step() == 0) {
            return schedule; // paper §1.1: step 0 only sets the starting rates, no LLM call
        }
        double[] rates = schedule.ratesPercent();
        int k = rates.length;
        String user = historyText() + userPrompt(ctx) + PaperPrompts.PREFILL;
        double[] delta = client.ask(ROLE, "planner/s" + ctx.step(), systemPrompt(), user, true,
                reply -> ReplyParser.deltas(ReplyParser.field(ReplyParser.object(reply), "DELTA"), k));
        if (delta == null) {
            delta = new double[k]; // documented fallback: keep the rates
        }
        double[] next = new double[k];
        for (int j = 0; j < k; j++) {
            next[j] = Math.max(0, Math.min(100, rates[j] + delta[j]));
        }
        ratesBeforeLastDecision = rates;
        decisions++;
        lastDecisionStep = ctx.step();
        schedule = schedule.withRates(next);
        return schedule;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        step = ctx.step();
        double[] rates = ctx.schedule().ratesPercent();
        LlmWorkers.Entry e = new LlmWorkers.Entry();
        e.block.append("TAX: ").append(PaperPrompts.list(rates)).append(".\n");
        int n = population.size();
        double[] z = Arrays.copyOf(state.income(), n);
        double[] u = Arrays.copyOf(state.utility(), n);
        e.block.append("Pre-tax income (z) distribution:\n");
        int[] counts = new int[brackets.count()];
        for (double zi : z) {
            counts[brackets.bracketOf(zi)]++;
        }
        int maxCount = Arrays.stream(counts).max().orElse(1);
        for (int j = 0; j < counts.length; j++) {
            e.block.append('$').append(PaperPrompts.dollars(brackets.lowerUsd(j))).append("-$")
                    .append(PaperPrompts.dollars(brackets.upperUsd(j))).append(": ")
                    .append("#".repeat(maxCount == 0 ? 0 : counts[j] * 20 / maxCount))
                    .append(" (").append(counts[j]).append(")\n");
        }
        e.block.append("Utility (u) distribution:\n");
        double min = Arrays.stream(u).min().orElse(0);
        double max = Arrays.stream(u).max().orElse(0);
        double width = (max - min) / 10;
        int[] bins = new int[10];
        for (double ui : u) {
            int b = width == 0 ? 0 : (int) ((ui - min) / width);
            bins[Math.max(0, Math.min(9, b))]++;
        }
        int maxBin = Arrays.stream(bins).max().orElse(1);
        for (int b = 0; b < 10; b++) {
            double lo = min + b * width;
            e.block.append(PaperPrompts.fixed2(lo)).append('-').append(PaperPrompts.fixed2(lo + width)).append(": ")
                    .append("#".repeat(maxBin == 0 ? 0 : bins[b] * 20 / maxBin)).append(" (").append(bins[b]).append(")\n");
        }
        e.block.append("Summary statistics:\n");
        e.block.append("z: ").append(stats(z)).append('\n');
        e.block.append("u: ").append(stats(u)).append('\n');
        String swfFormula = WelfarePromptText.formula(welfare);
        e.block.append("social welfare: swf = ").append(swfFormula).append(" = ").append(PaperPrompts.num4(swf));
        String reflection = reflection(ctx.step(), rates, swf);
        if (reflection != null) {
            e.block.append('\n').append(reflection);
        }
        e.metric = swf;
        e.action = PaperPrompts.list(rates);
        history.add(e);
        ratesByStep.add(rates);
        previousSwf = swf;
    }

    private String reflection(int k, double[] rates, double swf) {
        if (settings.reflection() == Reflection.OFF || decisions < 1 || Double.isNaN(previousSwf)
                || Arrays.equals(rates, ratesBeforeLastDecision)) {
            return null;
        }
        if (settings.reflection() == Reflection.ONCE_PER_YEAR && k != lastDecisionStep) {
            return null;
        }
        double dswf = swf - previousSwf;
        StringBuilder s = new StringBuilder();
        StringBuilder implies = new StringBuilder();
        for (int j = 0; j < rates.length; j++) {
            double d = rates[j] - ratesBeforeLastDecision[j];
            if (d == 0) {
                continue;
            }
            s.append(d > 0 ? "increasing" : "decreasing").append(" tax rate index ").append(j).append(" TAX[").append(j)
                    .append("], ");
            boolean same = Math.signum(d) == Math.signum(dswf);
            implies.append("Tax rate index ").append(j).append(" TAX[").append(j).append("] is ")
                    .append(same ? "too low and needs to be increased above" : "too high and needs to be decreased below")
                    .append(" tax rate TAX[").append(j).append("]=").append(PaperPrompts.num(rates[j])).append(". ");
        }
        s.append(dswf > 0 ? "increased" : "decreased").append(" social welfare SWF. This implies: ").append(implies);
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s.toString().strip();
    }

    /** numpy's mean, median and std (population, ddof = 0), as the reference prints them. */
    private static String stats(double[] x) {
        return "mean=" + PaperPrompts.fixed2(StatUtils.mean(x)) + ", median=" + PaperPrompts.fixed2(new Median().evaluate(x))
                + ", std=" + PaperPrompts.fixed2(new StandardDeviation(false).evaluate(x));
    }
}
