package org.econlab.classroom;

import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who holds which seat of a class: the join code, each student's nickname and 256-bit seat token, their event streams
 * and when they were last seen. One browser token holds one seat; a seat is drawn at random among the free ones.
 *
 * <p>Limits: a seat token may make 30 requests at once and 15 a second; a remote address may type 10 wrong join codes at
 * once, then one every 5 s (only failures count, so a whole class behind one school address joins freely).
 *
 * <p>Not thread-safe, except {@link #checkJoinRate}: the owning {@link ClassSession} calls it under its lock.
 */
final class SeatRegistry {

    static final int MAX_NICKNAME = 20;
    /** A page that never opens an event stream counts as connected this long after its last request. */
    static final int CONNECTED_GRACE_SECONDS = 10;
    /** Event streams one seat may hold open; one more closes the oldest. */
    static final int STREAMS_PER_SEAT = 2;

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Pattern NICKNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0," + (MAX_NICKNAME - 1) + "}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** One student holding one seat. Times in {@link System#nanoTime()} nanoseconds. */
    static final class Student {
        final String token;
        final int seat;
        final String nickname;
        final List<PageStream> streams = new ArrayList<>();
        long lastSeenNanos;
        boolean streamed;

        Student(String token, int seat, String nickname, long now) {
            this.token = token;
            this.seat = seat;
            this.nickname = nickname;
            this.lastSeenNanos = now;
        }

        /** A page with its event stream open; a client that never opened one counts while it keeps making requests. */
        boolean connected(long now) {
            return !streams.isEmpty() || !streamed && now - lastSeenNanos < CONNECTED_GRACE_SECONDS * 1_000_000_000L;
        }
    }

    private final SecureRandom random;
    private final String joinCode;
    private final Student[] bySeat;
    private final Map<String, Student> byToken = new HashMap<>();
    private final RateLimiter perSeat = new RateLimiter(30, 15); // far above a person, bounds a script
    private final RateLimiter joins = new RateLimiter(10, 0.2);

    /** @param seatCount seats students can take, 1..10000 */
    SeatRegistry(int seatCount, SecureRandom random) {
        if (seatCount < 1 || seatCount > 10_000) {
            throw new IllegalArgumentException("seats must be 1..10000");
        }
        this.random = random;
        this.bySeat = new Student[seatCount];
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        this.joinCode = code.toString();
    }

    /** Six letters and digits, none that look alike. */
    String joinCode() {
        return joinCode;
    }

    int seatCount() {
        return bySeat.length;
    }

    /** @throws ClassException 429 when {@code from} typed too many wrong codes (thread-safe, call before the lock) */
    void checkJoinRate(String from, long now) {
        if (!joins.allowed(from, now)) {
            throw new ClassException(429, "too many wrong join codes: wait a minute");
        }
    }

    /** The student of a well-formed token the class knows, marked seen now; null otherwise. */
    Student rejoin(String token, long now) {
        Student s = token != null && TOKEN.matcher(token).matches() ? byToken.get(token) : null;
        if (s != null) {
            s.lastSeenNanos = now;
        }
        return s;
    }

    /**
     * Seats a new student on a random free seat with a fresh token.
     *
     * @param from     the remote address, charged for a wrong code
     * @param code     the join code as typed (case and spaces ignored)
     * @param nickname 1..{@value #MAX_NICKNAME} letters, digits, spaces, '.', '_' or '-', unique in the class
     * @throws ClassException 403 wrong code, 400 bad nickname, 409 nickname taken or class full
     */
    Student join(String from, String code, String nickname, long now) {
        String typed = code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8), joinCode.getBytes(StandardCharsets.UTF_8))) {
            joins.charge(from, now);
            throw new ClassException(403, "wrong join code");
        }
        String nick = nickname == null ? "" : nickname.strip();
        if (!NICKNAME.matcher(nick).matches()) {
            throw new ClassException(400, "a nickname is 1 to " + MAX_NICKNAME + " letters or digits (spaces, '.',"
                    + " '_' and '-' inside)");
        }
        for (Student s : byToken.values()) {
            if (s.nickname.equalsIgnoreCase(nick)) {
                throw new ClassException(409, "that nickname is taken: choose another");
            }
        }
        List<Integer> free = new ArrayList<>();
        for (int s = 0; s < bySeat.length; s++) {
            if (bySeat[s] == null) {
                free.add(s);
            }
        }
        if (free.isEmpty()) {
            throw new ClassException(409, "the class is full");
        }
        int seat = free.get(random.nextInt(free.size()));
        byte[] t = new byte[32];
        random.nextBytes(t);
        Student s = new Student(Base64.getUrlEncoder().withoutPadding().encodeToString(t), seat, nick, now);
        byToken.put(s.token, s);
        bySeat[seat] = s;
        return s;
    }

    /**
     * The student holding {@code token}.
     *
     * @param ended whether the class has ended (the refusal then says so)
     * @throws ClassException 401 for an unknown, malformed or revoked token
     */
    Student holder(String token, boolean ended) {
        Student s = token == null || !TOKEN.matcher(token).matches() ? null : byToken.get(token);
        if (s == null) {
            throw new ClassException(401, ended ? "this class has ended" : "this seat is not (or no longer) yours: join again");
        }
        return s;
    }

    /** {@link #holder}, charged one request of the seat's rate and marked seen. @throws ClassException 401, 429 */
    Student authorised(String token, boolean ended, long now) {
        Student s = holder(token, ended);
        if (!perSeat.tryAcquire(s.token, now)) {
            throw new ClassException(429, "too many requests: slow down");
        }
        s.lastSeenNanos = now;
        return s;
    }

    /** The student on {@code seat}, or null for a free seat or one out of range. */
    Student at(int seat) {
        return seat < 0 || seat >= bySeat.length ? null : bySeat[seat];
    }

    /** The students, by seat. */
    List<Student> students() {
        List<Student> out = new ArrayList<>();
        for (Student s : bySeat) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The seat {@code token} holds, or -1. */
    int seatOf(String token) {
        Student s = token == null ? null : byToken.get(token);
        return s == null ? -1 : s.seat;
    }

    /** Adds a page's event stream to the seat; a third closes the oldest ("opened elsewhere"). */
    void attach(Student s, PageStream stream) {
        if (s.streams.size() >= STREAMS_PER_SEAT) {
            s.streams.remove(0).close("opened elsewhere");
        }
        s.streams.add(stream);
        s.streamed = true;
    }

    /** Removes a page's event stream from whoever holds {@code token} now (nobody: nothing to do). */
    void detach(String token, PageStream stream) {
        Student s = byToken.get(token);
        if (s != null) {
            s.streams.remove(stream);
        }
    }

    /** Frees the seat and revokes the token; its pages get a last "gone" view saying {@code why}, then close. */
    void remove(Student s, String why) {
        byToken.remove(s.token);
        bySeat[s.seat] = null;
        perSeat.forget(s.token);
        for (PageStream st : s.streams) {
            JsonObject gone = new JsonObject();
            gone.addProperty("status", "gone");
            gone.addProperty("message", why);
            st.send(gone.toString());
            st.close(why);
        }
        s.streams.clear();
    }
}
