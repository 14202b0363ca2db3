package org.econlab.llm;

import org.econlab.economy.TaxBrackets;
import org.econlab.economy.UtilityType;
import org.econlab.economy.WelfareFunction;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.ArrayList;
import java.util.List;

/**
 * The tax planner's history as the reference keeps it (paper-model §5.4-§5.6, §9), shared by the LLM planner, the
 * LLM electorate (whose leader reads it first, §9 step 5) and altruistic/adversarial LLM workers (§1.1 step 3).
 *
 * <p>Entry k (written at the start of step k) holds the rates line carried from step k-1's action
 * ({@code TAX: [..].}), the histograms and statistics of step k-1's incomes and utilities, the SWF of step k-1 and,
 * at the end of step k, the reflection line. Entry 0 is empty. The user prompt of entry k gives the running averages
 * of rates and SWF over the last H steps (Python's {@code [-0:]} is the whole list). Rates print as ints until the
 * first tax change (Python adds NumPy floats to them then).
 *
 * <p>Lifecycle per step k: {@link #observe(int)} (the reference's {@code add_obs_msg}), at a decision
 * {@link #beginDecision()} and {@link #applyDelta}, then {@link #act(int)} ({@code add_act_msg});
 * {@link #ensure(int)} does observe+act for a step without a decision; {@link #endOfStep} ({@code log_stats}).
 * Synchronized: workers may read {@link #state(int)} from several call threads.
 */
final class PlannerMemory {

    private final MessageHistory history;
    private final PromptStyle style;
    private final TaxBrackets brackets;
    private final WelfareFunction welfare;
    private final int windowSteps;
    private final int totalSteps;
    private final boolean cot;
    private final double[] startRates;

    private double[] rates;
    private double[] ratesPrev;
    private boolean ratesAreInts = true;
    private int totalCalls;
    private double swf;
    private double swfPrev;
    private final List<double[]> taxHistory = new ArrayList<>();
    private final List<Double> swfHistory = new ArrayList<>();
    private double[] pendingZ;
    private double[] pendingU;
    private int observed = -1;
    private int acted = -1;
    private String lastReflection;

    PlannerMemory(PromptStyle style, TaxBrackets brackets, WelfareFunction welfare, int windowSteps, int totalSteps,
                  boolean cot, double[] startRates) {
        this.style = style;
        this.brackets = brackets;
        this.welfare = welfare;
        this.windowSteps = windowSteps;
        this.totalSteps = totalSteps;
        this.cot = cot;
        this.startRates = startRates.clone();
        this.rates = startRates.clone();
        this.ratesPrev = startRates.clone();
        this.history = new MessageHistory(windowSteps, style, "planner");
    }

    synchronized double[] rates() {
        return rates.clone();
    }

    /** The rates as the reference prints them now. */
    synchronized String ratesText() {
        return style.rates(rates, ratesAreInts);
    }

    synchronized boolean ratesAreInts() {
        return ratesAreInts;
    }

    /** Counts a call to {@code act} or {@code get_state} (the reflection needs more than one). */
    synchronized void countCall() {
        totalCalls++;
    }

    /** {@code add_obs_msg(k)}: appends entry k+1; for k &gt; 0 writes step k-1's outcome into entry k. */
    synchronized void observe(int k) {
        if (observed >= k) {
            return;
        }
        observed = k;
        while (!history.has(k)) { // a memory that starts mid-run (tests) gets empty entries before
            history.add(history.size());
        }
        history.add(k + 1);
        if (k > 0 && pendingZ != null) {
            update(k, pendingZ, pendingU);
        }
    }

    /** {@code add_act_msg(k)}: the rates in force become entry k's action and the first line of entry k+1. */
    synchronized void act(int k) {
        if (acted >= k) {
            return;
        }
        acted = k;
        String line = "TAX: " + style.rates(rates, ratesAreInts) + ".\n";
        history.get(k).action = line;
        if (history.has(k + 1)) {
            history.get(k + 1).historical.append(line);
        }
    }

    /** Observe and act for a step on which nobody decides (the reference's off-cadence branch). */
    synchronized void ensure(int k) {
        observe(k);
        act(k);
    }

    /** Before a decision at k &gt; 0: the rates before it, for the reflection. */
    synchronized void beginDecision() {
        ratesPrev = rates.clone();
    }

