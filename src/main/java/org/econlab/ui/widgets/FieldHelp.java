package org.econlab.ui.widgets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each scenario field means, with its unit, for the editor's tooltips; and where a field path is in
 * the editor's words ("Bracket 3, start rate"), counting table rows from 1 as the tables do. Pure.
 */
public final class FieldHelp {

    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("name", "A short title for the scenario (shown in the window title and in run records).");
        HELP.put("description", "What the scenario shows, in free text.");
        HELP.put("seed", "Run seed (whole number): fixes every random draw, so the same scenario and seed give the same"
                + " numbers. Try other seeds, or Run → several seeds, to see what is robust.");
        HELP.put("steps", "How many steps the run lasts (whole number). The paper calls a step a year; the planner acts"
                + " once per tax year of T steps.");
        HELP.put("taxYearSteps", "T: steps per tax year (whole number, paper: 25). The planner or the election sets the"
                + " rates at the first step of each tax year; workers get T tries per schedule.");
        HELP.put("warmupSteps", "Steps before the planner's first decision (paper: 0); the start rates hold until then.");
        HELP.put("utility.swf", "The social welfare function the planner maximises and the charts report.");
        HELP.put("utility.atkinsonEpsilon", "Atkinson inequality aversion ε ≥ 0: 0 is the plain sum of utilities, 1 the sum"
                + " of their logarithms, larger values weigh the worst-off more.");
        HELP.put("utility.c", "c: cost-of-effort coefficient in u = z − T(z) + rebate − c · l^δ (dollars per year per"
                + " hour^δ; paper: 0.0005). Larger c makes long hours costlier, so workers work less.");
        HELP.put("utility.delta", "δ: cost-of-effort exponent (paper: 3.5, > 1). The labour elasticity is 1/(δ − 1):"
                + " a smaller δ makes hours respond more to taxes. One number for every worker (the paper), or a"
                + " distribution each worker draws its own δ from.");
        HELP.put("utility.delta.dist", "How δ is given: one number for all workers (the paper), uniform between two"
                + " values, log-normal around a median, or a table by the worker's occupation or age band (census"
                + " personas). Each worker's labour elasticity is 1/(δ − 1).");
        HELP.put("utility.delta.min", "Smallest δ a worker draws (> 1): the most elastic worker, elasticity 1/(min − 1).");
        HELP.put("utility.delta.max", "Largest δ a worker draws (≥ min): the least elastic worker.");
        HELP.put("utility.delta.median", "Median δ (> 1.01): δ − 1 is log-normal around median − 1.");
        HELP.put("utility.delta.sigma", "Log-sd σ of δ − 1 (0 to 5): 0 gives every worker the median; 0.3 spreads the"
                + " elasticities by about ±35%.");
        HELP.put("utility.delta.values", "δ per occupation or age band (> 1); a key left empty takes the others' δ.");
        HELP.put("utility.delta.otherwise", "δ of workers whose occupation or age band the table leaves empty (> 1);"
                + " required unless the table gives every key.");
        HELP.put("brackets.preset", "The bracket cutoffs: flat (one bracket), three (0 / 90,000 / 159,100 $/yr),"
                + " us_fed_2024 (the seven 2024 U.S. federal brackets), or custom cutoffs edited in the table.");
        HELP.put("brackets", "Brackets of pre-tax income ($/yr) and each one's marginal rate (percent, 0..100) before the"
                + " planner first acts. Income above the top cutoff is untaxed.");
        HELP.put("brackets.rates", "Start rate of each bracket, percent (0..100), in force until the planner first acts.");
        HELP.put("brackets.cutoffs", "Bracket cutoffs, dollars of pre-tax income per year, increasing from 0.");
        HELP.put("population.agents", "N: number of workers (whole number, 1 to 10,000,000). Charts and the agent table"
                + " stay cheap at any N.");
        HELP.put("population.skills.prior", "How skills are drawn: gb2 (U.S. income 2023, the paper's default) or uniform"
                + " (the paper's alternative).");
        HELP.put("population.skills.mu", "GB2 μ: scale of income at 40 hours, dollars per year (ACS 2023 fit: 72,403).");
        HELP.put("population.skills.sigma", "GB2 σ: shape (ACS 2023 fit: 2.072); larger σ narrows the distribution.");
        HELP.put("population.skills.nu", "GB2 ν: lower-tail shape (ACS 2023 fit: 0.4865).");
        HELP.put("population.skills.tau", "GB2 τ: upper-tail shape (ACS 2023 fit: 1.141); smaller τ, fatter top tail.");
        HELP.put("population.skills.low", "Uniform prior: lowest skill, dollars per year per weekly hour (paper: 1.24).");
        HELP.put("population.skills.high", "Uniform prior: highest skill, dollars per year per weekly hour (paper: 159.1).");
        HELP.put("population.personas", "Draw a census persona (occupation, sex, age) for every worker. Only persona and"
                + " LLM workers use personas; learning, rational and fixed workers ignore them.");
        HELP.put("population.census", "The persona table: employed persons by occupation × sex × age band (CPS 2024"
                + " unless edited); personas are drawn in proportion to its weights.");
        HELP.put("population.utilityMix.egotistical", "Percent of workers whose utility is their own (paper default 100).");
        HELP.put("population.utilityMix.altruistic", "Percent of workers whose utility is last step's social welfare.");
        HELP.put("population.utilityMix.adversarial", "Percent of workers whose utility is minus last step's social welfare.");
        HELP.put("worker", "How workers choose hours: learning (default: in-context learners), persona (learners with a"
                + " satisfaction rule), rational (exact best response), fixed, llm.");
        HELP.put("planner", "Who sets the rates each tax year: icrl (default), saez, us_fed, free_market, uniform, fixed,"
                + " stackelberg, llm, democratic (an elected worker).");
        HELP.put("planner.electorate", "Who votes in a democracy: built-in voters or LLM voters.");
        HELP.put("worker.endpoint", "The LLM endpoint profile (from ~/.llm-economist-lab/endpoints.json) the workers call.");
        HELP.put("planner.endpoint", "The LLM endpoint profile the planner calls.");
        HELP.put("planner.electorate.endpoint", "The LLM endpoint profile the voters call.");
    }

    /** Meaning of kind parameters shown in the parameter forms, by parameter name. */
    private static final Map<String, String> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("learningRate", "How fast a learning worker updates its remembered return of an hours bin (0..1).");
        PARAMETERS.put("explore", "Share of steps a learning worker tries a neighbouring hours bin instead of its best (0..1).");
        PARAMETERS.put("rebate", "How the worker counts the rebate: own_share (it sees the 1/N of its own tax that comes"
                + " back), price_taking (takes the rebate as given), realised (learners: the rebate as it came).");
        PARAMETERS.put("ignoreRebate", "Older name: true = price_taking, false = realised.");
        PARAMETERS.put("taxTolerance", "Base net tax rate (fraction, 0..1) a persona tolerates before it is dissatisfied;"
                + " age and occupation pay shift it.");
        PARAMETERS.put("hours", "Fixed workers: hours per week for everybody (empty: 40..60 per worker, as in the paper).");
        PARAMETERS.put("rate", "Uniform planner: the one rate for every bracket, percent.");
        PARAMETERS.put("rates", "Fixed planner: one rate per bracket, percent (a list, e.g. 10, 20, 30).");
        PARAMETERS.put("elasticity", "Saez planner: \"model\" (1/(δ−1) of this scenario), \"estimated\" (by perturbing"
                + " rates in the run), a number, or one number per bracket.");
        PARAMETERS.put("perturbation", "Estimated elasticity: how many percentage points each rate is moved to measure it.");
        PARAMETERS.put("settle", "icrl planner: the share of each tax year (0..0.95) left out of the year's score while"
                + " workers re-adapt to new rates.");
        PARAMETERS.put("commit", "icrl planner: the share of the run (0.05..1) after which it stops probing and plays its"
                + " best schedule.");
        PARAMETERS.put("memory", "Learning workers: rates (forget remembered returns when the rates change; default) or"
                + " all (keep them across schedules).");
        PARAMETERS.put("restarts", "Stackelberg planner: random starts of the coordinate ascent beyond 3 brackets.");
        PARAMETERS.put("electorate", "Democratic planner: built_in voters or an LLM electorate object.");
        PARAMETERS.put("platforms", "Democratic planner: whether candidates run on platforms.");
        PARAMETERS.put("endpoint", "LLM endpoint profile name (or a list of names), from the endpoint file.");
        PARAMETERS.put("prompt", "LLM prompt style (io = the paper's input-output prompts).");
        PARAMETERS.put("history", "How many past steps the LLM sees in its prompt.");
        PARAMETERS.put("temperature", "LLM sampling temperature (overrides the endpoint profile).");
        PARAMETERS.put("maxTokens", "Most tokens an LLM reply may have (overrides the endpoint profile).");
        PARAMETERS.put("budgetTokens", "The run stops cleanly after the step that reaches this many LLM tokens.");
        PARAMETERS.put("budgetUsd", "The run stops cleanly after the step that reaches this LLM cost, dollars.");
    }

    private FieldHelp() {
    }

    /** The tooltip text of a scenario field, or empty when there is none. */
    public static String of(String path) {
        String h = HELP.get(path);
        return h == null ? "" : h;
    }

    /** The meaning of a kind's parameter, or empty. */
    public static String parameter(String name) {
        String h = PARAMETERS.get(name);
        return h == null ? "" : h;
    }

    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)](.*)");

    /** Where {@code path} is in the editor, rows counted from 1; empty when it has no better name than its path. */
    public static String where(String path) {
        Matcher m = INDEXED.matcher(path);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            switch (m.group(1)) {
                case "brackets.rates":
                    return "Bracket " + (i + 1) + ", start rate";
                case "brackets.cutoffs":
                    return i == 0 ? "Bracket 1, from $" : "Bracket " + i + ", to $";
                case "population.census":
                    return "Persona table, row " + (i + 1) + m.group(3).replace('.', ' ');
                default:
                    return "";
            }
        }
        return switch (path) {
            case "seed" -> "Seed";
            case "steps" -> "Steps";
            case "taxYearSteps" -> "Tax year (steps)";
            case "warmupSteps" -> "Warm-up (steps)";
            case "population.agents" -> "Workers";
            case "utility.c" -> "Labour cost c";
            case "utility.delta" -> "Labour exponent δ";
            case "utility.delta.dist" -> "Labour exponent δ, form";
            case "utility.delta.min" -> "Labour exponent δ, from";
            case "utility.delta.max" -> "Labour exponent δ, to";
            case "utility.delta.median" -> "Labour exponent δ, median";
            case "utility.delta.sigma" -> "Labour exponent δ, log-sd σ";
            case "utility.delta.otherwise" -> "Labour exponent δ of the others";
            default -> path.startsWith("utility.delta.values.")
                    ? "δ table, " + path.substring("utility.delta.values.".length()) : "";
        };
    }
}
