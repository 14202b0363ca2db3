package org.econlab.ui.votes;

import org.econlab.ui.charts.ChartPane;

import javafx.beans.property.ReadOnlyObjectWrapper;
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

import java.util.List;
import java.util.function.Function;

/**
 * The Votes tab: the leader over time as a strip (one row per leader), the last election's ballots, and the
 * election history, newest first (tax year, candidates and their ballots, the winner with its persona, tie-break,
 * the winner's platform or the rate change it made). Builds and binds controls; the state is
 * {@link VotesViewModel}'s. FX thread.
 */
public final class VotesView {

    private final VotesViewModel model;
    private final TableView<VotesViewModel.Election> table;
    private final Label note = new Label("No election yet: the leader and the ballots appear when a scenario has voting"
            + " (Worker and planner → Leader elected by the workers).");
    private final SplitPane root;
    /** Columns a projector can do without (presentation mode hides them so the rest read in large type). */
    private final List<TableColumn<VotesViewModel.Election, ?>> detailColumns;

    public VotesView(VotesViewModel model, ChartPane leader, ChartPane lastElection) {
        this.model = model;
        table = new TableView<>(model.elections());
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.visibleProperty().bind(model.votingProperty().not());
        note.managedProperty().bind(note.visibleProperty());
        table.setId("election-table");
        table.setPlaceholder(new Label("No elections yet"));
        table.getColumns().add(column("Tax year", r -> r.taxYear(), 70, "The tax year the election opened"));
        table.getColumns().add(column("Step", r -> r.step(), 60, "The step of the election"));
        TableColumn<VotesViewModel.Election, Integer> ran = column("Ran", r -> r.candidates(), 50,
                "Workers who stood as candidates");
        TableColumn<VotesViewModel.Election, Integer> ballots = column("Ballots", r -> r.ballots(), 60, "Ballots counted");
        table.getColumns().add(ran);
        table.getColumns().add(ballots);
        table.getColumns().add(column("Candidates (ballots)", ElectionHistory.Row::tally, 200,
                "Candidates with ballots, most first: worker number and ballots"));
        TableColumn<VotesViewModel.Election, String> winner = new TableColumn<>();
        Label winnerHeader = new Label("Winner");
        winnerHeader.setTooltip(new Tooltip("The elected worker, its persona and its ballots"));
        winner.setGraphic(winnerHeader);
        winner.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().winner()));
        winner.setCellFactory(c -> new javafx.scene.control.TableCell<>() { // the whole persona on hover
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                VotesViewModel.Election e = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(e == null ? null : new Tooltip(e.winnerInFull()));
            }
        });
        winner.setPrefWidth(275);
        table.getColumns().add(winner);
        TableColumn<VotesViewModel.Election, String> tie = column("Tie", r -> r.tie() ? "drawn by lot" : "", 85,
                "Whether the winner was drawn at random (seeded) among candidates with as many ballots");
        table.getColumns().add(tie);
        detailColumns = List.of(ran, ballots, tie);
        TableColumn<VotesViewModel.Election, String> platform = column("", ElectionHistory.Row::platform, 130,
                "The winner's platform as promised, or, when candidates promise none, the change of each bracket's rate"
                        + " its election made, percentage points");
        platform.setId("election-platform-column");
        ((Label) platform.getGraphic()).textProperty().bind(model.platformTitleProperty());
        table.getColumns().add(platform);
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

    private static <T> TableColumn<VotesViewModel.Election, T> column(String title, Function<ElectionHistory.Row, T> f,
                                                                       double width, String help) {
        TableColumn<VotesViewModel.Election, T> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(help));
        c.setGraphic(header);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue().row())));
        c.setPrefWidth(width);
        return c;
    }

    public Node root() {
        return root;
    }

    /**
     * Presentation mode: hides the candidates, ballots and tie columns and spreads the others over the table's width, so
     * they read in large type. FX thread.
     */
    public void setPresentation(boolean on) {
        detailColumns.forEach(c -> c.setVisible(!on));
        table.setColumnResizePolicy(on ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                : TableView.UNCONSTRAINED_RESIZE_POLICY); // the room they leave goes to the others
    }

    /** Whether the table shows its detail columns (tests). */
    public boolean showsDetailColumns() {
        return detailColumns.stream().allMatch(TableColumn::isVisible);
    }

    /** Election rows in the order they were held (tests). */
    public List<ElectionHistory.Row> rows() {
        return model.chronological();
    }

    /** The table (tests). */
    public TableView<VotesViewModel.Election> table() {
        return table;
    }
}
