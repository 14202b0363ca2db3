package org.econlab.lesson;

import java.util.List;

/**
 * A lesson a teacher can run with no preparation: what it is for and an ordered list of steps, each with a
 * scenario, what to do, a question for the class and an explanation filled from the step's own run. Immutable;
 * read by {@link LessonCodec}, run step by step by {@link StepRunner}.
 *
 * @param id              folder name, e.g. {@code laffer-curve}
 * @param title           one line, for the chooser
 * @param level           who it is written for
 * @param durationMinutes class time it needs
 * @param summary         a paragraph for the chooser's preview
 * @param goals           what students should be able to say afterwards
 * @param steps           at least one, in order
 * @param source          where it was read from (a bundled resource folder or a file folder), for messages
 */
public record Lesson(String id, String title, Level level, int durationMinutes, String summary, List<String> goals,
                     List<LessonStep> steps, String source) {

    public Lesson {
        goals = List.copyOf(goals);
        steps = List.copyOf(steps);
    }

    /** Step {@code index} (from 0). */
    public LessonStep step(int index) {
        return steps.get(index);
    }
}
