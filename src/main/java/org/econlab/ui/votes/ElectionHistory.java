package org.econlab.ui.votes;

import org.econlab.ui.widgets.Numbers;

import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The elections of a run, one row per election, built from the step snapshots: the step at which the
 * (democratic) planner acted and a leader was in office. Platforms of losing candidates are not in the
 * snapshots; the winner's platform is the change of rates its election brought (after the leader rule's
 * reflection at 0 and 100). Pure; FX thread in practice.
 */
public final class ElectionHistory {

    /**
     * One election.
     *
     * @param taxYear    tax year that the election opened
     * @param step       step of the election
     * @param candidates how many workers ran (the planner's {@code candidates} figure, else the candidates with ballots)
     * @param ballots    ballots counted
     * @param tally      the candidates with ballots, most first, each with its platform when there are platforms:
     *                   "#12 31 (+10 0 −10) · #4 25 (0 0 +20) · …"
     * @param winner     elected worker
     * @param winnerVotes ballots for the winner
     * @param tie        whether the winner was drawn by lot among candidates with as many ballots
     * @param platform   the winner's platform when there are platforms, else its change of rates, points per bracket
     *                   (e.g. "+10 0 −20")
     * @param ratesAfter the rates the election set, percent per bracket
     * @param promised   whether {@code platform} is what the winner promised (else the change of rates it made)
     */
    public record Row(int taxYear, int step, int candidates, int ballots, String tally, int winner, int winnerVotes,
               boolean tie, String platform, String ratesAfter, boolean promised) {
    }

    /** Candidates listed by name in {@link Row#tally}; the rest are counted. */
    public static final int LISTED = 6;

    private final List<Row> rows = new ArrayList<>();
    private double[] previousRates;

    public void clear() {
        rows.clear();
        previousRates = null;
    }

    /** Reads one step; returns the new row when this step held an election, else null. */
    public Row add(StepSnapshot s) {
        Row row = null;
        if (s.plannerActed() && s.leader() >= 0) {
            Map<Integer, Integer> tally = s.lastTally();
            List<Map.Entry<Integer, Integer>> byVotes = new ArrayList<>(tally.entrySet());
            byVotes.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey() - b.getKey() : b.getValue() - a.getValue());
            int ballots = 0;
            for (int v : tally.values()) {
                ballots += v;
            }
            StringBuilder t = new StringBuilder();
            Map<Integer, List<Double>> platforms = s.lastPlatforms();
            for (int i = 0; i < byVotes.size() && i < LISTED; i++) {
                int candidate = byVotes.get(i).getKey();
                t.append(i == 0 ? "" : " · ").append('#').append(candidate).append(' ').append(byVotes.get(i).getValue());
                List<Double> offered = platforms.get(candidate);
                if (offered != null) {
                    t.append(" (").append(deltas(offered)).append(')');
                }
            }
            if (byVotes.size() > LISTED) {
                t.append(" · ").append(byVotes.size() - LISTED).append(" more");
            }
            int top = byVotes.isEmpty() ? 0 : byVotes.get(0).getValue();
            long atTop = byVotes.stream().filter(e -> e.getValue() == top).count();
            double candidatesMetric = s.metric("candidates");
            int candidates = Double.isNaN(candidatesMetric) ? tally.size() : (int) candidatesMetric;
            double[] rates = s.ratesPercent();
            List<Double> change = new ArrayList<>();
            StringBuilder after = new StringBuilder();
            for (int j = 0; j < rates.length; j++) {
                if (previousRates != null && j < previousRates.length) {
                    change.add(rates[j] - previousRates[j]);
                }
                after.append(j == 0 ? "" : " ").append(Numbers.percent(rates[j]));
            }
            List<Double> promised = platforms.get(s.leader());
            String platform = promised != null ? deltas(promised) : previousRates == null ? "(start rates)" : deltas(change);
            row = new Row(s.taxYear(), s.step(), candidates, ballots, t.toString(), s.leader(), s.votesForLeader(),
                    atTop > 1, platform, after.toString(), promised != null);
            rows.add(row);
        }
        previousRates = s.ratesPercent();
        return row;
    }

    /** A platform as signed points per bracket, e.g. "+10 0 −20". */
    public static String deltas(List<Double> deltas) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < deltas.size(); j++) {
            double d = Math.round(deltas.get(j));
            b.append(j == 0 ? "" : " ").append(d > 0 ? "+" : d < 0 ? "−" : "")
                    .append(String.format(Locale.ROOT, "%.0f", Math.abs(d)));
        }
        return b.toString();
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }
}
