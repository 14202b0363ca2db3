package org.econlab.llm;

import org.econlab.economy.WelfareFunction;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner is told in words which welfare function it maximises (paper-model §5.5, §7). */
class WelfarePromptTextTest {

    @Test
    void thePapersSentenceAndFormulaAreKeptExactly() {
        assertEquals("which is the average of all agent utilities weighted by their inverse pre-tax income",
                WelfarePromptText.clause(WelfareFunction.PAPER));
        assertEquals("u_1/z_1 + ... + u_N/z_N", WelfarePromptText.formula(WelfareFunction.PAPER));
        assertEquals("which is the sum of all agent utilities", WelfarePromptText.clause(WelfareFunction.UTILITARIAN));
    }

    @Test
    void everyFunctionHasItsOwnSentenceAndFormula() {
        Set<String> clauses = new HashSet<>();
        Set<String> formulas = new HashSet<>();
        for (WelfareFunction.Kind k : WelfareFunction.Kind.values()) {
            WelfareFunction w = WelfareFunction.of(k);
            assertTrue(clauses.add(WelfarePromptText.clause(w)), k.id());
            assertTrue(formulas.add(WelfarePromptText.formula(w)), k.id());
        }
        assertTrue(WelfarePromptText.clause(WelfareFunction.atkinson(2)).endsWith("inequality aversion 2"));
        assertTrue(WelfarePromptText.formula(WelfareFunction.atkinson(0.5)).endsWith("e=0.5"));
    }
}
