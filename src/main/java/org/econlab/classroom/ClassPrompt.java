package org.econlab.classroom;

import org.econlab.config.InvalidInputException;

/**
 * The rules of the teacher's prompt for the class, the short text every student's page shows above its decision
 * controls (e.g. the question of a lesson's current step): at most {@value #MAX_LENGTH} characters, line breaks allowed
 * but no other control characters, leading and trailing spaces dropped; null or blank means no prompt.
 */
final class ClassPrompt {

    static final int MAX_LENGTH = 300;

    private ClassPrompt() {
    }

    /**
     * The prompt as students see it, or null for none.
     *
     * @throws InvalidInputException naming {@code prompt} when the text is too long or holds control characters
     */
    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String p = text.strip();
        if (p.length() > MAX_LENGTH) {
            throw new InvalidInputException("prompt", "a prompt for the class is at most " + MAX_LENGTH
                    + " characters; this one has " + p.length());
        }
        if (p.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException("prompt", "a prompt for the class cannot hold tabs or control characters");
        }
        return p;
    }
}
