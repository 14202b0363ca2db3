package org.econlab.lesson;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lesson texts are filled from the run's numbers, seed by seed (issue 17). */
class PlaceholdersTest {

    private static Quantities threeSeeds() {
        Quantities q = new Quantities(List.of(42L, 43L, 44L));
        double[] a = {10, 20, 30};
        double[] b = {12, 15, 33};
        for (int i = 0; i < 3; i++) {
            q.put("a.swf", i, a[i]);
            q.put("b.swf", i, b[i]);
            q.put(Quantities.key("f", "revenue", 50), i, 1000 * (i + 1));
        }
        q.putText("a.rates", "90/80/90");
        return q;
    }

    @Test
    void expressionsArePairedBySeedWithUsualPrecedence() {
        Quantities q = threeSeeds();
        assertArrayEquals(new double[] {-2, 5, -3}, Expression.parse("a.swf - b.swf").evaluate(q), 1e-12);
        assertArrayEquals(new double[] {4, 12.5, 13.5}, Expression.parse("a.swf - b.swf / 2").evaluate(q), 1e-12);
        assertArrayEquals(new double[] {-1, 2.5, -1.5}, Expression.parse("(a.swf - b.swf) / 2").evaluate(q), 1e-12);
        assertArrayEquals(new double[] {1000, 2000, 3000}, Expression.parse("f.revenue@50.0").evaluate(q), 1e-12);
        assertEquals(List.of("a", "b"), Expression.parse("a.swf*2 + -b.swf").measures());
        assertTrue(Expression.parse(" a.swf ").isSingleQuantity());
        assertFalse(Expression.parse("a.swf + 1").isSingleQuantity());
    }

    @Test
    void statisticsAndFormats() {
        Quantities q = threeSeeds();
        assertEquals("mean 20.0, band 10.0 to 30.0, 1 of 3 seeds, first 10.0, seeds 42-44, rates 90/80/90",
                Placeholders.fill("mean {a.swf}, band {a.swf|band}, {a.swf - b.swf|wins} seeds, first {a.swf|first},"
                        + " {seeds}, rates {a.rates}", q));
        assertEquals("$2,000 / 2,000 / 2,000%", Placeholders.fill("{f.revenue@50|usd} / {f.revenue@50|int}"
                + " / {f.revenue@50 / 100|pct}", q));
        assertEquals("0.500", Placeholders.format(0.5, "auto"));
        assertEquals("12.3%", Placeholders.format(0.123, "pct"));
        assertEquals("all 5.00", Placeholders.fill("{c.x|band}", single(5)));
    }

    private static Quantities single(double v) {
        Quantities q = new Quantities(List.of(1L, 2L));
        q.put("c.x", 0, v);
        q.put("c.x", 1, v);
        return q;
    }

    @Test
    void aMissingQuantityOrBadPlaceholderIsNamed() {
        Quantities q = threeSeeds();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.fill("{a.hours}", q));
        assertTrue(missing.getMessage().contains("a.hours") && missing.getMessage().contains("a.swf"),
                missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Placeholders.expressions("{a.swf|median}"));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.expressions("{a.swf"));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.expressions("{a + }"));
    }

    @Test
    void claimsCountTheSeedsTheyHoldOn() {
        Quantities q = threeSeeds();
        ClaimResult all = Claim.parse("a beats b", "a.swf > b.swf", Claim.ALL).check(q);
        assertFalse(all.holds());
        assertEquals(1, all.count());
        assertTrue(all.line().startsWith("CONTRADICTED: a beats b"), all.line());
        assertTrue(all.line().contains("fails on seeds 42, 44"), all.line());
        assertTrue(Claim.parse("a beats b once", "a.swf > b.swf", 1).check(q).holds());
        assertTrue(Claim.parse("sign", "a.swf - b.swf / 10 >= 0", Claim.ALL).check(q).holds());
        assertThrows(IllegalArgumentException.class, () -> Claim.parse("x", "a.swf = b.swf", Claim.ALL));
    }
}
