package org.econlab.classroom;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seat registry alone: join code, nicknames, free seats, tokens, streams, who counts as connected. */
class SeatRegistryTest {

    private static final long SECOND = 1_000_000_000L;

    private static int status(Runnable r) {
        return assertThrows(ClassException.class, r::run).status();
    }

    /** A page's stream that remembers what it was sent. */
    private static final class Page implements PageStream {
        final List<String> sent = new ArrayList<>();
        String closedBecause;

        @Override
        public void send(String json) {
            sent.add(json);
        }

        @Override
        public void close(String why) {
            closedBecause = why;
        }
    }

    @Test
    void theJoinCodeIsSixCharactersThatDoNotLookAlike() {
        for (int i = 0; i < 50; i++) {
            String code = new SeatRegistry(3, new SecureRandom()).joinCode();
            assertTrue(code.matches("[A-HJKMNP-Z2-9]{6}"), code);
        }
    }

    @Test
    void joiningNeedsTheCodeAValidFreshNicknameAndAFreeSeat() {
        SeatRegistry r = new SeatRegistry(2, new SecureRandom());
        String code = r.joinCode();
        assertEquals(403, status(() -> r.join("a", "WRONG1", "Ada", 0)));
        assertEquals(400, status(() -> r.join("a", code, "<script>", 0)));
        assertEquals(400, status(() -> r.join("a", code, " ", 0)));
        assertEquals(400, status(() -> r.join("a", code, "x".repeat(SeatRegistry.MAX_NICKNAME + 1), 0)));
        SeatRegistry.Student ada = r.join("a", " " + code.toLowerCase() + " ", "  Ada ", 0);
        assertEquals("Ada", ada.nickname, "spaces around a nickname are dropped");
        assertEquals(409, status(() -> r.join("a", code, "ADA", 0)), "nicknames are unique whatever their case");
        SeatRegistry.Student bo = r.join("a", code, "Bo", 0);
        assertNotEquals(ada.seat, bo.seat);
        assertEquals(Set.of(0, 1), Set.of(ada.seat, bo.seat));
        assertEquals(409, status(() -> r.join("a", code, "Cy", 0)), "the class is full");
    }

    @Test
    void tokensAre256BitUrlSafeAndDistinctAndOneTokenHoldsOneSeat() {
        SeatRegistry r = new SeatRegistry(50, new SecureRandom());
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            SeatRegistry.Student s = r.join("a", r.joinCode(), "s" + i, 0);
            assertTrue(s.token.matches("[A-Za-z0-9_-]{43}"), s.token);
            tokens.add(s.token);
            assertEquals(s.seat, r.seatOf(s.token));
            assertSame(s, r.rejoin(s.token, 5), "the browser's token gives the same seat back");
        }
        assertEquals(50, tokens.size());
        assertNull(r.rejoin("not a token", 0));
        assertNull(r.rejoin(null, 0));
    }

    @Test
    void wrongCodesFromOneAddressAreLimitedButRightOnesAreNot() {
        SeatRegistry r = new SeatRegistry(40, new SecureRandom());
        for (int i = 0; i < 30; i++) {
            r.checkJoinRate("school", 0);
            r.join("school", r.joinCode(), "s" + i, 0); // a whole class behind one address joins freely
        }
        for (int i = 0; i < 10; i++) {
            r.checkJoinRate("guesser", 0);
            assertEquals(403, status(() -> r.join("guesser", "AAAAAA", "g", 0)));
        }
        assertEquals(429, status(() -> r.checkJoinRate("guesser", 0)));
        r.checkJoinRate("school", 0);
        r.checkJoinRate("guesser", 6 * SECOND); // one more every 5 s
    }

    @Test
    void aSeatTokenIsRateLimitedAndARemovedOneIsRefused() {
        SeatRegistry r = new SeatRegistry(1, new SecureRandom());
        SeatRegistry.Student s = r.join("a", r.joinCode(), "Ada", 0);
        for (int i = 0; i < 30; i++) {
            assertSame(s, r.authorised(s.token, false, 0));
        }
        assertEquals(429, status(() -> r.authorised(s.token, false, 0)));
        assertSame(s, r.authorised(s.token, false, SECOND));
        Page page = new Page();
        r.attach(s, page);
        r.remove(s, "the teacher removed you from the class");
        assertEquals(401, status(() -> r.holder(s.token, false)));
        assertTrue(assertThrows(ClassException.class, () -> r.holder(s.token, true)).getMessage().contains("ended"));
        assertNull(r.at(0), "the seat is free again");
        assertTrue(page.sent.get(0).contains("\"status\":\"gone\""));
        assertEquals("the teacher removed you from the class", page.closedBecause);
        assertEquals(-1, r.seatOf(s.token));
        assertEquals(0, r.join("a", r.joinCode(), "Ada", 0).seat, "the nickname and seat are free again");
    }

    @Test
    void aThirdPageClosesTheOldestAndAStreamlessPageCountsWhileItKeepsAsking() {
        SeatRegistry r = new SeatRegistry(1, new SecureRandom());
        SeatRegistry.Student s = r.join("a", r.joinCode(), "Ada", 0);
        long grace = SeatRegistry.CONNECTED_GRACE_SECONDS * SECOND;
        assertTrue(s.connected(grace - 1), "a client that never opened a stream counts while it keeps asking");
        assertFalse(s.connected(grace));
        Page first = new Page();
        Page second = new Page();
        Page third = new Page();
        r.attach(s, first);
        r.attach(s, second);
        r.attach(s, third);
        assertEquals("opened elsewhere", first.closedBecause);
        assertNull(second.closedBecause);
        assertEquals(List.of(second, third), s.streams);
        assertTrue(s.connected(100 * grace), "a page with its stream open is connected");
        r.detach(s.token, second);
        r.detach(s.token, third);
        assertFalse(s.connected(grace), "a page that had a stream and closed it is gone at once");
    }

    @Test
    void seatsOutOfRangeAreFreeAndTheSeatCountIsChecked() {
        SeatRegistry r = new SeatRegistry(2, new SecureRandom());
        assertNull(r.at(-1));
        assertNull(r.at(2));
        assertEquals(List.of(), r.students());
        assertThrows(IllegalArgumentException.class, () -> new SeatRegistry(0, new SecureRandom()));
        assertThrows(IllegalArgumentException.class, () -> new SeatRegistry(10_001, new SecureRandom()));
    }
}
