package org.econlab.ui.overview;

import org.econlab.ui.run.LiveStep;
import org.econlab.ui.widgets.Numbers;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.econlab.economy.TaxBrackets;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Monitors as in NetLogo: big read-outs of the run's current state (step and tax year, rates, SWF with its
 * name, mean hours, idle workers, revenue, rebate per worker, Gini, leader), readable from the back of a room.
 * Updated at most {@link #REFRESH_NANOS} apart so the numbers can be read while a run plays. FX thread.
 */
public final class MonitorsView {

    /** Numbers change at most this often (4 times a second). */
    public static final long REFRESH_NANOS = 250_000_000L;

    private final FlowPane root = new FlowPane(6, 6);
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Map<String, Label> titles = new LinkedHashMap<>();
    private long lastRefresh;
    private LiveStep pending;
    private Scenario scenario;
    private final Tooltip rateTip = new Tooltip();

    public MonitorsView() {
        root.setId("monitors");
        root.getStyleClass().add("monitors");
        root.setPadding(new Insets(4, 6, 2, 6));
        tile("step", "Step · tax year", "Steps played and the tax year (the planner acts at the start of each tax year)");
        tile("rates", "Rates %", "Marginal tax rate of each bracket now, lowest bracket first (percent)");
        Tooltip.install(values.get("rates").getParent(), rateTip);
        tile("swf", "SWF", "Social welfare this step, under the scenario's welfare function (named here)");
        tile("hours", "Mean hours", "Mean labour hours per week over all workers (0..100)");
        tile("idle", "Idle workers", "Workers with no pre-tax income this step (they chose 0 hours)");
        tile("revenue", "Revenue · rebate / worker", "Total tax collected this step, and the equal lump-sum rebate each"
                + " worker receives (revenue / N); dollars per year, all of the revenue is rebated");
        tile("gini", "Gini", "Inequality of pre-tax income: 0 = everybody earns the same, 1 = one worker earns everything");
        tile("leader", "Leader", "The elected worker whose platform sets the rates (voting scenarios), with the ballots it won");
    }

    private void tile(String id, String title, String help) {
        Label t = new Label(title);
        t.getStyleClass().add("monitor-title");
        Label v = new Label("–");
        v.getStyleClass().add("monitor-value");
        v.setId("monitor-" + id);
        VBox box = new VBox(0, t, v);
        box.getStyleClass().add("monitor");
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(box, tip);
        values.put(id, v);
        titles.put(id, t);
        root.getChildren().add(box);
    }

    public FlowPane root() {
        return root;
    }

    /** A new run (or none): shows dashes and the welfare function's name. */
    public void reset(Scenario s) {
        scenario = s;
        pending = null;
        values.values().forEach(l -> l.setText("–"));
        titles.get("swf").setText("SWF · " + s.swf().displayName());
        boolean voting = "democratic".equals(s.planner().kind());
        Node leader = values.get("leader").getParent();
        leader.setVisible(voting);
        leader.setManaged(voting);
        titles.get("rates").setText(voting ? "Rates % · elected" : "Rates % · " + s.planner().kind());
    }

    /** The newest step; shown now or at the next refresh. */
    public void show(LiveStep step, long now) {
        pending = step;
        if (now - lastRefresh >= REFRESH_NANOS) {
            flush(now);
        }
    }

    /** Shows the pending step (called every frame). */
    public void flush(long now) {
        if (pending == null || scenario == null) {
            return;
        }
        lastRefresh = now;
        LiveStep live = pending;
        pending = null;
        StepSnapshot s = live.snapshot();
        int n = Math.max(1, scenario.population().agents());
        set("step", String.format(Locale.ROOT, "%,d · %d", s.step() + 1, s.taxYear()));
        StringBuilder rates = new StringBuilder();
        for (int j = 0; j < s.bracketCount(); j++) {
            rates.append(j == 0 ? "" : " ").append(Numbers.percent(s.ratePercent(j)));
        }
        set("rates", rates.toString());
        set("swf", Numbers.compact(s.swf()));
        set("hours", String.format(Locale.ROOT, "%.1f h", s.meanHours()));
        set("idle", live.idleWorkers() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d of %,d", live.idleWorkers(), n));
        set("revenue", "$" + Numbers.compact(s.totalTaxUsd()) + " · $" + Numbers.compact(s.rebateUsd()));
        set("gini", String.format(Locale.ROOT, "%.3f", s.gini()));
        if (s.leader() >= 0) {
            set("leader", "#" + s.leader() + " (" + s.votesForLeader() + " votes)");
        }
        rateTip.setText(rateDetails(scenario.brackets(), s));
    }

    private static String rateDetails(TaxBrackets b, StepSnapshot s) {
        StringBuilder sb = new StringBuilder("Marginal rates now:");
        for (int j = 0; j < s.bracketCount() && j < b.count(); j++) {
            sb.append('\n').append(b.label(j)).append(": ").append(Numbers.percent(s.ratePercent(j))).append('%');
        }
        return sb.toString();
    }

    private void set(String id, String text) {
        Label l = values.get(id);
        if (!l.getText().equals(text)) {
            l.setText(text);
        }
    }

    /** The text a monitor shows (tests). */
    public String value(String id) {
        return values.get(id).getText();
    }
}
