package org.econlab.ui.lessons;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.econlab.lesson.LessonChart;
import org.econlab.lesson.LessonFigures;
import org.econlab.ui.charts.ChartLook;
import org.econlab.ui.charts.ChartPane;
import org.jfree.chart.JFreeChart;

import java.util.List;

/**
 * One figure of a lesson step's answer (a Laffer curve, the runs' welfare) in its own window, large enough for a
 * projector and exportable like every chart of the window (right-click). The same figure {@code lesson run} writes.
 * FX thread.
 */
public final class AnswerFigureWindow {

    /** Fits a 1024x768 screen with room for the window's frame. */
    static final double WIDTH = 900;
    static final double HEIGHT = 600;

    private AnswerFigureWindow() {
    }

    /**
     * Opens {@code figure} beside {@code owner} in the window's theme.
     *
     * @param scale the window's font and line scale (presentation mode)
     */
    public static Stage show(Window owner, LessonChart figure, boolean dark, float scale, List<String> stylesheets) {
        JFreeChart chart = LessonFigures.figure(figure).chart();
        ChartLook.style(chart, dark, scale);
        ChartPane pane = new ChartPane(chart, figure.name(), figure.title(), () -> scale);
        pane.setId("answer-figure");
        Scene scene = new Scene(pane, WIDTH, HEIGHT);
        scene.getStylesheets().setAll(stylesheets);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(figure.title());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