    /** A decision at step k: rates at step 0 stay the start rates; later the deltas are added (NumPy floats). */
    synchronized void applyDelta(int k, double[] newRates) {
        if (k == 0) {
            rates = startRates.clone();
            return;
        }
        rates = newRates.clone();
        ratesAreInts = false;
    }

    /** {@code get_state(k)}: the history text without the user prompt (the leader's and altruists' "planner_state"). */
    synchronized String state(int k) {
        totalCalls++;
        ensure(k);
        return history.text(k, false);
    }

    /** The history text of step k without the user prompt, as it stands (no call counted, nothing added). */
    synchronized String historyText(int k) {
        return history.text(k, false);
    }

    /** The decision prompt of step k (history, best 5, user prompt), without the JSON prefill. */
    synchronized String prompt(int k) {
        return history.text(k, true);
    }

    /** Sets entry k's leader string (election steps, paper-model §9 step 4). */
    synchronized void updateLeader(int k, int leader, String platform) {
        if (!history.has(k)) {
            return;
        }
        history.get(k).leader = "Leader: worker_" + leader + "." + (platform == null ? ""
                : " Leader's Platform during election: " + platform + ".");
    }

    synchronized void updateLeaderAction(int k, String deltas) {
        if (history.has(k)) {
            history.get(k).leader += " Leader's action: " + deltas + ".";
        }
    }

    /**
     * {@code log_stats(k)} at the end of step k: the SWF, the reflection line, the histories of rates and SWF; and
     * the outcome that entry k+1 will show.
     *
     * @param previousSwf the SWF of step k-1 (the altruistic workers' utility at step k)
     * @param reflect     whether to write the reflection line (the planner's {@code reflection} setting)
     */
    synchronized void endOfStep(int k, Population population, WorkerState state, double stepSwf, double previousSwf,
                                boolean reflect) {
        ensure(k);
        swfPrev = swf;
        swf = stepSwf;
        lastReflection = reflect ? reflection() : null;
        if (lastReflection != null) {
            history.get(k).historical.append(lastReflection);
        }
        taxHistory.add(rates.clone());
        swfHistory.add(swf);
        int n = population.size();
        pendingZ = java.util.Arrays.copyOf(state.income(), n);
        pendingU = new double[n];
        double[] u = state.utility();
        for (int i = 0; i < n; i++) {
            UtilityType t = population.utilityType(i);
            pendingU[i] = t == UtilityType.ALTRUISTIC ? previousSwf : t == UtilityType.ADVERSARIAL ? -previousSwf : u[i];
        }
    }

    /** The reflection line written at the end of the last step, or null. */
    synchronized String lastReflection() {
        return lastReflection;
    }

