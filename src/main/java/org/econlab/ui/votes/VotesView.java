package org.econlab.ui.votes;

import org.econlab.ui.run.LiveStep;
import org.econlab.ui.charts.ChartPane;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.econlab.simulation.Scenario;

import java.util.List;
import java.util.function.Function;

/**
 * The Votes tab: the leader over time as a strip (one row per leader), the last election's ballots, and the
 * election history (tax year, candidates and their ballots, winner, tie-break, the winner's platform as the rate
 * change it made). FX thread.
 */
public final class VotesView {

    private final ElectionHistory history = new ElectionHistory();
    private final ObservableList<ElectionHistory.Row> rows = FXCollections.observableArrayList();
    private final TableView<ElectionHistory.Row> table = new TableView<>(rows);
    private final Label note = new Label("No election yet: the leader and the ballots appear when a scenario has voting"
            + " (Worker and planner → Leader elected by the workers).");
    private final SplitPane root;

    public VotesView(ChartPane leader, ChartPane lastElection) {
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        table.setId("election-table");
        table.setPlaceholder(new Label("No elections yet"));
        table.getColumns().add(column("Tax year", r -> r.taxYear(), 70, "The tax year the election opened"));
        table.getColumns().add(column("Step", r -> r.step(), 60, "The step of the election"));
        table.getColumns().add(column("Ran", r -> r.candidates(), 50, "Workers who stood as candidates"));
        table.getColumns().add(column("Ballots", r -> r.ballots(), 60, "Ballots counted"));
        table.getColumns().add(column("Candidates (ballots)", ElectionHistory.Row::tally, 260,
                "Candidates with ballots, most first: agent index and ballots"));
        table.getColumns().add(column("Winner", r -> "#" + r.winner() + " (" + r.winnerVotes() + ")", 90,
                "The elected worker and its ballots"));
        table.getColumns().add(column("Tie", r -> r.tie() ? "drawn by lot" : "", 90,
                "Whether the winner was drawn at random (seeded) among candidates with as many ballots"));
        table.getColumns().add(column("Platform (Δ pp)", ElectionHistory.Row::platform, 130,
                "The winner's platform: the change of each bracket's rate it made, percentage points"));
        table.getColumns().add(column("Rates after %", ElectionHistory.Row::ratesAfter, 150,
                "The rates the election set, lowest bracket first"));
        SplitPane charts = new SplitPane(leader, lastElection);
        VBox top = new VBox(4, note, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        top.setPadding(new Insets(6, 6, 0, 6));
        VBox bottom = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        bottom.setPadding(new Insets(0, 6, 6, 6));
        root = new SplitPane(top, bottom);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.6);
    }

    private static <T> TableColumn<ElectionHistory.Row, T> column(String title, Function<ElectionHistory.Row, T> f,
                                                                   double width, String help) {
        TableColumn<ElectionHistory.Row, T> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(help));
        c.setGraphic(header);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node root() {
        return root;
    }

    public void reset(Scenario s) {
        history.clear();
        rows.clear();
        boolean voting = "democratic".equals(s.planner().kind());
        note.setVisible(!voting);
        note.setManaged(!voting);
    }

    public void append(List<LiveStep> batch) {
        for (LiveStep l : batch) {
            ElectionHistory.Row r = history.add(l.snapshot());
            if (r != null) {
                rows.add(r);
            }
        }
    }

    /** Election rows shown (tests). */
    public List<ElectionHistory.Row> rows() {
        return List.copyOf(rows);
    }
}
