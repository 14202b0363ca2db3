package org.econlab.ui.overview;

import org.econlab.ui.run.LiveStep;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.econlab.simulation.Scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Monitors as in NetLogo: big read-outs of the run's current state (step and tax year, rates, SWF with its
 * name, mean hours, idle workers, revenue, rebate per worker, Gini, leader), readable from the back of a room.
 * Updated at most {@link #REFRESH_NANOS} apart so the numbers can be read while a run plays. FX thread.
 */
public final class MonitorsView {

    private final MonitorsViewModel model;
    private final FlowPane root = new FlowPane(6, 6);
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Map<String, Label> titles = new LinkedHashMap<>();
    private final Tooltip rateTip = new Tooltip();
    private final Tooltip leaderTip = new Tooltip();

    public MonitorsView(MonitorsViewModel model) {
        this.model = model;
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
        leaderTip.setWrapText(true);
        Tooltip.install(values.get("leader"), leaderTip);
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
        model.reset(s);
        values.values().forEach(l -> l.setText("–"));
        titles.get("swf").setText(model.swfTitle());
        Node leader = values.get("leader").getParent();
        leader.setVisible(model.voting());
        leader.setManaged(model.voting());
        titles.get("rates").setText(model.ratesTitle());
    }

    /** The newest step; shown now or at the next refresh. */
    public void show(LiveStep step, long now) {
        if (model.offer(step, now)) {
            flush(now);
        }
    }

    /** Shows the pending step (called every frame). */
    public void flush(long now) {
        Map<String, String> v = model.flush(now);
        if (v == null) {
            return;
        }
        v.forEach((id, text) -> {
            if (values.containsKey(id)) {
                set(id, text);
            }
        });
        rateTip.setText(v.get("rates-detail"));
        if (v.containsKey("leader-detail")) {
            leaderTip.setText(v.get("leader-detail"));
        }
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
