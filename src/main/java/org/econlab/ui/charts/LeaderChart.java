package org.econlab.ui.charts;

import org.econlab.report.ChartStyle;
import org.econlab.report.LeaderStrip;
import org.econlab.report.PersonaWords;
import org.econlab.simulation.Scenario;
import org.econlab.ui.run.LiveStep;
import org.econlab.ui.run.SeedEnsemble;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The elected leader over time as a strip: one row per worker ever elected, named by its number and persona
 * ("#78 Management, F 35-44"), and a bar for each tenure; a bar's tooltip gives the whole persona and the steps.
 * FX thread.
 */
public final class LeaderChart extends LiveChart {

    private final XYIntervalSeriesCollection data;
    private final List<int[]> tenures = new ArrayList<>(); // {leader, first step, last step}
    private final List<Integer> leadersSeen = new ArrayList<>();
    private int leaderSteps;
    private IntFunction<String> personaOf = i -> "";

    LeaderChart() {
        this(new XYIntervalSeriesCollection());
    }

    private LeaderChart(XYIntervalSeriesCollection data) {
        super(strip(data), true, false);
        this.data = data;
    }

    private static JFreeChart strip(XYIntervalSeriesCollection data) {
        JFreeChart c = ChartFactory.createXYLineChart("Elected leader", "Step", "Leader", data,
                PlotOrientation.VERTICAL, false, true, false);
        XYBarRenderer strip = LeaderStrip.renderer();
        strip.setSeriesPaint(0, ChartStyle.color(2));
        c.getXYPlot().setRenderer(strip);
        c.getXYPlot().setRangeAxis(new SymbolAxis("Leader", new String[0]));
        c.setNotify(false);
        return c;
    }

    /**
     * Names each leader's row by its persona: {@code personaOf} gives a worker's persona in a few words
     * ("Management occupations, Female, 35-44", or "" when there is none) for the run being drawn. FX thread.
     */
    public void nameRowsBy(IntFunction<String> personaOf) {
        this.personaOf = personaOf;
        ((XYBarRenderer) chart.getXYPlot().getRenderer()).setDefaultToolTipGenerator((dataset, series, item) -> {
            int[] t = tenures.get(item);
            return PersonaWords.inFull(t[0], personaOf.apply(t[0])) + ": leader from step " + t[1] + " to " + t[2];
        });
    }

    /** The row label of worker {@code leader}: its number and a short form of its persona. */
    String rowName(int leader) {
        return PersonaWords.named(leader, personaOf.apply(leader));
    }

    @Override
    void reset(Scenario scenario, SeedEnsemble.Result ensembleKept) {
        leaderSteps = 0;
        tenures.clear();
        leadersSeen.clear();
        data.removeAllSeries();
        ChartParts.replaceRangeAxis(chart, new SymbolAxis(null, new String[0]));
    }

    @Override
    void append(List<LiveStep> batch) {
        for (LiveStep live : batch) {
            int leader = live.snapshot().leader();
            if (leader >= 0) {
                leaderSteps++;
                tenure(leader, live.snapshot().step());
            }
        }
        if (!tenures.isEmpty()) {
            draw();
        }
    }

    private void tenure(int leader, int k) {
        int[] last = tenures.isEmpty() ? null : tenures.get(tenures.size() - 1);
        if (last != null && last[0] == leader && last[2] >= k - 1) {
            last[2] = k;
        } else {
            tenures.add(new int[] {leader, k, k});
            if (!leadersSeen.contains(leader)) {
                leadersSeen.add(leader);
                String[] names = leadersSeen.stream().map(this::rowName).toArray(String[]::new);
                ChartParts.replaceRangeAxis(chart, new SymbolAxis(null, names));
            }
        }
    }

    /** One bar per tenure on the leader's own row (no comb of vertical lines). */
    private void draw() {
        XYIntervalSeries s = new XYIntervalSeries("Leader");
        for (int[] t : tenures) {
            LeaderStrip.addTenure(s, t[1], t[2], leadersSeen.indexOf(t[0]));
        }
        data.removeAllSeries();
        data.addSeries(s);
    }

    /** Steps that had an elected leader. */
    public int leaderStepCount() {
        return leaderSteps;
    }
}
