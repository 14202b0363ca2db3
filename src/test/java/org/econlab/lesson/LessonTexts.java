package org.econlab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small lessons into a folder for tests. */
final class LessonTexts {

    private LessonTexts() {
    }

    /** A one-step lesson on the classroom sample (few steps, cheap) with the given step fields (JSON members). */
    static String oneStep(String stepFields) {
        return """
                {"schemaVersion": 1, "id": "tiny", "title": "Tiny", "level": "school", "durationMinutes": 10,
                 "summary": "A test lesson.", "goals": ["test"],
                 "steps": [ { "title": "First", "scenario": {"sample": "classroom-100"},
                   "changes": {"steps": 50, "population.agents": 20},
                   "do": "Press Play.", "question": "What happens?",
                   %s } ] }
                """.formatted(stepFields);
    }

    static Path folder(Path dir, String lessonJson) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("lesson.json"), lessonJson);
        return dir;
    }
}
