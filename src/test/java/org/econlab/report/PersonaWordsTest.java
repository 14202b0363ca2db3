package org.econlab.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A worker named briefly for an axis or a cell, and in full for a tooltip. */
class PersonaWordsTest {

    @Test
    void anOccupationLosesItsTrailingWordAndTheSexBecomesAnInitial() {
        assertEquals("#78 Production, F 59", PersonaWords.named(78, "Production occupations, Female, 59"));
    }

    @Test
    void aLongOccupationWithCommasIsCutAtAWordWithAnEllipsis() {
        assertEquals("Arts, design…, M 29", PersonaWords.brief("Arts, design, entertainment, sports, and media, Male, 29"));
        assertEquals("Transportation…, M 18", PersonaWords.brief("Transportation and material moving, Male, 18"));
    }

    @Test
    void aWorkerWithoutAPersonaIsItsNumber() {
        assertEquals("#4", PersonaWords.named(4, ""));
        assertEquals("#4", PersonaWords.inFull(4, null));
        assertEquals("#4 · Nurse, female, 40", PersonaWords.inFull(4, "Nurse, female, 40"));
    }
}
