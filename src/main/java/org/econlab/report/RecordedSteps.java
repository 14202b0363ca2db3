package org.econlab.report;

import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a saved run record back into the step snapshots a live run produces, so a past run can be shown
 * in the same charts. What {@code steps.csv} does not keep (the hours histogram) is left empty; columns
 * beyond the economy's own become the snapshot's extra metrics.
 */
public final class RecordedSteps {

    private static final Set<String> CORE = Set.of("step", "tax_year", "swf", "mean_labor", "mean_income",
            "total_tax", "rebate", "mean_utility", "gini", "planner_acted", "intervened", "leader", "votes_for_leader");

    private RecordedSteps() {
    }

    public static List<StepSnapshot> of(RunData run) {
        int k = run.bracketCount();
        List<String> metricNames = new ArrayList<>();
        for (String c : run.columnNames()) {
            if (!CORE.contains(c) && !c.startsWith("rate_") && !c.startsWith("agents_in_bracket_")) {
                metricNames.add(c);
            }
        }
        double[][] rates = new double[k][];
        double[][] counts = new double[k][];
        for (int j = 0; j < k; j++) {
            rates[j] = run.column("rate_" + j);
            counts[j] = run.has("agents_in_bracket_" + j) ? run.column("agents_in_bracket_" + j) : new double[run.rows()];
        }
        double[][] metrics = new double[metricNames.size()][];
        for (int m = 0; m < metrics.length; m++) {
            metrics[m] = run.column(metricNames.get(m));
        }
        double[] step = run.column("step");
        double[] year = column(run, "tax_year");
        double[] swf = column(run, "swf");
        double[] hours = column(run, "mean_labor");
        double[] income = column(run, "mean_income");
        double[] utility = column(run, "mean_utility");
        double[] tax = column(run, "total_tax");
        double[] rebate = column(run, "rebate");
        double[] gini = column(run, "gini");
        double[] acted = column(run, "planner_acted");
        double[] intervened = column(run, "intervened");
        double[] leader = run.has("leader") ? run.column("leader") : filled(run.rows(), -1);
        double[] votes = column(run, "votes_for_leader");
        List<StepSnapshot> out = new ArrayList<>(run.rows());
        for (int i = 0; i < run.rows(); i++) {
            double[] r = new double[k];
            int[] c = new int[k];
            for (int j = 0; j < k; j++) {
                r[j] = rates[j][i];
                c[j] = (int) counts[j][i];
            }
            double[] mv = new double[metrics.length];
            for (int m = 0; m < mv.length; m++) {
                mv[m] = metrics[m][i];
            }
            out.add(new StepSnapshot((int) step[i], (int) year[i], r, acted[i] != 0, intervened[i] != 0, swf[i],
                    hours[i], income[i], utility[i], tax[i], rebate[i], gini[i], c,
                    new int[StepSnapshot.HOURS_BINS], (int) leader[i], (int) votes[i], metricNames, mv));
        }
        return out;
    }

    private static double[] column(RunData run, String name) {
        return run.has(name) ? run.column(name) : new double[run.rows()];
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
