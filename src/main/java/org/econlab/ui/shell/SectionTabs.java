package org.econlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.econlab.ui.charts.LiveCharts;
import org.jfree.chart.JFreeChart;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The section tabs: one tab per section's view; only the charts of the tab on screen redraw as the run plays (the
 * others catch up when shown). FX thread.
 */
final class SectionTabs {

    private final TabPane pane = new TabPane();
    private final Map<Tab, List<JFreeChart>> charts = new IdentityHashMap<>();
    private final LiveCharts board;
    private Consumer<Tab> onShown = t -> { };

    SectionTabs(LiveCharts board) {
        this.board = board;
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pane.setId("watch-tabs");
        pane.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> shown(t));
    }

    /** Adds a tab showing {@code content}, whose {@code shown} charts redraw while it is selected; {@code id} may be null. */
    Tab add(String title, String id, Node content, List<JFreeChart> shown) {
        Tab t = new Tab(title, content);
        if (id != null) {
            t.setId(id);
        }
        charts.put(t, shown);
        pane.getTabs().add(t);
        return t;
    }

    /** Called with each tab when it comes on screen. */
    void onShown(Consumer<Tab> listener) {
        onShown = listener;
    }

    private void shown(Tab t) {
        board.setVisible(charts.getOrDefault(t, List.of()));
        onShown.accept(t);
    }

    void select(int i) {
        if (i >= 0 && i < pane.getTabs().size()) {
            pane.getSelectionModel().select(i);
            shown(pane.getTabs().get(i));
        }
    }

    Tab selected() {
        return pane.getSelectionModel().getSelectedItem();
    }

    TabPane root() {
        return pane;
    }
}
