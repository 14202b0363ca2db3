package org.econlab.ui.lessons;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.econlab.lesson.LessonChart;

import java.util.function.Consumer;

/**
 * The lesson panel beside the charts: the lesson's title, the current step (n of m), what to press or watch, the
 * question for the class, the explanation with its numbers once computed ("computing…" meanwhile) and the checked
 * claims; Back, Next and Leave lesson. Builds and binds controls only. FX thread.
 */
public final class LessonPanelView {

    private final BorderPane root = new BorderPane();
    private final VBox claims = new VBox(4);
    private final VBox figures = new VBox(4);

    /**
     * @param chooser    shows the lesson chooser again (the "Lessons" button)
     * @param showFigure opens one of the answer's figures large (a button per figure under the claims)
     */
    public LessonPanelView(LessonViewModel model, Runnable chooser,
                           Consumer<LessonChart> showFigure) {
        root.setId("lesson-panel");
        root.getStyleClass().add("lesson-panel");
        Label lessonTitle = new Label();
        lessonTitle.getStyleClass().add("lesson-panel-title");
        lessonTitle.setWrapText(true);
        lessonTitle.textProperty().bind(Bindings.createStringBinding(() -> model.lessonProperty().get() == null ? ""
                : model.lessonProperty().get().title(), model.lessonProperty()));
        Label heading = bound("lesson-step-heading", "lesson-heading");
        heading.textProperty().bind(model.headingProperty());
        Label action = bound("lesson-action", null);
        action.textProperty().bind(Bindings.concat("Do: ", model.actionProperty()));
        Label question = bound("lesson-question", "lesson-question");
        question.textProperty().bind(model.questionProperty());
        Label classHint = bound("lesson-class-hint", "lesson-class-hint");
        classHint.textProperty().bind(model.classHintProperty());
        classHint.visibleProperty().bind(model.classHintProperty().isNotEmpty());
        classHint.managedProperty().bind(classHint.visibleProperty());
        Label answerHeading = heading("The answer, from this run");
        Label explanation = bound("lesson-explanation", null);
        explanation.textProperty().bind(model.explanationProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        HBox busy = new HBox(6, spinner, progress);
        busy.visibleProperty().bind(model.computingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        claims.setId("lesson-claims");
        model.claims().addListener((javafx.collections.ListChangeListener<String>) c -> showClaims(model));
        figures.setId("lesson-figures");
        model.figures().addListener((javafx.collections.ListChangeListener<LessonChart>) c ->
                showFigures(model, showFigure));

        VBox body = new VBox(8, lessonTitle, heading, heading("Ask the class"), question, action, classHint,
                answerHeading, busy, explanation, claims, figures);
        body.setPadding(new Insets(8, 10, 8, 10));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setCenter(scroll);

        Button back = new Button("◀ Back");
        back.setId("lesson-back");
        back.disableProperty().bind(model.canBackProperty().not());
        back.setOnAction(e -> model.back());
        Button next = new Button("Next ▶");
        next.setId("lesson-next");
        next.disableProperty().bind(model.canNextProperty().not());
        next.setOnAction(e -> model.next());
        Button leave = new Button("Leave lesson");
        leave.setId("lesson-leave");
        leave.setTooltip(new Tooltip("Closes this panel; the economy on screen plays on"));
        leave.setOnAction(e -> model.leave());
        Button lessons = new Button("Lessons…");
        lessons.setId("lesson-chooser-button");
        lessons.setTooltip(new Tooltip("Choose another lesson"));
        lessons.setOnAction(e -> chooser.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(6, back, gap, next);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox more = new HBox(6, lessons, gap2, leave);
        for (Button b : new Button[] {back, next, leave, lessons}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox bottom = new VBox(6, nav, more);
        bottom.setPadding(new Insets(6, 10, 8, 10));
        root.setBottom(bottom);
        showClaims(model);
    }

    private void showClaims(LessonViewModel model) {
        claims.getChildren().clear();
        if (!model.claims().isEmpty()) {
            claims.getChildren().add(heading("What the lesson says, checked against the run"));
        }
        for (String line : model.claims()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add(line.startsWith("✗") ? "claim-contradicted" : "claim-holds");
            claims.getChildren().add(l);
        }
    }

    /** A button per figure of the answer, each opening it large (the panel is too narrow to draw it readably). */
    private void showFigures(LessonViewModel model,
                             Consumer<LessonChart> showFigure) {
        figures.getChildren().clear();
        if (!model.figures().isEmpty()) {
            figures.getChildren().add(heading("Figures of the answer"));
        }
        for (LessonChart c : model.figures()) {
            Button b = new Button(c.title());
            b.setId("lesson-figure-" + c.name());
            b.setMnemonicParsing(false); // titles hold ids such as inverse_skill
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip("Opens the figure in its own window (right-click it there to export)"));
            b.setOnAction(e -> showFigure.accept(c));
            figures.getChildren().add(b);
        }
    }

    private static Label heading(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("lesson-heading");
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        return h;
    }

    private static Label bound(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    public Node root() {
        return root;
    }
}
