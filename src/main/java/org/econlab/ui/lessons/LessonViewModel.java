package org.econlab.ui.lessons;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.econlab.errors.ErrorPolicy;
import org.econlab.lesson.Lesson;
import org.econlab.lesson.LessonChart;
import org.econlab.lesson.LessonStep;
import org.econlab.lesson.Measure;
import org.econlab.lesson.StepResult;
import org.econlab.lesson.StepRunner;
import org.econlab.simulation.Scenario;
import org.econlab.ui.run.RunViewModel;
import org.econlab.ui.widgets.BackgroundWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lesson in the window (MVVM, no controls): the lessons to choose from, the lesson being taught, its current step
 * with what to do and the question for the class, and, once the step's numbers are computed, its explanation with
 * the numbers filled and the claims checked. Showing a step opens its economy through the {@link LessonHost} (as a
 * scenario file is opened) and plays it live; a side-by-side step instead plays its two economies live beside each
 * other (the window holds the left one, ready to play). The step's own measurements run headless on the window's
 * background executor ({@link StepRunner}).
 *
 * <p>Threads: FX thread; the step's computation reports back through its task.
 */
public final class LessonViewModel {

    /** What the panel shows while the step's numbers are computed. */
    public static final String COMPUTING = "Computing this step's numbers…";

    private final RunViewModel run;
    private final LessonHost host;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper classHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper classPrompt = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> claims = FXCollections.observableArrayList();
    private final ObservableList<LessonChart> figures = FXCollections.observableArrayList();
    /** The economy in force before each step shown so far (index i: before step i). */
    private final List<Scenario> before = new ArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private StepResult result;

    public LessonViewModel(RunViewModel run, LessonHost host, List<Lesson> available) {
        this.run = run;
        this.host = host;
        lessons.setAll(available);
    }

