package org.econlab.ui.charts;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ballots per candidate in the last election: the leader first, then by ballots, the rest as "Others". FX thread. */
public final class VotesChart extends LiveChart {

    /** Most candidates shown as their own bar; the rest are summed. */
    static final int MAX_CANDIDATE_BARS = 8;

    private final DefaultCategoryDataset votes;

    VotesChart() {
        this(new DefaultCategoryDataset());
    }

    private VotesChart(DefaultCategoryDataset votes) {
        super(ChartParts.bars("Last election", "Candidate (agent index)", "Ballots", votes), true, false);
        this.votes = votes;
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        votes.clear();
    }

    @Override
    void append(List<LiveStep> batch) {
        StepSnapshot last = batch.get(batch.size() - 1).snapshot();
        if (!last.lastTally().isEmpty()) {
            showTally(last.leader(), last.lastTally());
        } else if (last.leader() >= 0) {
            int[] counts = last.bracketCounts();
            int total = counts.length == 0 ? 0 : java.util.Arrays.stream(counts).sum();
            String bar = "Leader #" + last.leader();
            if (votes.getColumnCount() != 2 || !votes.getColumnKey(0).equals(bar)) {
                votes.clear(); // a new leader: drop the previous leader's bar
            }
            votes.setValue(last.votesForLeader(), "Ballots", bar);
            votes.setValue(Math.max(0, total - last.votesForLeader()), "Ballots", "Others");
        }
    }

    private void showTally(int leaderAgent, Map<Integer, Integer> tally) {
        List<Map.Entry<Integer, Integer>> byVotes = new ArrayList<>(tally.entrySet());
        byVotes.sort((a, b) -> a.getKey() == leaderAgent ? -1 : b.getKey() == leaderAgent ? 1
                : b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey() - b.getKey());
        votes.clear();
        int others = 0;
        for (int i = 0; i < byVotes.size(); i++) {
            Map.Entry<Integer, Integer> e = byVotes.get(i);
            if (i < MAX_CANDIDATE_BARS) {
                String label = (e.getKey() == leaderAgent ? "Leader #" : "#") + e.getKey();
                votes.setValue(e.getValue(), "Ballots", label);
            } else {
                others += e.getValue();
            }
        }
        if (others > 0) {
            votes.setValue(others, "Ballots", "Others");
        }
    }

    /** Bars drawn now. */
    public int barCount() {
        return votes.getColumnCount();
    }
}
