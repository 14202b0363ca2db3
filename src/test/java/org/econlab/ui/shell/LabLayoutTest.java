package org.econlab.ui.shell;

import org.econlab.ui.LabWindowFixture;
import org.econlab.ui.charts.ChartPane;
import org.econlab.ui.editor.ScenarioDraft;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.LabApp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.econlab.report.ChartStyle;
import org.econlab.report.ExportFormat;
import org.econlab.report.FigureSize;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.ui.charts.ChartExport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window as a projector shows it (issue 10): at 1024 x 768 and 1280 x 800, in normal and presentation mode,
 * light and dark, every chart keeps at least half of its height for the plot and no toolbar label is cut to an
 * ellipsis; an exported chart draws its lines in its legend's colours; the mouse wheel alone never zooms.
 */
@ExtendWith(ApplicationExtension.class)
class LabLayoutTest {

    @TempDir
    static Path runs;

    private RunViewModel model;
    private ScenarioDraft draft;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scenario scenario = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO).withSteps(300);
        LabWindowFixture w = LabWindowFixture.show(stage, scenario, runs, 0.0, 1024, 768);
        draft = w.draft();
        model = w.model();
        view = w.view();
    }

    @AfterEach
    void stopRun() {
        model.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        LabWindowFixture.waitUntil(30, condition);
    }

    /** Charts on the selected tab that are on screen. */
    private List<ChartPane> visiblePanes() {
        List<ChartPane> out = new ArrayList<>();
        for (ChartPane p : view.panes().all()) {
            if (p.getScene() != null && p.isVisible() && p.getHeight() > 0 && treeVisible(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean treeVisible(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String layoutProblems() {
        StringBuilder sb = new StringBuilder();
        for (ChartPane p : visiblePanes()) {
            double share = p.plotShare();
            if (!(share >= 0.5)) {
                sb.append(p.exportName()).append(String.format(" plot %.2f of %.0f px (level %d); ", share,
                        p.viewer().getHeight(), p.fitLevel()));
            }
        }
        return sb.toString();
    }

    /** Every labelled control of the toolbar shows its whole text (or its icon only) and lies inside the window. */
    private String toolbarProblems() {
        StringBuilder sb = new StringBuilder();
        double width = view.root().getScene().getWidth();
        for (Node item : view.toolbar().getItems()) {
            if (!item.isVisible() || !item.isManaged()) {
                continue;
            }
            if (item.getScene() == null || item.getParent() == null) {
                sb.append(item.getId()).append(" is in the overflow menu; ");
                continue;
            }
            Bounds b = item.localToScene(item.getBoundsInLocal());
            if (b.getMaxX() > width + 0.5) {
                sb.append(item.getId()).append(" ends at ").append(b.getMaxX()).append(" > ").append(width).append("; ");
            }
            if (item instanceof Labeled l) {
                for (Node t : l.lookupAll(".text")) {
                    if (t instanceof Text text && text.isVisible() && (text.getText().endsWith("…")
                            || text.getText().endsWith("..."))) {
                        sb.append(item.getId()).append(" reads '").append(text.getText()).append("'; ");
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void everyChartKeepsHalfItsHeightForThePlotAndTheToolbarReadsInFull(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(60));
        waitUntil(() -> model.stepsDoneProperty().get() == 60);
        TabPane tabs = robot.lookup("#watch-tabs").queryAs(TabPane.class);
        int[][] sizes = {{1024, 768}, {1280, 800}};
        for (int[] size : sizes) {
            for (boolean presentation : new boolean[] {false, true}) {
                for (boolean dark : new boolean[] {false, true}) {
                    String where = size[0] + "x" + size[1] + (presentation ? " presentation" : "") + (dark ? " dark" : "");
                    robot.interact(() -> {
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                        view.setPresentation(presentation);
                        view.setDark(dark);
                    });
                    assertEquals(!presentation, view.sections().votes.showsDetailColumns(), where
                            + ": the election table's detail columns make room in large type");
                    assertEquals(size[0], view.root().getScene().getWidth(), 1, where);
                    assertEquals(size[1], view.root().getScene().getHeight(), 1, where);
                    for (int t = 0; t < 4; t++) {
                        int tab = t;
                        robot.interact(() -> tabs.getSelectionModel().select(tab));
                        WaitForAsyncUtils.waitForFxEvents();
                        try {
                            waitUntil(() -> !visiblePanes().isEmpty() && layoutProblems().isEmpty());
                        } catch (java.util.concurrent.TimeoutException e) {
                            throw new AssertionError(where + ", tab " + tab + ": " + layoutProblems(), e);
                        }
                    }
                    WaitForAsyncUtils.waitForFxEvents();
                    String toolbar = toolbarProblems();
                    assertTrue(toolbar.isEmpty(), where + ": " + toolbar);
                }
            }
        }
    }

    @Test
    void anExportedChartDrawsItsLinesInTheLegendsColours(FxRobot robot, @TempDir Path dir) throws Exception {
        // Seven brackets at seven different fixed rates, so every bracket's line is visible.
        robot.interact(() -> {
            JsonObject planner = new JsonObject();
            planner.addProperty("kind", "fixed");
            JsonArray rates = new JsonArray();
            for (int j = 0; j < 7; j++) {
                rates.add(5 + 13 * j);
            }
            planner.add("rates", rates);
            draft.set("planner", planner);
            model.reset();
            view.setDark(true); // the screen's theme must not leak into the figure
        });
        assertTrue(draft.validProperty().get(), draft.errorMessageProperty().get());
        robot.interact(() -> model.runSteps(40));
        waitUntil(() -> model.stepsDoneProperty().get() == 40);
        ChartPane rates = view.panes().all().stream().filter(p -> p.exportName().equals("tax_rates")).findFirst().orElseThrow();
        AtomicReference<JFreeChart> copy = new AtomicReference<>();
        robot.interact(() -> copy.set(rates.exportCopy()));
        AtomicReference<List<Path>> files = new AtomicReference<>();
        robot.interact(() -> ChartExport.exportFigure(copy.get(), "tax_rates", dir, List.of(ExportFormat.PNG, ExportFormat.CSV),
                new FigureSize(1200, 800, 96), files::set));
        waitUntil(() -> files.get() != null);
        BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("tax_rates.png").toFile());
        LegendItemCollection legend = copy.get().getXYPlot().getLegendItems();
        int brackets = 0;
        for (int i = 0; i < legend.getItemCount(); i++) {
            LegendItem item = legend.get(i);
            if (!item.getLabel().startsWith("$")) {
                continue; // reference and marker entries
            }
            Color c = (Color) item.getLinePaint();
            assertEquals(ChartStyle.color(brackets), c, "legend colour of " + item.getLabel());
            int pixels = count(png, c);
            assertTrue(pixels > 300, item.getLabel() + ": " + pixels + " pixels of its legend colour " + c);
            brackets++;
        }
        assertEquals(7, brackets);
        for (Color jfreeDefault : new Color[] {new Color(0xFF5555), new Color(0x5555FF), new Color(0x55FF55)}) {
            assertEquals(0, count(png, jfreeDefault), "no line in JFreeChart's default colour " + jfreeDefault);
        }
        assertEquals(Color.WHITE.getRGB(), png.getRGB(5, 5), "white background whatever the window's theme");
        String csv = java.nio.file.Files.readString(dir.resolve("tax_rates.csv"));
        assertTrue(csv.lines().findFirst().orElse("").contains("Saez $0-$11,600"), "reference lines are in the CSV: " + csv.lines().findFirst());
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        int rgb = c.getRGB() & 0xFFFFFF;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theMouseWheelAloneNeverZoomsAChart(FxRobot robot) throws Exception {
        robot.interact(() -> model.runSteps(50));
        waitUntil(() -> model.stepsDoneProperty().get() == 50);
        ChartPane swf = view.panes().all().stream().filter(p -> p.exportName().equals("swf")).findFirst().orElseThrow();
        WaitForAsyncUtils.waitForFxEvents();
        Range before = swf.chart().getXYPlot().getDomainAxis().getRange();
        Node canvas = swf.viewer().getCanvas();
        Bounds b = canvas.localToScene(canvas.getBoundsInLocal());
        double x = b.getCenterX();
        double y = b.getCenterY();
        robot.interact(() -> canvas.fireEvent(scroll(canvas, x, y, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, swf.chart().getXYPlot().getDomainAxis().getRange(), "the wheel alone leaves the view");
        assertFalse(swf.zoomed());

        robot.interact(() -> canvas.fireEvent(scroll(canvas, x, y, true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, swf.chart().getXYPlot().getDomainAxis().getRange(), "Ctrl + wheel zooms");
        assertTrue(swf.zoomed());
        assertTrue(robot.lookup("#swf-chart-reset-view").query().isVisible(), "a visible Reset view");
        robot.interact(swf::resetView);
        assertFalse(swf.zoomed());
        assertTrue(swf.chart().getXYPlot().getDomainAxis().isAutoRange());
    }

    private static ScrollEvent scroll(Node target, double sceneX, double sceneY, boolean control) {
        javafx.geometry.Point2D local = target.sceneToLocal(sceneX, sceneY);
        return new ScrollEvent(target, target, ScrollEvent.SCROLL, local.getX(), local.getY(), sceneX, sceneY, false,
                control, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(target, sceneX, sceneY));
    }
}