    /** The lessons to choose from, in teaching order. */
    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    /** The lesson being taught, or null (none chosen, or left). */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The current step, from 0 (-1 without a lesson). */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** "Step 2 of 4: title". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** What to press or watch. */
    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** The question for the class. */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The explanation with its numbers filled, {@link #COMPUTING} meanwhile, or why it could not be computed. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** How far the step's computation is, e.g. "3 of 10 runs", or "". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** For a step meant for a live class: how to start one; else "". */
    public ReadOnlyStringProperty classHintProperty() {
        return classHint.getReadOnlyProperty();
    }

    /**
     * The prompt for a live class's pages: the current step's question (at most 300 characters), or null without a
     * lesson.
     */
    public ReadOnlyStringProperty classPromptProperty() {
        return classPrompt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    /** The step's claims with their verdicts (one line each), once computed. */
    public ObservableList<String> claims() {
        return claims;
    }

    /** The figures of the current step's answer (a Laffer curve, the runs' welfare…), once computed; else empty. */
    public ObservableList<LessonChart> figures() {
        return figures;
    }

    /** The current step's computed result, or null while it is computed. */
    public StepResult result() {
        return result;
    }

    /** "School · 30 min · 3 steps". */
    public static String facts(Lesson l) {
        return l.level().label() + " · " + l.durationMinutes() + " min · " + l.steps().size()
                + (l.steps().size() == 1 ? " step" : " steps");
    }

    /**
     * Starts teaching {@code chosen} from its first step (the window's current economy is the one a step without a
     * scenario continues). False when the user cancelled opening the step's economy.
     */
    public boolean begin(Lesson chosen) {
        Lesson previous = lesson.get();
        List<Scenario> previousBefore = new ArrayList<>(before);
        int previousIndex = index.get();
        lesson.set(chosen);
        before.clear();
        before.add(run.scenarioProperty().get());
        if (!show(0)) {
            lesson.set(previous);
            before.clear();
            before.addAll(previousBefore);
            index.set(previousIndex);
            return false;
        }
        return true;
    }

    /** The next step (its economy continues from this step's). */
    public void next() {
        int i = index.get();
        Lesson l = lesson.get();
        if (l == null || i + 1 >= l.steps().size()) {
            return;
        }
        if (before.size() <= i + 1) {
            before.add(l.step(i).scenarioFrom(before.get(i)));
        }
        show(i + 1);
    }

    /** The step before (its economy again, from its first step). */
    public void back() {
        int i = index.get();
        if (lesson.get() != null && i > 0) {
            show(i - 1);
        }
    }

    /** Ends the lesson; the economy in the window plays on as it is. */
    public void leave() {
        generation.incrementAndGet();
        lesson.set(null);
        index.set(-1);
        before.clear();
        result = null;
        heading.set("");
        action.set("");
        question.set("");
        explanation.set("");
        progress.set("");
        classHint.set("");
        claims.clear();
        figures.clear();
        computing.set(false);
        canBack.set(false);
        canNext.set(false);
        classPrompt.set(null);
    }

    private boolean show(int i) {
        Lesson l = lesson.get();
        LessonStep step = l.step(i);
        Scenario current = before.get(i);
        Scenario scenario;
        try {
            scenario = step.scenarioFrom(current);
        } catch (RuntimeException e) {
            explanation.set("This step's economy cannot be built: " + ErrorPolicy.classify(e).line());
            return true;
        }
        boolean twoEconomies = step.sideBySide().size() == 2;
        if (!host.open(twoEconomies ? sideScenario(step, scenario, 0) : scenario)) {
            return false;
        }
        index.set(i);
        heading.set("Step " + (i + 1) + " of " + l.steps().size() + ": " + step.title());
        action.set(step.action());
        question.set(step.question());
        classPrompt.set(promptFor(step.question()));
        classHint.set(step.classSeats().isPresent() ? "For a live class: start a class in the Class tab (up to "
                + step.classSeats().getAsInt() + " seats); the students then play this step's economy." : "");
        canBack.set(i > 0);
        canNext.set(i + 1 < l.steps().size());
        if (twoEconomies) {
            playSideBySide(step, scenario); // the two economies play; the window's run waits on the left one
        } else {
            host.stopSideBySide();
            run.play();
        }
        compute(step, current);
        return true;
    }

    /** The economy of side {@code side} (0 left, 1 right) of a side-by-side step, on the step's first seed. */
    private static Scenario sideScenario(LessonStep step, Scenario scenario, int side) {
        Measure m = step.measure(step.sideBySide().get(side));
        long seed = step.seeds().isEmpty() ? scenario.seed() : step.seeds().get(0);
        return m.changes().applyTo(scenario).withSeed(seed);
    }

    private void playSideBySide(LessonStep step, Scenario scenario) {
        try {
            host.sideBySide(step.measure(step.sideBySide().get(0)).label(), sideScenario(step, scenario, 0),
                    step.measure(step.sideBySide().get(1)).label(), sideScenario(step, scenario, 1));
        } catch (RuntimeException e) {
            progress.set("Side by side cannot play: " + ErrorPolicy.classify(e).line());
        }
    }

    private void compute(LessonStep step, Scenario current) {
        int gen = generation.incrementAndGet();
        result = null;
        claims.clear();
        figures.clear();
        explanation.set(COMPUTING);
        progress.set("");
        computing.set(true);
        Task<Object> task = new Task<>() {
            @Override
            protected Object call() {
                try {
                    return StepRunner.run(step, current, new StepRunner.Observer() {
                        @Override
                        public void progress(String measure, long seed, int done, int total) {
                            updateMessage(String.format(Locale.ROOT, "%d of %d runs done (last: %s, seed %d)", done, total,
                                    measure, seed));
                        }

                        @Override
                        public boolean cancelled() { // the teacher moved on: free the cores for the new step
                            return gen != generation.get();
                        }
                    });
                } catch (java.util.concurrent.CancellationException e) {
                    return null; // nobody waits for it
                } catch (RuntimeException e) {
                    return ErrorPolicy.classify(e).line();
                }
            }
        };
        task.messageProperty().addListener((o, a, m) -> {
            if (gen == generation.get()) {
                progress.set(m);
            }
        });
        BackgroundWork.submit(task, value -> {
            if (gen != generation.get()) {
                return; // the teacher moved on
            }
            computing.set(false);
            progress.set("");
            if (value instanceof StepResult r) {
                result = r;
                explanation.set(r.explanation());
                claims.setAll(r.claims().stream().map(c -> (c.holds() ? "✓ " : "✗ ") + c.line()).toList());
                figures.setAll(r.charts());
            } else {
                explanation.set("This step's numbers could not be computed: " + value);
            }
        });
    }

    /** The question as a class's pages show it: at most 300 characters. */
    static String promptFor(String question) {
        if (question == null || question.isBlank()) {
            return null;
        }
        String q = question.strip().replaceAll("[\\t\\p{Cntrl}&&[^\\n]]", " ");
        int max = org.econlab.classroom.ClassSession.MAX_PROMPT;
        return q.length() <= max ? q : q.substring(0, max - 1) + "…";
    }
}
