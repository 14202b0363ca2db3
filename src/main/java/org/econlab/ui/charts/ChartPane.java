package org.econlab.ui.charts;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.econlab.report.ChartStyle;
import org.econlab.ui.charts.ChartExport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * One chart of the window: the JFreeChart viewer, an optional header row above it, a "Reset view" button
 * that appears once the chart has been zoomed, and a guard that lets the mouse wheel zoom only with Ctrl
 * (or Cmd) held, so scrolling past a chart never changes it. After every draw it checks the plot area: when
 * the decorations take more than half of the chart's height it trades them for plot area
 * ({@link ChartLook#fit}); when the chart grows again they come back. Right-click exports the chart in the
 * publication style with exactly the colours on screen. FX thread.
 */
public final class ChartPane extends VBox {

    /** The plot area must keep at least this share of the chart's height (a little above one half). */
    public static final double MIN_PLOT_SHARE = 0.55;

    private final ChartViewer viewer;
    private final String exportName;
    private final DoubleSupplier lineScale;
    private final Button resetView = new Button("Reset view");
    private final javafx.scene.control.Label emptyHint = new javafx.scene.control.Label();
    private final Map<String, Range> fixedHome = new LinkedHashMap<>();
    private int level;
    private double levelHeight;
    private boolean fitQueued;

    /** Shows {@code hint} over the chart while {@code empty} holds (before a run has data). */
    public void setEmptyHint(String hint, javafx.beans.value.ObservableBooleanValue empty) {
        emptyHint.setText(hint);
        emptyHint.visibleProperty().bind(empty);
    }

    /** Whether the empty chart's hint is on screen (tests). */
    public boolean emptyHintShown() {
        return emptyHint.isVisible();
    }

    public ChartPane(JFreeChart chart, String exportName, String details, DoubleSupplier lineScale) {
        this.viewer = new ChartViewer(chart);
        this.exportName = exportName;
        this.lineScale = lineScale;
        viewer.setId(exportName.replace('_', '-') + "-chart");
        viewer.setMinSize(120, 90);
        ChartExport.install(viewer, exportName, this::exportCopy);
        if (details != null && !details.isBlank()) {
            Tooltip tip = new Tooltip(details);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(viewer, tip);
        }
        resetView.getStyleClass().add("reset-view");
        resetView.setId(viewer.getId() + "-reset-view");
        resetView.setTooltip(new Tooltip("Back to the whole run (the view was zoomed with Ctrl + wheel or a drag)"));
        resetView.setVisible(false);
        resetView.setOnAction(e -> resetView());
        emptyHint.getStyleClass().add("chart-empty-hint");
        emptyHint.setId(viewer.getId() + "-empty-hint");
        emptyHint.setMouseTransparent(true);
        emptyHint.setWrapText(true);
        emptyHint.setVisible(false);
        StackPane stack = new StackPane(viewer, emptyHint, resetView);
        StackPane.setAlignment(resetView, Pos.TOP_RIGHT);
        StackPane.setMargin(resetView, new Insets(2, 4, 0, 0));
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().add(stack);
        setMinSize(120, 90);

        var canvas = viewer.getCanvas();
        var zoom = canvas.getOnScroll();
        canvas.setOnScroll(e -> {
            if (zooms(e) && zoom != null) {
                zoom.handle(e);
                e.consume();
            }
        });
        rememberHome();
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED && !fitQueued) {
                fitQueued = true;
                Platform.runLater(this::checkFit);
            }
        });
        chart.addChangeListener(e -> {
            boolean z = zoomed();
            if (resetView.isVisible() != z) {
                resetView.setVisible(z);
            }
        });
    }

    /** Whether a wheel event zooms: only with Ctrl (or the platform's shortcut key) held. */
    public static boolean zooms(ScrollEvent e) {
        return e.isControlDown() || e.isShortcutDown();
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public JFreeChart chart() {
        return viewer.getChart();
    }

    /** Puts {@code header} (a one-line note, view switches) above the chart. */
    public void setHeader(Node header) {
        if (getChildren().size() > 1) {
            getChildren().remove(0);
        }
        getChildren().add(0, header);
    }

    /** The exported figure: the chart with every decoration, publication fonts, the screen's colours. */
    public JFreeChart exportCopy() {
        JFreeChart original = viewer.getChart();
        try {
            JFreeChart copy = (JFreeChart) original.clone();
            ChartLook.restoreDecorations(original, copy);
            return ChartStyle.publish(copy, (float) lineScale.getAsDouble());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("chart cannot be copied for export", e);
        }
    }

    /** The plot (data) area's share of the chart's height at the last draw, or NaN before the first draw. */
    public double plotShare() {
        var info = viewer.getCanvas().getRenderingInfo();
        double h = viewer.getCanvas().getHeight();
        if (info == null || info.getPlotInfo() == null || h <= 0) {
            return Double.NaN;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return area == null ? Double.NaN : area.getHeight() / h;
    }

    public int fitLevel() {
        return level;
    }

    /** Shows every decoration again and re-checks at the next draw (theme or presentation mode changed). */
    public void refit() {
        level = 0;
        levelHeight = 0;
        ChartLook.fit(chart(), 0);
    }

    private void checkFit() {
        fitQueued = false;
        double h = viewer.getCanvas().getHeight();
        if (h <= 0) {
            return;
        }
        if (level > 0 && h > levelHeight * 1.2) {
            refit(); // grew: try the full look again
            return;
        }
        double share = plotShare();
        if (share < MIN_PLOT_SHARE && level < ChartLook.MAX_LEVEL) {
            level++;
            levelHeight = h;
            ChartLook.fit(chart(), level);
        }
    }

    /** The value axes by position ("d0", "r0", "r1"…); replaced axes count as new. */
    private Map<String, ValueAxis> axes() {
        Map<String, ValueAxis> out = new LinkedHashMap<>();
        if (chart().getPlot() instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                out.put("d" + i, xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                out.put("r" + i, xy.getRangeAxis(i));
            }
        } else if (chart().getPlot() instanceof CategoryPlot cp) {
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                out.put("r" + i, cp.getRangeAxis(i));
            }
        }
        out.values().removeIf(a -> a == null);
        return out;
    }

    /** Remembers the home of each value axis: auto-ranged, or its fixed range (e.g. rates 0..100). */
    public void rememberHome() {
        fixedHome.clear();
        axes().forEach((k, v) -> {
            if (!v.isAutoRange()) {
                fixedHome.put(k, v.getRange());
            }
        });
    }

    /** Whether the view differs from home (an axis was zoomed or panned). */
    public boolean zoomed() {
        for (Map.Entry<String, ValueAxis> e : axes().entrySet()) {
            Range home = fixedHome.get(e.getKey());
            ValueAxis v = e.getValue();
            if (home == null ? !v.isAutoRange() : !v.getRange().equals(home)) {
                return true;
            }
        }
        return false;
    }

    /** Back to the whole run: auto-ranged axes auto-range again, fixed ones get their range back. */
    public void resetView() {
        axes().forEach((k, v) -> {
            Range home = fixedHome.get(k);
            if (home == null) {
                v.setAutoRange(true);
            } else {
                v.setRange(home);
            }
        });
        resetView.setVisible(false);
    }

    public String exportName() {
        return exportName;
    }
}