    private String reflection() {
        if (totalCalls <= 1) {
            return null;
        }
        boolean changed = false;
        for (int j = 0; j < rates.length; j++) {
            changed |= rates[j] != ratesPrev[j];
        }
        if (!changed) {
            return null;
        }
        double dswf = swf - swfPrev;
        StringBuilder moves = new StringBuilder();
        StringBuilder implies = new StringBuilder();
        for (int j = 0; j < rates.length; j++) {
            double d = rates[j] - ratesPrev[j];
            if (d < 0) {
                moves.append("decreasing tax rate index ").append(j).append(" TAX[").append(j).append("], ");
            } else if (d > 0) {
                moves.append("increasing tax rate index ").append(j).append(" TAX[").append(j).append("], ");
            }
            if ((d > 0 && dswf < 0) || (d < 0 && dswf > 0)) {
                implies.append("Tax rate index ").append(j).append(" TAX[").append(j)
                        .append("] is too high and needs to be decreased below tax rate TAX[").append(j).append("]=")
                        .append(style.num(rates[j], ratesAreInts)).append(". ");
            } else if ((d > 0 && dswf > 0) || (d < 0 && dswf < 0)) {
                implies.append("Tax rate index ").append(j).append(" TAX[").append(j)
                        .append("] is too low and needs to be increased above tax rate TAX[").append(j).append("]=")
                        .append(style.num(rates[j], ratesAreInts)).append(". ");
            }
        }
        String m = moves.toString();
        String outcome = dswf > 0 ? "increased" : "decreased";
        if (style == PromptStyle.TIDY) {
            m = m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
            return (m + outcome + " social welfare SWF. This implies: " + implies).strip() + "\n";
        }
        // Python's str.capitalize(): first character upper case, every other character lower case.
        m = m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1).toLowerCase(java.util.Locale.ROOT);
        return m + outcome + " social welfare SWF. This implies: " + implies + ".\n";
    }

    /** The UPDATE block of entry k from the previous step's incomes {@code z} and utilities {@code u}. */
    private void update(int k, double[] z, double[] u) {
        MessageHistory.Entry e = history.get(k);
        StringBuilder h = e.historical;
        h.append("Pre-tax income (z) distribution:\n").append(incomeHistogram(z)).append("\n\n");
        h.append("Utility (u) distribution:\n").append(utilityHistogram(u)).append("\n\n");
        h.append("Summary statistics:\n");
        h.append("z: ").append(stats(z)).append('\n');
        h.append("u: ").append(stats(u)).append("\n\n");
        h.append("social welfare: swf = ").append(WelfarePromptText.formula(welfare)).append(" = ")
                .append(style.swf(swf)).append('\n');
        e.metric(swf);
        // user prompt of entry k
        StringBuilder p = e.userPrompt;
        p.append("Use the historical data to influence your answer in order to maximize SWF, while balancing "
                + "exploration and exploitation by choosing varying rates of TAX. ");
        double avgSwf = NumpyStats.meanOfLast(swfHistory, windowSteps);
        double[] avgTax = averageRates();
        p.append("The best marginal tax rate historically was TAX=")
                .append(style == PromptStyle.TIDY ? PaperPrompts.list(avgTax) : PyText.npIntegralArray(avgTax))
                .append(" corresponding to SWF=").append(style.swf(avgSwf)).append(". ");
        p.append("Try different rates of TAX before picking the one that corresponds to the highest SWF. ");
        p.append("\nTAX = TAX + DELTA\n");
        p.append("Choose the").append(k > 0.9 * totalSteps ? " best" : "").append(" marginal tax rate for each tax bracket \"X\".");
        if (style == PromptStyle.TIDY) {
            p.append(' ');
        }
        String xs = PaperPrompts.xs(brackets.count());
        if (cot) {
            p.append(PaperPrompts.THINK.strip()).append(" Your output MUST be a JSON like: {\"thought\":\"<step-by-step-thinking>\", \"DELTA\": ")
                    .append(xs).append('}');
        } else {
            p.append("Your output MUST be a JSON like: {\"DELTA\": ").append(xs).append('}');
        }
    }

    /** {@code np.round(np.average(tax_history[-H:], 0), -1)}: column sums row by row, as NumPy reduces axis 0. */
    private double[] averageRates() {
        int kb = brackets.count();
        int from = windowSteps == 0 ? 0 : Math.max(0, taxHistory.size() - windowSteps);
        int n = taxHistory.size() - from;
        double[] avg = new double[kb];
        for (int j = 0; j < kb; j++) {
            if (n == 0) {
                avg[j] = Double.NaN;
                continue;
            }
            double s = taxHistory.get(from)[j];
            for (int t = from + 1; t < taxHistory.size(); t++) {
                s += taxHistory.get(t)[j];
            }
            avg[j] = PaperPrompts.roundTens(s / n);
        }
        return avg;
    }

    private String incomeHistogram(double[] z) {
        double[] edges = brackets.cutoffsUsd();
        int[] counts = NumpyStats.histogram(z, edges);
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        if (max == 0) {
            max = 1;
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < counts.length; j++) {
            if (j > 0) {
                b.append('\n');
            }
            b.append('$').append(PyText.commas2(edges[j])).append("-$").append(PyText.commas2(edges[j + 1])).append(": ")
                    .append("#".repeat((int) ((double) counts[j] / max * 20))).append(" (").append(counts[j]).append(')');
        }
        return b.toString();
    }

    private static String utilityHistogram(double[] u) {
        double[] edges = NumpyStats.equalEdges(u, 10);
        int[] counts = NumpyStats.equalHistogram(u, edges);
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double width = edges[1] - edges[0];
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < counts.length; j++) {
            if (j > 0) {
                b.append('\n');
            }
            b.append(PyText.fixed2(edges[j])).append('-').append(PyText.fixed2(edges[j] + width)).append(": ")
                    .append("#".repeat(max == 0 ? 0 : (int) ((double) counts[j] / max * 20))).append(" (")
                    .append(counts[j]).append(')');
        }
        return b.toString();
    }

    private static String stats(double[] x) {
        return "mean=" + PyText.fixed2(NumpyStats.mean(x)) + ", median=" + PyText.fixed2(NumpyStats.median(x)) + ", std="
                + PyText.fixed2(NumpyStats.std(x));
    }
}
