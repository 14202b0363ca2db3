package org.econlab.ui.lessons;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.econlab.lesson.Lesson;
import org.econlab.lesson.LessonStep;

/**
 * The window's first screen: the lessons (title, level, duration) on the left, a preview of the chosen one on the
 * right (what it is about, its goals, its steps and the first question for the class), "Start this lesson" and
 * "Just explore" (the normal window with the default scenario). Builds and binds controls only. FX thread.
 */
public final class LessonChooserView {

    private final BorderPane root = new BorderPane();
    private final ListView<Lesson> list = new ListView<>();
    private final VBox preview = new VBox(8);

    /**
     * @param model   the lessons and the command that starts one
     * @param explore what "Just explore" does (closes the chooser)
     * @param started called after a lesson started (closes the chooser)
     */
    public LessonChooserView(LessonViewModel model, Runnable explore, Runnable started) {
        root.setId("lesson-chooser");
        Label title = new Label("What will you teach today?");
        title.getStyleClass().add("chooser-title");
        Label sub = new Label("Each lesson loads its economies, says what to press, asks the class a question and"
                + " explains the answer with numbers from the run.");
        sub.setWrapText(true);
        Button explore1 = new Button("Just explore");
        explore1.setId("just-explore");
        explore1.setOnAction(e -> explore.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox head = new VBox(4, new HBox(8, title, gap, explore1), sub);
        head.setPadding(new Insets(12, 16, 8, 16));
        root.setTop(head);

        list.setId("lesson-list");
        list.setItems(model.lessons());
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // the list's width decides; the texts wrap, nothing scrolls sideways
            }

            @Override
            protected void updateItem(Lesson l, boolean empty) {
                super.updateItem(l, empty);
                if (empty || l == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label t = new Label(l.title());
                t.getStyleClass().add("lesson-item-title");
                t.setWrapText(true);
                Label f = new Label(LessonViewModel.facts(l));
                f.getStyleClass().add("lesson-item-facts");
                f.setWrapText(true);
                f.maxWidthProperty().bind(list.widthProperty().subtract(40));
                VBox box = new VBox(2, t, f);
                box.setMaxWidth(Double.MAX_VALUE);
                t.maxWidthProperty().bind(list.widthProperty().subtract(40));
                setText(null);
                setGraphic(box);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> preview(l));

        Button start = new Button("Start this lesson");
        start.setId("start-lesson");
        start.setDefaultButton(true);
        start.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        start.setOnAction(e -> {
            Lesson l = list.getSelectionModel().getSelectedItem();
            if (l != null && model.begin(l)) {
                started.run();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                start.fire();
            }
        });
        preview.setPadding(new Insets(4, 12, 12, 12));
        preview.setId("lesson-preview");
        ScrollPane scroll = new ScrollPane(preview);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-preview-scroll");
        HBox buttons = new HBox(8, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 12, 8, 12));
        BorderPane right = new BorderPane(scroll);
        right.setBottom(buttons);
        BorderPane.setMargin(list, new Insets(0, 0, 12, 16));
        root.setLeft(list);
        root.setCenter(right);
        if (!model.lessons().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private void preview(Lesson l) {
        preview.getChildren().clear();
        if (l == null) {
            return;
        }
        Label title = new Label(l.title());
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        Label facts = new Label(LessonViewModel.facts(l));
        facts.getStyleClass().add("lesson-facts");
        preview.getChildren().addAll(title, facts, wrapped(l.summary(), null));
        preview.getChildren().add(heading("After this lesson, students can"));
        for (String g : l.goals()) {
            preview.getChildren().add(wrapped("•  " + g, null));
        }
        preview.getChildren().add(heading("Steps"));
        for (LessonStep s : l.steps()) {
            preview.getChildren().add(wrapped(s.number() + ".  " + s.title()
                    + (s.sideBySide().isEmpty() ? "" : "  (two economies side by side)")
                    + (s.classSeats().isPresent() ? "  (with a live class)" : ""), null));
        }
        preview.getChildren().add(heading("The first question for the class"));
        preview.getChildren().add(wrapped(l.step(0).question(), "lesson-question"));
    }

    private static Label heading(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("lesson-heading");
        return h;
    }

    private static Label wrapped(String text, String style) {
        Label t = new Label(text);
        t.setWrapText(true);
        t.setMinHeight(Region.USE_PREF_SIZE);
        if (style != null) {
            t.getStyleClass().add(style);
        }
        return t;
    }

    /** The lesson list (tests pick a lesson here). */
    public ListView<Lesson> list() {
        return list;
    }

    public Node root() {
        return root;
    }
}
