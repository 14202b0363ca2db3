package org.econlab.replication;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.econlab.LabVersion;
import org.econlab.agents.WorkerKinds;
import org.econlab.economy.StackelbergSearch;
import org.econlab.simulation.Scenario;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The replication's outputs: {@code replication.csv} (one row per run) and {@code replication.md} (per scenario and
 * welfare function: each planner's mean with a 95% bootstrap interval over seeds, and paired comparisons on the
 * same populations with their intervals and the seeds each side won), headed by every modelling assumption in
 * force. Pure functions of the rows.
 */
public final class ReplicationReport {

    /** The fraction of the Stackelberg welfare a planner must reach to be "near" it (issue 9). */
    public static final double NEAR_STACKELBERG = 0.95;

    private static final String[] HEADER = {"scenario", "welfare", "planner", "seed", "swf_final", "swf_mean_last20pct",
        "swf_mean_exploit", "mean_labor", "gini", "total_tax", "final_rates", "zero_income_final", "idle_workers",
        "stackelberg_rational_swf"};

    private ReplicationReport() {
    }

    /** One row per run, in plan order. */
    public static String csv(List<ReplicationRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(HEADER).get())) {
            for (ReplicationRow r : rows) {
                p.printRecord(r.scenario(), r.welfare(), r.planner(), r.seed(), f(6, r.swfFinal()), f(6, r.swfMeanLast20()),
                        f(6, r.swfExploit()), f(4, r.meanLabor()), f(6, r.gini()), f(2, r.totalTax()),
                        rates(r.finalRates(), " "), r.zeroIncomeFinal(), f(2, r.idleWorkers()),
                        f(6, r.stackelbergRationalSwf()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The summary with intervals, paired comparisons and assumptions. */
    public static String markdown(List<ReplicationRow> rows, ReplicationPlan plan) {
        StringBuilder b = new StringBuilder("# Replication with built-in agents\n\n");
        assumptions(b, plan);
        Map<String, Map<String, List<ReplicationRow>>> groups = new LinkedHashMap<>();
        for (ReplicationRow r : rows) {
            groups.computeIfAbsent(r.scenario() + " | " + r.welfare(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.planner(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, List<ReplicationRow>>> g : groups.entrySet()) {
            section(b, g.getKey(), g.getValue());
        }
        return b.toString();
    }

    private static void assumptions(StringBuilder b, ReplicationPlan plan) {
        b.append("## Assumptions in force\n\n");
        b.append(String.format(Locale.ROOT, "- Lab version %s. %d seed(s) per scenario, welfare function and planner;"
                + " planners of one seed run on the same population, so differences are paired. The voting scenario"
                + " uses seeds offset by %d so that its populations are not the bounded scenario's.%n",
                LabVersion.get(), plan.seeds(), ReplicationPlan.VOTING_SEED_OFFSET));
        b.append("- Welfare functions: ").append(plan.welfare().stream()
                .map(w -> "`" + w.displayName() + "` (" + w.kind().label() + ")").collect(Collectors.joining(", ")))
                .append(". `inverse_income` is the paper's sum u/max(z,1), whose weights move with the income a worker"
                        + " chooses; `inverse_skill` fixes them at 1/(40 v).\n");
        b.append("- Outcome: `exploit SWF` = mean SWF over the steps k > 0.9 x steps (the final tenth, where every learning"
                + " agent and the icrl planner play their best). Intervals: 95% percentile bootstrap over seeds ("
                + Bootstrap.RESAMPLES + " resamples, fixed resampling seed). `won` counts the seeds on which the first"
                + " planner's exploit SWF is higher.\n");
        b.append(String.format(Locale.ROOT, "- Stackelberg reference: the 10-point grid schedule maximising welfare when"
                + " every worker plays its exact best response counting its own share of the rebate (`%s`); exhaustive"
                + " for up to %d brackets, coordinate ascent from 3 + %d starts above (its measured gap is in docs/results.md)."
                + " The `stackelberg` planner plays that schedule with the scenario's own workers.%n",
                ReplicationPlan.referenceRebate().id(), StackelbergSearch.EXHAUSTIVE_MAX_BRACKETS,
                StackelbergSearch.RANDOM_RESTARTS));
        b.append("- Planners: ").append(PlannerVariant.all().stream()
                .map(p -> "`" + p.label() + "` " + p.planner() + ": " + p.meaning()).collect(Collectors.joining("; ")))
                .append(".\n");
        trainingAssumption(b, plan);
        b.append("- Workers treat the rebate as `").append(WorkerKinds.DEFAULT_REBATE.id())
                .append("` unless the scenario says otherwise (learning workers subtract the part of the rebate their own"
                        + " hours do not move).\n");
        for (ReplicationPlan.Cell cell : firstCells(plan)) {
            Scenario s = cell.scenario();
            String delta = s.population().deltas() == null
                    ? String.format(Locale.ROOT, "delta = %s (labour elasticity %.2f)", plain(s.labour().disutilityExponent()),
                            s.labour().frischElasticity())
                    : "delta drawn per worker " + s.population().deltas().toJson() + " (each worker's elasticity"
                            + " 1/(delta_i - 1))";
            b.append(String.format(Locale.ROOT, "- `%s`: %d workers (%s), brackets %s from %s%%, worker %s, %d steps,"
                    + " tax year %d steps, c = %s, %s, hours 0..%s.%n", cell.name(),
                    s.population().agents(), s.population().personas() ? "census personas" : "no personas",
                    Arrays.toString(s.brackets().cutoffsUsd()), rates(s.startSchedule().ratesPercent(), "/"),
                    s.worker().json(), s.steps(), s.taxYearSteps(), plain(s.labour().disutilityCoefficient()),
                    delta, plain(s.labour().maxHoursPerWeek())));
        }
        b.append('\n');
    }

    /** How the policy_gradient planners were trained, read from their policies' {@code training} records. */
    private static void trainingAssumption(StringBuilder b, ReplicationPlan plan) {
        if (plan.policies().isEmpty()) {
            b.append("- `policy_gradient`: not run (replicate --pg-episodes 0).\n");
            return;
        }
        com.google.gson.JsonObject t = plan.policies().values().iterator().next().getAsJsonObject("training");
        if (t == null) {
            return;
        }
        b.append(String.format(Locale.ROOT, "- `policy_gradient`: one policy per scenario and welfare function, trained"
                + " with %s for %s episodes (batches of %s, learning rate %s, entropy bonus %s, discount %s) on the"
                + " training seeds %s, which no evaluation uses (evaluation seeds are the scenario's seed onwards, below"
                + " %d); evaluated on the evaluation seeds, playing its expected DELTA rounded to the grid and keeping"
                + " its rates from 80%% of the run.%n",
                t.get("algorithm").getAsString(), t.get("episodes"), t.get("batch"), t.get("learningRate"),
                t.get("entropyBonus"), t.has("discount") ? t.get("discount") : "1", t.get("seeds"),
                ReplicationPlan.TRAINING_SEED_BASE));
    }

    private static List<ReplicationPlan.Cell> firstCells(ReplicationPlan plan) {
        Map<String, ReplicationPlan.Cell> first = new LinkedHashMap<>();
        for (ReplicationPlan.Cell c : plan.cells()) {
            first.putIfAbsent(c.name(), c);
        }
        return new ArrayList<>(first.values());
    }

    private static void section(StringBuilder b, String title, Map<String, List<ReplicationRow>> planners) {
        b.append("## ").append(title).append("\n\n");
        List<ReplicationRow> any = planners.values().iterator().next();
        b.append("Stackelberg SWF with exactly best-responding workers: ")
                .append(interval(values(any, ReplicationRow::stackelbergRationalSwf), Bootstrap.Statistic.MEAN)).append("\n\n");
        b.append("| planner | exploit SWF, mean [95% CI] | median | SWF last 20% | idle workers | mean hours | Gini"
                + " | final rates (first seed) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, List<ReplicationRow>> p : planners.entrySet()) {
            List<ReplicationRow> rs = p.getValue();
            double[] exploit = values(rs, ReplicationRow::swfExploit);
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", p.getKey(),
                    interval(exploit, Bootstrap.Statistic.MEAN), num(Bootstrap.Statistic.MEDIAN.of(exploit)),
                    num(Bootstrap.Statistic.MEAN.of(values(rs, ReplicationRow::swfMeanLast20))),
                    f(1, Bootstrap.Statistic.MEAN.of(values(rs, ReplicationRow::idleWorkers))),
                    f(1, Bootstrap.Statistic.MEAN.of(values(rs, ReplicationRow::meanLabor))),
                    f(3, Bootstrap.Statistic.MEAN.of(values(rs, ReplicationRow::gini))),
                    rates(rs.get(0).finalRates(), "/")));
        }
        b.append("\n| paired comparison | estimate [95% CI] | seeds won |\n| --- | --- | --- |\n");
        for (String other : List.of(PlannerVariant.SAEZ, PlannerVariant.SAEZ_PAPER, PlannerVariant.SAEZ_ESTIMATED,
                PlannerVariant.US_FED, PlannerVariant.FREE_MARKET)) {
            difference(b, planners, PlannerVariant.ICRL, other);
        }
        for (String vote : List.of(PlannerVariant.DEMOCRATIC, PlannerVariant.DEMOCRATIC_PLATFORMS)) {
            difference(b, planners, vote, PlannerVariant.ICRL);
            difference(b, planners, vote, PlannerVariant.SAEZ);
        }
        difference(b, planners, PlannerVariant.POLICY_GRADIENT, PlannerVariant.ICRL);
        difference(b, planners, PlannerVariant.POLICY_GRADIENT, PlannerVariant.SAEZ);
        difference(b, planners, PlannerVariant.POLICY_GRADIENT, PlannerVariant.SAEZ_MEAN);
        difference(b, planners, PlannerVariant.SAEZ, PlannerVariant.SAEZ_MEAN);
        difference(b, planners, PlannerVariant.ICRL, PlannerVariant.SAEZ_MEAN);
        for (String planner : List.of(PlannerVariant.ICRL, PlannerVariant.DEMOCRATIC, PlannerVariant.DEMOCRATIC_PLATFORMS,
                PlannerVariant.POLICY_GRADIENT)) {
            ratio(b, planners, planner, PlannerVariant.STACKELBERG);
        }
        if (planners.containsKey(PlannerVariant.SAEZ_MEAN)) {
            ratio(b, planners, PlannerVariant.SAEZ, PlannerVariant.STACKELBERG);
            ratio(b, planners, PlannerVariant.SAEZ_MEAN, PlannerVariant.STACKELBERG);
        }
        b.append('\n');
    }

    /** Mean of {@code a - b} in exploit SWF over the seeds both ran, with its interval and who won how often. */
    private static void difference(StringBuilder out, Map<String, List<ReplicationRow>> planners, String a, String b) {
        double[][] pairs = pairs(planners, a, b);
        if (pairs == null) {
            return;
        }
        double[] d = new double[pairs[0].length];
        int won = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = pairs[0][i] - pairs[1][i];
            won += d[i] > 0 ? 1 : 0;
        }
        out.append(String.format(Locale.ROOT, "| %s - %s (exploit SWF) | %s | %d of %d |%n", a, b,
                interval(d, Bootstrap.Statistic.MEAN), won, d.length));
    }

    /** Median and mean of {@code a / b} in exploit SWF, and the seeds where it reaches {@link #NEAR_STACKELBERG}. */
    private static void ratio(StringBuilder out, Map<String, List<ReplicationRow>> planners, String a, String b) {
        double[][] pairs = pairs(planners, a, b);
        if (pairs == null) {
            return;
        }
        double[] r = new double[pairs[0].length];
        int near = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] = pairs[0][i] / pairs[1][i];
            near += r[i] >= NEAR_STACKELBERG ? 1 : 0;
        }
        out.append(String.format(Locale.ROOT, "| %s / %s (exploit SWF), median | %s | %d of %d at >= %.0f%% |%n", a, b,
                interval(r, Bootstrap.Statistic.MEDIAN), near, r.length, 100 * NEAR_STACKELBERG));
        out.append(String.format(Locale.ROOT, "| %s / %s (exploit SWF), mean | %s | |%n", a, b,
                interval(r, Bootstrap.Statistic.MEAN)));
    }

    /** Exploit SWF of planners a and b on the seeds both ran, matched by seed; null if either did not run. */
    private static double[][] pairs(Map<String, List<ReplicationRow>> planners, String a, String b) {
        List<ReplicationRow> ra = planners.get(a);
        List<ReplicationRow> rb = planners.get(b);
        if (ra == null || rb == null) {
            return null;
        }
        Map<Long, Double> bySeed = new LinkedHashMap<>();
        for (ReplicationRow r : rb) {
            bySeed.put(r.seed(), r.swfExploit());
        }
        List<double[]> both = new ArrayList<>();
        for (ReplicationRow r : ra) {
            Double other = bySeed.get(r.seed());
            if (other != null) {
                both.add(new double[] {r.swfExploit(), other});
            }
        }
        double[][] out = new double[2][both.size()];
        for (int i = 0; i < both.size(); i++) {
            out[0][i] = both.get(i)[0];
            out[1][i] = both.get(i)[1];
        }
        return out;
    }

    private static double[] values(List<ReplicationRow> rows, ToDoubleFunction<ReplicationRow> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    private static String interval(double[] x, Bootstrap.Statistic s) {
        Bootstrap.Interval i = Bootstrap.interval(x, s);
        return num(i.estimate()) + " [" + num(i.low()) + ", " + num(i.high()) + "]";
    }

    /** Four significant digits, thousands separated: readable for SWF from 0.9 to 6,000,000. */
    static String num(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        double a = Math.abs(x);
        int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : 4;
        return String.format(Locale.ROOT, "%,." + decimals + "f", x);
    }

    private static String f(int decimals, double x) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String rates(double[] r, String sep) {
        return Arrays.stream(r).mapToObj(x -> String.format(Locale.ROOT, "%.0f", x)).collect(Collectors.joining(sep));
    }
}
