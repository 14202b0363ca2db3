package org.econlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.econlab.agents.RunStopException;
import org.econlab.economy.RateDeltas;
import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A live class: students who joined from a browser with the join code and a nickname, each holding one seat (a worker
 * of the run), and the rounds in which they decide. The web server ({@link ClassServer}) feeds it; the run's human
 * kinds read it as their {@link HumanInputs} and wait on the runner thread while a round is open; the teacher's panel
 * lists the students and pauses, advances, kicks, reveals and ends.
 *
 * <p>A round closes when every connected student it asks has answered, when the teacher advances, or when its timer
 * runs out (never while paused); a seat whose student did not answer keeps its previous hours (or vote). A student is
 * connected while their page holds its event stream open (a client that never opens one: while it made a request in
 * the last {@value #CONNECTED_GRACE_SECONDS} s), so a disconnected student's seat is not waited for, but stays theirs.
 *
 * <p>Privacy: the only personal datum is the nickname, kept in memory for the teacher and never written anywhere (the
 * run record names agents, not students); a student's view holds their own seat and anonymous aggregates only.
 * {@link #end()} forgets everything. Seat tokens are 256-bit random strings; one browser token holds one seat.
 *
 * <p>Thread-safe: one lock guards the state; views for students are built under it and handed to their event streams
 * (latest wins); teacher listeners are called after the lock is released, on the calling thread.
 */
public final class ClassSession implements HumanInputs {

    /** What a round asks. */
    public enum RoundKind {
        HOURS("hours"), CANDIDACY("candidacy"), VOTE("vote"), LEADER("leader");

        private final String id;

        RoundKind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final int MIN_TIMER_SECONDS = 3;
    public static final int MAX_TIMER_SECONDS = 600;
    public static final int MAX_NICKNAME = 20;
    static final int CONNECTED_GRACE_SECONDS = 10;
    /** Steps of a seat's own history sent to its page. */
    static final int HISTORY_SHOWN = 100;

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Pattern NICKNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0," + (MAX_NICKNAME - 1) + "}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Object NO_STAND = new Object();

    /** One student's row in the teacher's list. */
    public record StudentRow(int seat, String nickname, int worker, boolean connected, boolean answered) {
    }

    /** Who was who, shown when the teacher reveals it. */
    public record Reveal(String nickname, int worker, double skill, double meanHours, double lastUtility) {
    }

    /** Receives the latest view of one student's page (JSON text); latest wins. */
    interface Stream {
        void send(String json);

        void close(String why);
    }

    private static final class Student {
        final String token;
        final int seat;
        final String nickname;
        final List<Stream> streams = new ArrayList<>();
        long lastSeenNanos;
        boolean streamed;
        long answeredRound;
        Object answer;

        Student(String token, int seat, String nickname, long now) {
            this.token = token;
            this.seat = seat;
            this.nickname = nickname;
            this.lastSeenNanos = now;
        }
    }

    private static final class Round {
        final long id;
        final RoundKind kind;
        final int step;
        final TaxSchedule schedule;
        final List<Candidate> candidates;
        final int leaderSeat;
        long deadlineNanos;
        long remainingWhenPaused = -1;
        boolean closed;

        Round(long id, RoundKind kind, int step, TaxSchedule schedule, List<Candidate> candidates, int leaderSeat,
              long deadlineNanos) {
            this.id = id;
            this.kind = kind;
            this.step = step;
            this.schedule = schedule;
            this.candidates = candidates;
            this.leaderSeat = leaderSeat;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private final int seatCount;
    private final String joinCode;
    private final SecureRandom random = new SecureRandom();
    private final RateLimiter perSeat = new RateLimiter(30, 15); // far above a person, bounds a script
    private final RateLimiter joins = new RateLimiter(10, 0.2);
    private final CopyOnWriteArrayList<Runnable> teacherListeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private final Map<String, Student> byToken = new HashMap<>();
    private final Student[] bySeat;
    private int timerSeconds;
    private Seats seats;
    private Round round;
    private long nextRoundId = 1;
    private boolean paused;
    private boolean ended;
    private boolean runActive;
    private boolean runFinished;
    private boolean runAborted;
    private StepReport last;
    private TaxSchedule schedule;
    private int leader = -1;
    private List<ArrayDeque<double[]>> history = List.of();
    private double[] hoursSum = new double[0];
    private long lastClosedRound; // runner thread
    private int[] hoursCount = new int[0];

    /**
     * @param seatCount    seats students can take (the run's {@code human} workers must have as many)
     * @param timerSeconds how long a round stays open at most, {@value #MIN_TIMER_SECONDS}..{@value #MAX_TIMER_SECONDS}
     */
    public ClassSession(int seatCount, int timerSeconds) {
        if (seatCount < 1 || seatCount > 10_000) {
            throw new IllegalArgumentException("seats must be 1..10000");
        }
        this.seatCount = seatCount;
        this.bySeat = new Student[seatCount];
        this.timerSeconds = checkTimer(timerSeconds);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        this.joinCode = code.toString();
    }

    private static int checkTimer(int s) {
        if (s < MIN_TIMER_SECONDS || s > MAX_TIMER_SECONDS) {
            throw new IllegalArgumentException("the timer must be " + MIN_TIMER_SECONDS + ".." + MAX_TIMER_SECONDS
                    + " seconds");
        }
        return s;
    }

    /** The code students type to join: six letters and digits, none that look alike. */
    public String joinCode() {
        return joinCode;
    }

    public int seatCount() {
        return seatCount;
    }

    public synchronized int timerSeconds() {
        return timerSeconds;
    }

    /** Changes the timer from the next round on. */
    public void setTimerSeconds(int s) {
        synchronized (this) {
            timerSeconds = checkTimer(s);
        }
        changedAll();
    }

    /** Calls {@code listener} (on the thread that changed the class) whenever students, answers or rounds change. */
    public void onChange(Runnable listener) {
        teacherListeners.add(Objects.requireNonNull(listener));
    }

    // ---------------------------------------------------------------- students (web server threads)

    /** A joined seat: the token the browser keeps, and which seat it holds. */
    public record Joined(String token, int seat) {
    }

    /**
     * Joins the class, or rejoins with the browser's token (the same seat again).
     *
     * @param remote        the request's remote address, for limiting wrong join codes (10 at once, then one every
     *                      5 s; never stored)
     * @param code          the join code as typed (case and spaces ignored)
     * @param nickname      1..{@value #MAX_NICKNAME} letters, digits, spaces, '.', '_' or '-', unique in the class
     * @param existingToken the browser's seat token, or null
     * @throws ClassException 429 too many attempts, 403 wrong code, 400 bad nickname, 409 nickname taken or class full,
     *                        410 class ended
     */
    public Joined join(String remote, String code, String nickname, String existingToken) {
        long now = System.nanoTime();
        String from = remote == null ? "?" : remote;
        if (!joins.allowed(from, now)) {
            throw new ClassException(429, "too many wrong join codes: wait a minute");
        }
        Joined joined;
        synchronized (this) {
            if (ended) {
                throw new ClassException(410, "this class has ended");
            }
            if (existingToken != null && TOKEN.matcher(existingToken).matches()) {
                Student s = byToken.get(existingToken);
                if (s != null) {
                    s.lastSeenNanos = now;
                    return new Joined(s.token, s.seat);
                }
            }
            String typed = code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8), joinCode.getBytes(StandardCharsets.UTF_8))) {
                // only failures count: a class behind one address (a school's NAT) joins freely, guessing does not
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
            for (int s = 0; s < seatCount; s++) {
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
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
            Student s = new Student(token, seat, nick, now);
            byToken.put(token, s);
            bySeat[seat] = s;
            joined = new Joined(token, seat);
        }
        changedAll();
        return joined;
    }

    private Student student(String token) {
        Student s = token == null || !TOKEN.matcher(token).matches() ? null : byToken.get(token);
        if (s == null) {
            throw new ClassException(401, ended ? "this class has ended" : "this seat is not (or no longer) yours: join again");
        }
        return s;
    }

    /** Checks a token and its rate; the seat it holds. */
    private Student authorised(String token) {
        Student s = student(token);
        long now = System.nanoTime();
        if (!perSeat.tryAcquire(s.token, now)) {
            throw new ClassException(429, "too many requests: slow down");
        }
        s.lastSeenNanos = now;
        return s;
    }

    /** The student's page as JSON text. @throws ClassException 401 for an unknown or revoked token */
    public synchronized String view(String token) {
        return view(authorised(token)).toString();
    }

    /**
     * Attaches an event stream to the seat of {@code token} (at most two per seat: a third closes the oldest) and
     * sends it the current view. Returns a handle that detaches it.
     */
    Runnable subscribe(String token, Stream stream) {
        synchronized (this) {
            Student s = authorised(token);
            if (s.streams.size() >= 2) {
                s.streams.remove(0).close("opened elsewhere");
            }
            s.streams.add(stream);
            s.streamed = true;
            stream.send(view(s).toString());
        }
        changedTeacher();
        return () -> {
            synchronized (this) {
                Student s = byToken.get(token);
                if (s != null) {
                    s.streams.remove(stream);
                }
                notifyAll(); // a round may now close without this student
            }
            changedTeacher();
        };
    }

    /**
     * Answers the open round.
     *
     * @param roundId the round the page showed (an answer to a closed round is refused: 409)
     * @param kind    what is answered
     * @param body    the answer's fields: {@code hours}; {@code stand} and {@code platform}; {@code vote};
     *                {@code deltas}
     * @throws ClassException 400 for values out of range, 401 bad token, 409 no such round open, 429 too fast
     */
    public void answer(String token, long roundId, RoundKind kind, JsonObject body) {
        Student s;
        synchronized (this) {
            s = authorised(token);
            Round r = round;
            if (r == null || r.closed || r.id != roundId || r.kind != kind) {
                throw new ClassException(409, "that round is closed");
            }
            if (seats == null) {
                throw new ClassException(409, "the run has not started");
            }
            if (r.kind == RoundKind.LEADER && r.leaderSeat != s.seat) {
                throw new ClassException(403, "only the leader chooses the new rates");
            }
            s.answer = parseAnswer(r, body, s);
            s.answeredRound = r.id;
            notifyAll();
        }
        changed(s);
    }

    private Object parseAnswer(Round r, JsonObject body, Student s) {
        int k = r.schedule.bracketCount();
        switch (r.kind) {
            case HOURS -> {
                double h = number(body, "hours");
                if (!(h >= 0 && h <= seats.maxHours())) {
                    throw new ClassException(400, "hours must be 0.." + fmt(seats.maxHours()));
                }
                return h;
            }
            case CANDIDACY -> {
                if (!body.has("stand") || !body.get("stand").isJsonPrimitive()
                        || !body.get("stand").getAsJsonPrimitive().isBoolean()) {
                    throw new ClassException(400, "stand must be true or false");
                }
                return body.get("stand").getAsBoolean() ? deltas(body, "platform", k) : NO_STAND;
            }
            case VOTE -> {
                double v = number(body, "vote");
                for (Candidate c : r.candidates) {
                    if (c.agent() == v) {
                        return c.agent();
                    }
                }
                throw new ClassException(400, "vote for one of the candidates");
            }
            case LEADER -> {
                return deltas(body, "deltas", k);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static double number(JsonObject body, String field) {
        if (body == null || !body.has(field) || !body.get(field).isJsonPrimitive()
                || !body.get(field).getAsJsonPrimitive().isNumber()) {
            throw new ClassException(400, field + " must be a number");
        }
        double v = body.get(field).getAsDouble();
        if (!Double.isFinite(v)) {
            throw new ClassException(400, field + " must be a number");
        }
        return v;
    }

    private static double[] deltas(JsonObject body, String field, int k) {
        if (body == null || !body.has(field) || !body.get(field).isJsonArray() || body.getAsJsonArray(field).size() != k) {
            throw new ClassException(400, field + " must list " + k + " changes, one per bracket");
        }
        double[] d = new double[k];
        JsonArray a = body.getAsJsonArray(field);
        for (int j = 0; j < k; j++) {
            if (!a.get(j).isJsonPrimitive() || !a.get(j).getAsJsonPrimitive().isNumber()) {
                throw new ClassException(400, field + " must list numbers");
            }
            double x = a.get(j).getAsDouble();
            d[j] = x;
            if (Arrays.stream(RateDeltas.GRID).noneMatch(g -> g == x)) {
                throw new ClassException(400, "each change is one of -20, -10, 0, 10, 20 points");
            }
        }
        return d;
    }

    /** The student gives up the seat (their page's Leave button); the token is revoked. */
    public void leave(String token) {
        synchronized (this) {
            Student s = student(token);
            remove(s, "you left the class");
        }
        changedAll();
    }

    private void remove(Student s, String why) {
        byToken.remove(s.token);
        bySeat[s.seat] = null;
        perSeat.forget(s.token);
        for (Stream st : s.streams) {
            JsonObject gone = new JsonObject();
            gone.addProperty("status", "gone");
            gone.addProperty("message", why);
            st.send(gone.toString());
            st.close(why);
        }
        s.streams.clear();
        notifyAll();
    }

    // ---------------------------------------------------------------- the teacher (FX thread)

    /** Connected students and whether they answered the open round, by seat. */
    public synchronized List<StudentRow> students() {
        List<StudentRow> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Student s : bySeat) {
            if (s != null) {
                out.add(new StudentRow(s.seat, s.nickname, workerOf(s.seat), connected(s, now), answered(s)));
            }
        }
        return out;
    }

    /** The open round's kind and step, e.g. "hours, step 12", or "" between rounds. */
    public synchronized String roundLabel() {
        if (round == null || round.closed) {
            return "";
        }
        long left = secondsLeft(round, System.nanoTime());
        return round.kind.id() + ", step " + round.step + (paused ? " (paused)" : ", " + left + " s left");
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Pauses (or resumes) the open round's timer; students may still answer, the round waits for the teacher. */
    public void pause(boolean pause) {
        synchronized (this) {
            if (paused == pause) {
                return;
            }
            paused = pause;
            long now = System.nanoTime();
            if (round != null) {
                if (pause) {
                    round.remainingWhenPaused = Math.max(0, round.deadlineNanos - now);
                } else if (round.remainingWhenPaused >= 0) {
                    round.deadlineNanos = now + round.remainingWhenPaused;
                    round.remainingWhenPaused = -1;
                }
            }
            notifyAll();
        }
        changedAll();
    }

    /** Closes the open round now: those who did not answer keep their hours (or vote). */
    public void advance() {
        synchronized (this) {
            if (round != null) {
                round.closed = true;
            }
            notifyAll();
        }
        changedAll();
    }

    /** Removes the student on {@code seat}: their token stops working and the seat is free again. */
    public void kick(int seat) {
        synchronized (this) {
            if (seat < 0 || seat >= seatCount || bySeat[seat] == null) {
                return;
            }
            remove(bySeat[seat], "the teacher removed you from the class");
        }
        changedAll();
    }

    /** Who was who: every student's nickname beside their worker, skill, mean hours and last utility. */
    public synchronized List<Reveal> reveal() {
        List<Reveal> out = new ArrayList<>();
        for (Student s : bySeat) {
            if (s == null) {
                continue;
            }
            int w = workerOf(s.seat);
            double skill = seats == null || s.seat >= seats.agents().length ? Double.NaN : seats.skills()[s.seat];
            double mean = s.seat < hoursCount.length && hoursCount[s.seat] > 0 ? hoursSum[s.seat] / hoursCount[s.seat]
                    : Double.NaN;
            double u = last == null || s.seat >= last.utility().length ? Double.NaN : last.utility()[s.seat];
            out.add(new Reveal(s.nickname, w, skill, mean, u));
        }
        return out;
    }

    /** Ends the class: every token is revoked, every page told, nicknames and histories forgotten; a waiting round closes. */
    public void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            for (Student s : new ArrayList<>(byToken.values())) {
                remove(s, "the class has ended");
            }
            if (round != null) {
                round.closed = true;
            }
            history = List.of();
            last = null;
            notifyAll();
        }
        changedTeacher();
    }

    /**
     * The teacher reset or stopped the run: the open round closes and later rounds of this run close at once (nobody
     * waits for answers any more), until the next run begins.
     */
    public void abortRun() {
        synchronized (this) {
            runAborted = true;
            if (round != null) {
                round.closed = true;
            }
            notifyAll();
        }
        changedAll();
    }

    public synchronized boolean ended() {
        return ended;
    }

    // ---------------------------------------------------------------- the run (runner thread)

    @Override
    public void beginRun(Seats s) {
        synchronized (this) {
            if (s.agents().length != seatCount) {
                throw new org.econlab.config.InvalidInputException("worker.seats", "this run has "
                        + s.agents().length + " seats for students but the class was started with " + seatCount
                        + ": end the class and start it again");
            }
            seats = s;
            runActive = true;
            runAborted = false;
            runFinished = false;
            last = null;
            leader = -1;
            schedule = null;
            List<ArrayDeque<double[]>> h = new ArrayList<>();
            for (int i = 0; i < seatCount; i++) {
                h.add(new ArrayDeque<>());
            }
            history = h;
            hoursSum = new double[seatCount];
            hoursCount = new int[seatCount];
        }
        changedAll();
    }

    @Override
    public void stepPlayed(StepReport report) {
        synchronized (this) {
            if (ended) {
                return;
            }
            last = report;
            schedule = report.schedule();
            for (int s = 0; s < seatCount && s < report.hours().length; s++) {
                ArrayDeque<double[]> h = history.get(s);
                h.addLast(new double[] {report.step(), report.hours()[s], report.income()[s], report.tax()[s],
                        report.rebateUsd(), report.utility()[s]});
                while (h.size() > HISTORY_SHOWN) {
                    h.removeFirst();
                }
                if (bySeat[s] != null) {
                    hoursSum[s] += report.hours()[s];
                    hoursCount[s]++;
                }
            }
        }
        changedAll();
    }

    @Override
    public void runEnded() {
        synchronized (this) {
            runActive = false;
            runFinished = true;
            round = null;
        }
        changedAll();
    }

    @Override
    public Map<Integer, Hours> hours(int step, boolean roundOpens, TaxSchedule current) {
        synchronized (this) {
            schedule = current;
        }
        if (roundOpens) {
            await(RoundKind.HOURS, step, current, List.of(), -1);
        }
        synchronized (this) {
            Map<Integer, Hours> out = new LinkedHashMap<>();
            for (Student s : bySeat) {
                if (s != null) {
                    boolean fresh = roundOpens && s.answeredRound == lastClosedRound && s.answer instanceof Double;
                    out.put(workerOf(s.seat), fresh ? new Hours((Double) s.answer, true) : Hours.KEEP);
                }
            }
            return out;
        }
    }

    @Override
    public Map<Integer, double[]> candidacy(int step, TaxSchedule current) {
        await(RoundKind.CANDIDACY, step, current, List.of(), -1);
        synchronized (this) {
            Map<Integer, double[]> out = new LinkedHashMap<>();
            for (Student s : bySeat) {
                if (s != null) {
                    boolean fresh = s.answeredRound == lastClosedRound && s.answer instanceof double[];
                    out.put(workerOf(s.seat), fresh ? ((double[]) s.answer).clone() : null);
                }
            }
            return out;
        }
    }

    @Override
    public Map<Integer, Integer> ballots(int step, List<Candidate> candidates, TaxSchedule current) {
        await(RoundKind.VOTE, step, current, candidates, -1);
        synchronized (this) {
            Map<Integer, Integer> out = new LinkedHashMap<>();
            for (Student s : bySeat) {
                if (s != null) {
                    boolean fresh = s.answeredRound == lastClosedRound && s.answer instanceof Integer;
                    out.put(workerOf(s.seat), fresh ? (Integer) s.answer : -1);
                }
            }
            return out;
        }
    }

    @Override
    public double[] leaderDeltas(int step, int leaderAgent, TaxSchedule current) {
        int seat;
        synchronized (this) {
            leader = leaderAgent;
            seat = seats == null ? -1 : seats.seatOf(leaderAgent);
            if (seat < 0 || bySeat[seat] == null) {
                return null;
            }
        }
        await(RoundKind.LEADER, step, current, List.of(), seat);
        synchronized (this) {
            Student s = bySeat[seat];
            boolean fresh = s != null && s.answeredRound == lastClosedRound && s.answer instanceof double[];
            return fresh ? ((double[]) s.answer).clone() : null;
        }
    }

    /** Opens a round and waits until it closes (runner thread). */
    private void await(RoundKind kind, int step, TaxSchedule current, List<Candidate> candidates, int leaderSeat) {
        Round r;
        synchronized (this) {
            if (ended || runAborted) {
                lastClosedRound = -1;
                return;
            }
            if (kind == RoundKind.VOTE || kind == RoundKind.LEADER) {
                leader = kind == RoundKind.LEADER ? leader : -1;
            }
            r = new Round(nextRoundId++, kind, step, current, List.copyOf(candidates), leaderSeat,
                    System.nanoTime() + timerSeconds * 1_000_000_000L);
            if (paused) {
                r.remainingWhenPaused = timerSeconds * 1_000_000_000L;
            }
            round = r;
        }
        changedAll();
        try {
            synchronized (this) {
                while (!r.closed) {
                    long now = System.nanoTime();
                    if (ended || runAborted || everyoneAnswered(r, now) || (!paused && now >= r.deadlineNanos)) {
                        r.closed = true;
                        break;
                    }
                    // wake at least every 250 ms: a student's connection may have lapsed without a call
                    long waitNanos = paused ? 250_000_000L : Math.min(250_000_000L, r.deadlineNanos - now);
                    wait(Math.max(1, waitNanos / 1_000_000));
                }
                lastClosedRound = r.id;
                if (round == r) {
                    round = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopException("the class's run was stopped during a round");
        } finally {
            changedAll();
        }
    }

    private boolean everyoneAnswered(Round r, long now) {
        for (Student s : bySeat) {
            if (s == null) {
                continue;
            }
            boolean asked = r.kind != RoundKind.LEADER || s.seat == r.leaderSeat;
            if (asked && connected(s, now) && s.answeredRound != r.id) {
                return false;
            }
        }
        return true;
    }

    /** A page with its event stream open; a client that never opened one counts while it keeps making requests. */
    private static boolean connected(Student s, long now) {
        return !s.streams.isEmpty()
                || !s.streamed && now - s.lastSeenNanos < CONNECTED_GRACE_SECONDS * 1_000_000_000L;
    }

    private boolean answered(Student s) {
        return round != null && !round.closed && s.answeredRound == round.id;
    }

    private int workerOf(int seat) {
        return seats == null || seat >= seats.agents().length ? -1 : seats.agents()[seat];
    }

    private long secondsLeft(Round r, long now) {
        long nanos = paused && r.remainingWhenPaused >= 0 ? r.remainingWhenPaused : r.deadlineNanos - now;
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    // ---------------------------------------------------------------- views and notification

    /** A student's page: their own seat, the schedule, the open round and anonymous class figures. Under the lock. */
    private JsonObject view(Student s) {
        long now = System.nanoTime();
        JsonObject v = new JsonObject();
        v.addProperty("status", ended ? "ended" : runActive ? "running" : runFinished ? "finished" : "waiting");
        v.addProperty("nickname", s.nickname);
        v.addProperty("seat", s.seat);
        v.addProperty("paused", paused);
        v.addProperty("timerSeconds", timerSeconds);
        if (seats != null) {
            v.addProperty("worker", seats.agents()[s.seat]);
            v.addProperty("skill", seats.skills()[s.seat]);
            v.addProperty("steps", seats.steps());
            v.addProperty("taxYearSteps", seats.taxYearSteps());
            v.addProperty("maxHours", seats.maxHours());
            v.addProperty("cadence", seats.hoursEveryStep() ? HumanWorkers.CADENCE_STEP : HumanWorkers.CADENCE_TAX_YEAR);
            v.add("cutoffs", ClassroomRun.array(seats.brackets().cutoffsUsd()));
        }
        TaxSchedule shown = round != null ? round.schedule : schedule;
        if (shown != null) {
            v.add("rates", ClassroomRun.array(shown.ratesPercent()));
        }
        v.addProperty("leader", leader);
        if (last != null && s.seat < last.hours().length) {
            JsonObject l = new JsonObject();
            l.addProperty("step", last.step());
            l.addProperty("hours", last.hours()[s.seat]);
            l.addProperty("income", last.income()[s.seat]);
            l.addProperty("tax", last.tax()[s.seat]);
            l.addProperty("rebate", last.rebateUsd());
            l.addProperty("utility", last.utility()[s.seat]);
            v.add("last", l);
            JsonArray h = new JsonArray();
            for (double[] row : history.get(s.seat)) {
                h.add(ClassroomRun.array(row));
            }
            v.add("history", h);
            // the class's distribution, anonymous: the hours of every seat a student holds, sorted
            List<Double> classHours = new ArrayList<>();
            for (Student o : bySeat) {
                if (o != null && o.seat < last.hours().length) {
                    classHours.add(last.hours()[o.seat]);
                }
            }
            classHours.sort(Double::compare);
            JsonArray ch = new JsonArray();
            classHours.forEach(ch::add);
            v.add("classHours", ch);
            JsonArray eh = new JsonArray();
            for (int c : last.hoursHistogram()) {
                eh.add(c);
            }
            v.add("economyHours", eh);
        }
        if (round != null && !round.closed) {
            JsonObject r = new JsonObject();
            r.addProperty("id", round.id);
            r.addProperty("kind", round.kind.id());
            r.addProperty("step", round.step);
            r.addProperty("secondsLeft", secondsLeft(round, now));
            r.addProperty("answered", s.answeredRound == round.id);
            r.addProperty("brackets", round.schedule.bracketCount());
            if (round.kind == RoundKind.LEADER) {
                r.addProperty("you", round.leaderSeat == s.seat);
            }
            if (s.answeredRound == round.id) {
                if (s.answer instanceof Double d) {
                    r.addProperty("yourHours", d);
                } else if (s.answer instanceof Integer i) {
                    r.addProperty("yourVote", i);
                } else if (s.answer instanceof double[] d) {
                    r.add("yourDeltas", ClassroomRun.array(d));
                }
            }
            if (round.kind == RoundKind.VOTE) {
                JsonArray cs = new JsonArray();
                int me = workerOf(s.seat);
                for (Candidate c : round.candidates) {
                    JsonObject o = new JsonObject();
                    o.addProperty("worker", c.agent());
                    o.add("platform", ClassroomRun.array(c.platformDeltas()));
                    o.addProperty("you", c.agent() == me);
                    cs.add(o);
                }
                r.add("candidates", cs);
            }
            v.add("round", r);
        }
        return v;
    }

    /** Sends every student their new view and tells the teacher. */
    private void changedAll() {
        synchronized (this) {
            for (Student s : bySeat) {
                if (s != null && !s.streams.isEmpty()) {
                    String json = view(s).toString();
                    for (Stream st : s.streams) {
                        st.send(json);
                    }
                }
            }
        }
        changedTeacher();
    }

    private void changed(Student s) {
        synchronized (this) {
            if (!s.streams.isEmpty()) {
                String json = view(s).toString();
                for (Stream st : s.streams) {
                    st.send(json);
                }
            }
        }
        changedTeacher();
    }

    private void changedTeacher() {
        for (Runnable r : teacherListeners) {
            r.run();
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The seat a token holds, or -1 (tests). */
    synchronized int seatOf(String token) {
        Student s = token == null ? null : byToken.get(token);
        return s == null ? -1 : s.seat;
    }
}
