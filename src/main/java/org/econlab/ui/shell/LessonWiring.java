package org.econlab.ui.shell;

import org.econlab.errors.ErrorPolicy;
import org.econlab.lesson.Lesson;
import org.econlab.lesson.LessonLibrary;
import org.econlab.simulation.Scenario;
import org.econlab.ui.lessons.LessonChooserView;
import org.econlab.ui.lessons.LessonHost;
import org.econlab.ui.lessons.LessonPanelView;
import org.econlab.ui.lessons.LessonViewModel;
import org.econlab.ui.run.RunViewModel;

import java.util.List;
import java.util.function.Consumer;

/**
 * Puts the lessons into the window: the chooser as the start screen, the lesson panel beside the tabs while a
 * lesson is taught, a step's economy opened as File > Open opens one, a side-by-side step played in the Side by
 * side tab, and the step's question sent to a live class's pages. Wiring only. FX thread.
 */
final class LessonWiring {

    final LessonViewModel model;
    final LessonChooserView chooser;
    final LessonPanelView panel;

    LessonWiring(RunViewModel run, ScenarioFiles files, Sections sections, MainView shell, Consumer<String> announce) {
        List<Lesson> lessons;
        try {
            lessons = LessonLibrary.bundled();
        } catch (RuntimeException e) {
            lessons = List.of();
            announce.accept("The lessons could not be read: " + ErrorPolicy.classify(e).line());
        }
        LessonHost host = new LessonHost() {
            @Override
            public boolean open(Scenario scenario) {
                return files.openScenario(scenario);
            }

            @Override
            public void sideBySide(String leftLabel, Scenario left, String rightLabel, Scenario right) {
                sections.sideBySide.start(leftLabel, left, rightLabel, right);
                sections.showSideBySide(false);
            }

            @Override
            public void stopSideBySide() {
                sections.hideSideBySide();
            }
        };
        model = new LessonViewModel(run, host, lessons);
        chooser = new LessonChooserView(model, shell::closeStartScreen, shell::closeStartScreen);
        panel = new LessonPanelView(model, () -> shell.setStartScreen(chooser.root()), shell::showLessonFigure);
        model.lessonProperty().addListener((o, a, l) -> shell.setSidePanel(l == null ? null : panel.root()));
        model.classPromptProperty().addListener((o, a, p) -> sections.classroom.setPrompt(p));
        model.figures().addListener((javafx.collections.ListChangeListener<org.econlab.lesson.LessonChart>) c -> {
            if (model.figures().isEmpty()) { // the lesson moved on or ended
                shell.closeLessonFigures();
            }
        });
    }
}
