package org.econlab.ui.charts;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;


import java.util.ArrayList;
import java.util.List;

/**
 * Makes the window's chart panes, each drawn at the board's line scale, and keeps them so a theme change refits them
 * all; lays panes out in the tabs' 2 x 2 grid. FX thread.
 */
public final class ChartPanes {

    /** What an empty chart says until the run's first step. */
    public static final String EMPTY_HINT = "Press ▶ Play (or Space) to start the run · → steps once";

    private final LiveCharts board;
    private final List<ChartPane> panes = new ArrayList<>();

    public ChartPanes(LiveCharts board) {
        this.board = board;
    }

    /** A pane for {@code chart}; {@code exportName} names its exported files, {@code details} is its caption. */
    public ChartPane pane(LiveChart chart, String exportName, String details) {
        ChartPane p = new ChartPane(chart.chart(), exportName, details, board::scale);
        if (chart.followsSteps()) { // a chart that draws a seed band is not empty while it does
            p.setEmptyHint(EMPTY_HINT, chart.band == null ? board.emptyProperty()
                    : board.emptyProperty().and(board.ensembleShownProperty().not()));
        }
        panes.add(p);
        return p;
    }

    /** Refits every pane (fonts or the window changed). */
    public void refitAll() {
        panes.forEach(ChartPane::refit);
    }

    /** Every pane made so far. */
    public List<ChartPane> all() {
        return List.copyOf(panes);
    }

    /** Four panes in a 2 x 2 grid of equal cells; with {@code d} null the third spans the bottom row. */
    public static Node grid2x2(ChartPane a, ChartPane b, ChartPane c, ChartPane d) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new Insets(4));
        ChartPane[] all = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            if (all[i] == null) {
                continue;
            }
            boolean span = i == 2 && d == null;
            g.add(all[i], i % 2, i / 2, span ? 2 : 1, 1);
        }
        for (int i = 0; i < 2; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            g.getRowConstraints().add(rc);
        }
        return g;
    }
}
