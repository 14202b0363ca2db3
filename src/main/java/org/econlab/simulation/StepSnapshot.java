package org.econlab.simulation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one step produced, for charts, run records and summaries. Immutable: array accessors return
 * copies. Money is dollars per year, hours are hours per week, rates are percent.
 *
 * @param step              step index k, from 0
 * @param taxYear           {@code k / T}
 * @param ratesPercent      marginal rate per bracket in force this step
 * @param plannerActed      whether the planner (or an elected leader) set the rates at this step
 * @param intervened        whether a user changed the rates by hand before this step
 * @param swf               social welfare under the scenario's weighting (paper: {@code sum u_i/max(z_i,1)})
 * @param meanHours         mean labour hours per week
 * @param meanIncomeUsd     mean pre-tax income z
 * @param meanUtility       mean isoelastic utility u
 * @param totalTaxUsd       revenue R, all of it rebated
 * @param rebateUsd         equal lump-sum rebate {@code R / N}
 * @param gini              Gini of pre-tax income, 0..1
 * @param bracketCounts     workers whose income lies in each bracket
 * @param hoursHistogram    workers per 10-hour bin of the labour range ({@code [0,10), ..., [90,100]})
 * @param leader            elected leader's agent index, or -1 when nobody is elected
 * @param votesForLeader    ballots cast for the leader in the last election (0 when none)
 * @param metricNames       names of the agents' extra figures (fixed for a run; see
 *                          {@link org.econlab.agents.StepMetrics})
 * @param metricValues      their values for this step, in the same order
 * @param lastTally         ballots per candidate (agent index) in the last election held so far; empty when
 *                          there has been none
 * @param lastPlatforms     each candidate's platform (DELTA per bracket, points) in that election; empty without
 *                          platforms or elections
 */
public record StepSnapshot(int step, int taxYear, double[] ratesPercent, boolean plannerActed, boolean intervened,
                           double swf, double meanHours, double meanIncomeUsd,
                           double meanUtility, double totalTaxUsd, double rebateUsd, double gini,
                           int[] bracketCounts, int[] hoursHistogram, int leader, int votesForLeader,
                           List<String> metricNames, double[] metricValues, Map<Integer, Integer> lastTally,
                           Map<Integer, List<Double>> lastPlatforms) {

    /** Number of 10-hour bins in {@link #hoursHistogram}. */
    public static final int HOURS_BINS = 10;

    public StepSnapshot {
        ratesPercent = ratesPercent.clone();
        bracketCounts = bracketCounts.clone();
        hoursHistogram = hoursHistogram.clone();
        metricNames = List.copyOf(metricNames);
        metricValues = metricValues.clone();
        lastTally = Collections.unmodifiableMap(new TreeMap<>(lastTally));
        TreeMap<Integer, List<Double>> platforms = new TreeMap<>();
        lastPlatforms.forEach((agent, deltas) -> platforms.put(agent, List.copyOf(deltas)));
        lastPlatforms = Collections.unmodifiableMap(platforms);
        if (metricNames.size() != metricValues.length) {
            throw new IllegalArgumentException("one value per metric name");
        }
    }

    /** A snapshot of a step without election results. */
    public StepSnapshot(int step, int taxYear, double[] ratesPercent, boolean plannerActed, boolean intervened,
                        double swf, double meanHours, double meanIncomeUsd, double meanUtility, double totalTaxUsd,
                        double rebateUsd, double gini, int[] bracketCounts, int[] hoursHistogram, int leader,
                        int votesForLeader, List<String> metricNames, double[] metricValues) {
        this(step, taxYear, ratesPercent, plannerActed, intervened, swf, meanHours, meanIncomeUsd, meanUtility,
                totalTaxUsd, rebateUsd, gini, bracketCounts, hoursHistogram, leader, votesForLeader, metricNames,
                metricValues, Map.of(), Map.of());
    }

    /** A snapshot of a step with an election's tally and no platforms. */
    public StepSnapshot(int step, int taxYear, double[] ratesPercent, boolean plannerActed, boolean intervened,
                        double swf, double meanHours, double meanIncomeUsd, double meanUtility, double totalTaxUsd,
                        double rebateUsd, double gini, int[] bracketCounts, int[] hoursHistogram, int leader,
                        int votesForLeader, List<String> metricNames, double[] metricValues,
                        Map<Integer, Integer> lastTally) {
        this(step, taxYear, ratesPercent, plannerActed, intervened, swf, meanHours, meanIncomeUsd, meanUtility,
                totalTaxUsd, rebateUsd, gini, bracketCounts, hoursHistogram, leader, votesForLeader, metricNames,
                metricValues, lastTally, Map.of());
    }

    @Override
    public double[] metricValues() {
        return metricValues.clone();
    }

    /** Value of the extra figure {@code name}, or NaN when this run does not report it. */
    public double metric(String name) {
        int i = metricNames.indexOf(name);
        return i < 0 ? Double.NaN : metricValues[i];
    }

    @Override
    public double[] ratesPercent() {
        return ratesPercent.clone();
    }

    /** Rate of bracket {@code j}, percent, without copying. */
    public double ratePercent(int j) {
        return ratesPercent[j];
    }

    public int bracketCount() {
        return ratesPercent.length;
    }

    @Override
    public int[] bracketCounts() {
        return bracketCounts.clone();
    }

    @Override
    public int[] hoursHistogram() {
        return hoursHistogram.clone();
    }
}
