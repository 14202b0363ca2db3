package org.econlab.simulation;

import java.util.List;
import java.util.Locale;

/**
 * The {@code steps.csv} format of a run record: one row per step, fixed decimals, '.' as the decimal
 * separator whatever the locale, so a replayed run gives byte-identical files.
 *
 * <p>Columns: {@code step, tax_year, rate_0..rate_{K-1}} (percent), {@code swf, mean_labor} (hours per
 * week), {@code mean_income, total_tax, rebate} (dollars per year), {@code mean_utility, gini,
 * planner_acted, intervened, leader, votes_for_leader, agents_in_bracket_0..K-1}, then the agents' extra
 * figures ({@link org.econlab.agents.StepMetrics}) by name.
 */
public final class StepCsv {

    private StepCsv() {
    }

    public static String header(int brackets, List<String> metricNames) {
        StringBuilder b = new StringBuilder("step,tax_year");
        for (int j = 0; j < brackets; j++) {
            b.append(",rate_").append(j);
        }
        b.append(",swf,mean_labor,mean_income,total_tax,rebate,mean_utility,gini,planner_acted,intervened,leader,votes_for_leader");
        for (int j = 0; j < brackets; j++) {
            b.append(",agents_in_bracket_").append(j);
        }
        for (String m : metricNames) {
            b.append(',').append(m);
        }
        return b.toString();
    }

    public static String row(StepSnapshot s) {
        StringBuilder b = new StringBuilder(160);
        b.append(s.step()).append(',').append(s.taxYear());
        for (int j = 0; j < s.bracketCount(); j++) {
            b.append(',').append(fixed(s.ratePercent(j), 2));
        }
        b.append(',').append(fixed(s.swf(), 6))
                .append(',').append(fixed(s.meanHours(), 4))
                .append(',').append(fixed(s.meanIncomeUsd(), 2))
                .append(',').append(fixed(s.totalTaxUsd(), 2))
                .append(',').append(fixed(s.rebateUsd(), 2))
                .append(',').append(fixed(s.meanUtility(), 2))
                .append(',').append(fixed(s.gini(), 6))
                .append(',').append(s.plannerActed() ? 1 : 0)
                .append(',').append(s.intervened() ? 1 : 0)
                .append(',').append(s.leader())
                .append(',').append(s.votesForLeader());
        for (int c : s.bracketCounts()) {
            b.append(',').append(c);
        }
        for (double m : s.metricValues()) {
            b.append(',').append(fixed(m, 6));
        }
        return b.toString();
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
