package org.econlab.ui.lessons;

import org.econlab.classroom.ClassSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step's question as a live class's pages show it: trimmed, no tabs, cut to the session's limit. */
class LessonPromptTest {

    @Test
    void aQuestionBecomesAPromptTheSessionAccepts() {
        assertNull(LessonViewModel.promptFor("  "));
        assertEquals("Who gains?\nWho loses?", LessonViewModel.promptFor(" Who gains?\nWho loses? "));
        assertEquals("a b", LessonViewModel.promptFor("a\tb"));
        String cut = LessonViewModel.promptFor("x".repeat(ClassSession.MAX_PROMPT + 40));
        assertEquals(ClassSession.MAX_PROMPT, cut.length());
        assertTrue(cut.endsWith("…"));
        new ClassSession(2, 30).setPrompt(cut); // accepted as it is
    }
}
