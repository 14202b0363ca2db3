package org.econlab.lesson;

import org.econlab.LabVersion;

import java.util.List;
import java.util.Map;

/** {@code lesson.md}: the lesson as run, with its questions, filled explanations, checked claims and figures. */
public final class LessonMarkdown {

    private LessonMarkdown() {
    }

    /**
     * The Markdown of a lesson run.
     *
     * @param figures figure files per step number (file names relative to the Markdown file), may be empty
     */
    public static String of(LessonResult result, Map<Integer, List<String>> figures) {
        Lesson l = result.lesson();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(l.title()).append("\n\n");
        b.append("*").append(l.level().label()).append(", about ").append(l.durationMinutes())
                .append(" minutes. Lesson `").append(l.id()).append("`, run headless by LLM Economist Lab ")
                .append(LabVersion.get()).append(".*\n\n");
        b.append(l.summary()).append("\n\n");
        if (!l.goals().isEmpty()) {
            b.append("**Goals.** After this lesson students can:\n\n");
            l.goals().forEach(g -> b.append("- ").append(g).append('\n'));
            b.append('\n');
        }
        b.append("**Claims checked:** ").append(result.claimsHold() ? "every claim holds."
                : "SOME CLAIMS ARE CONTRADICTED by the run (marked below).").append("\n\n");
        for (StepResult s : result.steps()) {
            LessonStep st = s.step();
            b.append("## Step ").append(st.number()).append(". ").append(st.title()).append("\n\n");
            b.append("*Economy:* ").append(s.scenario().name());
            if (!st.changes().isEmpty()) {
                b.append(" (changed: ").append(st.changes()).append(')');
            }
            b.append("; ").append(Placeholders.seedRange(st.seeds())).append(".\n\n");
            for (Measure m : st.measures()) {
                b.append("- `").append(m.name()).append("`: ").append(m.kind().id());
                if (!m.changes().isEmpty()) {
                    b.append(", ").append(m.changes());
                }
                b.append('\n');
            }
            if (!st.measures().isEmpty()) {
                b.append('\n');
            }
            if (st.classSeats().isPresent()) {
                b.append("*With a live class:* ").append(st.classSeats().getAsInt()).append(" seats for students"
                        + " (in the window). Run headless, the workers the students would play are the economy's own"
                        + " built-in workers, which stand in for them.\n\n");
            }
            b.append("**Do:** ").append(st.action()).append("\n\n");
            b.append("**Ask the class:** ").append(st.question()).append("\n\n");
            b.append("**Explanation:** ").append(s.explanation()).append("\n\n");
            if (!s.claims().isEmpty()) {
                b.append("**Checked against the run:**\n\n");
                s.claims().forEach(c -> b.append("- ").append(c.holds() ? "✓ " : "✗ ").append(c.line()).append('\n'));
                b.append('\n');
            }
            for (String f : figures.getOrDefault(st.number(), List.of())) {
                b.append("![").append(f).append("](").append(f).append(")\n\n");
            }
        }
        return b.toString();
    }
}
