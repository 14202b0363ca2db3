package org.econlab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code votes} figure of saved runs: who led when, as the window's leader strip draws it. One row per worker ever
 * elected, named by its number and persona ("#78 Production, F 59"), a bar per tenure (a colour per run when runs are
 * overlaid). Its CSV lists the tenures: leader, persona, first and last step, and the ballots the leader had when its
 * tenure began. Pure: no JavaFX; safe on any thread.
 */
public final class LeaderStrip {

    /** Half the height of a tenure's bar, in rows. */
    static final double HALF_BAR = 0.35;

    /** One stretch of steps with the same leader in run {@code run}. */
    record Tenure(int run, int leader, int fromStep, int toStep, int ballots) {
    }

    private LeaderStrip() {
    }

    /** The strip's renderer: one bar per tenure from its y interval, flat, no shadow or outline (screen and export). */
    public static XYBarRenderer renderer() {
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        return bars;
    }

    /** Adds the bar of a tenure from step {@code from} to {@code to} (inclusive) on row {@code row}. */
    public static void addTenure(XYIntervalSeries s, int from, int to, int row) {
        s.add((from + to + 1) / 2.0, from, to + 1, row, row - HALF_BAR, row + HALF_BAR);
    }

    /** Contiguous stretches of one leader in {@code r}; steps without a leader (index -1) end a tenure. */
    static List<Tenure> tenures(int run, RunData r) {
        double[] step = r.column("step");
        double[] leader = r.column("leader");
        double[] ballots = r.has("votes_for_leader") ? r.column("votes_for_leader") : new double[step.length];
        List<Tenure> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= step.length; i++) {
            boolean same = i < step.length && start >= 0 && leader[i] == leader[start];
            if (same) {
                continue;
            }
            if (start >= 0 && leader[start] >= 0) {
                out.add(new Tenure(run, (int) leader[start], (int) step[start], (int) step[i - 1], (int) ballots[start]));
            }
            start = i;
        }
        return out;
    }

    static Figure figure(String name, List<RunData> runs) {
        List<Tenure> all = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (RunCharts.hasElection(runs.get(i))) {
                all.addAll(tenures(i, runs.get(i)));
            }
        }
        List<String> rowKeys = new ArrayList<>(); // "run/worker", in the order first elected
        List<String> rowNames = new ArrayList<>();
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        List<List<String>> csv = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunData r = runs.get(i);
            XYIntervalSeries s = new XYIntervalSeries(runs.size() == 1 ? "Leader" : r.shortLabel());
            for (Tenure t : all) {
                if (t.run() != i) {
                    continue;
                }
                String persona = r.leaderPersona(t.leader());
                String key = i + "/" + t.leader();
                if (!rowKeys.contains(key)) {
                    rowKeys.add(key);
                    rowNames.add(PersonaWords.named(t.leader(), persona) + (runs.size() == 1 ? "" : " (" + r.shortLabel() + ")"));
                }
                addTenure(s, t.fromStep(), t.toStep(), rowKeys.indexOf(key));
                List<String> line = new ArrayList<>();
                if (runs.size() > 1) {
                    line.add(r.shortLabel());
                }
                line.addAll(List.of(String.valueOf(t.leader()), persona, String.valueOf(t.fromStep()),
                        String.valueOf(t.toStep()), String.valueOf(t.ballots())));
                csv.add(line);
            }
            data.addSeries(s);
        }
        XYBarRenderer bars = renderer();
        XYPlot plot = new XYPlot(data, new NumberAxis("Step"), new SymbolAxis("Leader", rowNames.toArray(String[]::new)),
                bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart("Elected leaders", JFreeChart.DEFAULT_TITLE_FONT, plot, runs.size() > 1);
        ChartStyle.apply(chart);
        for (int i = 0; i < runs.size(); i++) {
            bars.setSeriesPaint(i, ChartStyle.colour(runs.size() == 1 ? 2 : i));
        }
        ((SymbolAxis) plot.getRangeAxis()).setGridBandsVisible(false);
        List<String> header = new ArrayList<>();
        if (runs.size() > 1) {
            header.add("run");
        }
        header.addAll(List.of("leader", "persona", "from step", "to step", "ballots when elected"));
        return new Figure(name, chart, header, csv);
    }
}
