package org.econlab.ui.charts;

import org.econlab.report.PersonaWords;
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
import java.util.function.IntFunction;

/**
 * Ballots per candidate in the last election: the leader first, then by ballots, the rest as "Others"; each bar is
 * labelled with its worker's number, its tooltip gives the worker's persona ("#78 · Production occupations, Female,
 * 59: 25 ballots"; the leader strip names the personas on its rows). FX thread.
 */
public final class VotesChart extends LiveChart {

    /** Most candidates shown as their own bar; the rest are summed. */
    static final int MAX_CANDIDATE_BARS = 8;

    private final DefaultCategoryDataset votes;
    private IntFunction<String> personaOf = i -> "";

    VotesChart() {
        this(new DefaultCategoryDataset());
    }

    private VotesChart(DefaultCategoryDataset votes) {
        super(ChartParts.bars("Last election", "Candidate (worker number)", "Ballots", votes), true, false);
        this.votes = votes;
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
        plot.getRenderer().setDefaultToolTipGenerator((data, row, column) -> {
            String key = String.valueOf(data.getColumnKey(column));
            Number ballots = data.getValue(row, column);
            String worker = key.startsWith("#") || key.startsWith("Leader #") ? whoIs(key) : key;
            return worker + ": " + (ballots == null ? 0 : ballots.intValue()) + " ballots";
        });
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    /** Names each candidate by its persona: {@code personaOf} as for {@link LeaderChart#nameRowsBy}. FX thread. */
    public void nameCandidatesBy(IntFunction<String> personaOf) {
        this.personaOf = personaOf;
    }

    private static String candidate(int worker, boolean leader) {
        return (leader ? "Leader #" : "#") + worker;
    }

    /** "Leader #76" or "#76" with the worker's whole persona. */
    private String whoIs(String bar) {
        int worker = Integer.parseInt(bar.substring(bar.indexOf('#') + 1));
        return (bar.startsWith("Leader") ? "Leader " : "") + PersonaWords.inFull(worker, personaOf.apply(worker));
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
            String bar = candidate(last.leader(), true);
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
                String label = candidate(e.getKey(), e.getKey() == leaderAgent);
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
