package org.econlab.classroom;

import com.google.gson.JsonObject;

import org.econlab.agents.RunStopException;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A live class: students who joined from a browser with the join code and a nickname, each holding one seat (a worker
 * of the run), and the rounds in which they decide. The web server ({@link ClassServer}) feeds it; the run's human
 * kinds read it as their {@link HumanInputs} and wait on the runner thread while a round is open; the teacher's panel
 * lists the students, sets a prompt for the class, and pauses, advances, kicks, reveals and ends.
 *
 * <p>A facade over four parts, each with its own rules and test: the {@link SeatRegistry} (join code, seats, tokens,
 * event streams, who is connected), the {@link Rounds} (the open round, its timer and the pause), the {@link Decisions}
 * (answer rules and each seat's answer) and the {@link SeatRecord} (what the run did to each seat); {@link StudentPage}
 * builds a student's page from them. A round closes when every connected student it asks has answered, when the
 * teacher advances, or when its timer runs out (never while paused); a seat whose student did not answer keeps its
 * previous hours (or vote); a disconnected student's seat is not waited for, but stays theirs.
 *
 * <p>Privacy: the only personal datum is the nickname, kept in memory for the teacher and never written anywhere (the
 * run record names agents, not students); a student's view holds their own seat and anonymous aggregates only.
 * {@link #end()} forgets everything.
 *
 * <p>Thread-safe: one lock (this object) guards every part; views for students are built under it and handed to their
 * event streams (latest wins); teacher listeners are called after the lock is released, on the calling thread.
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

    public static final int MIN_TIMER_SECONDS = Rounds.MIN_TIMER_SECONDS;
    public static final int MAX_TIMER_SECONDS = Rounds.MAX_TIMER_SECONDS;
    public static final int MAX_NICKNAME = SeatRegistry.MAX_NICKNAME;
    /** The longest prompt for the class, in characters. */
    public static final int MAX_PROMPT = ClassPrompt.MAX_LENGTH;

    /** One student's row in the teacher's list. */
    public record StudentRow(int seat, String nickname, int worker, boolean connected, boolean answered) {
    }

    /** Who was who, shown when the teacher reveals it. */
    public record Reveal(String nickname, int worker, double skill, double meanHours, double lastUtility) {
    }

    /** A joined seat: the token the browser keeps, and which seat it holds. */
    public record Joined(String token, int seat) {
    }

    private final CopyOnWriteArrayList<Runnable> teacherListeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private final SeatRegistry registry;
    private final Rounds rounds;
    private final Decisions decisions;
    private final SeatRecord record;
    private final StudentPage pages;
    private final ClassPhase phase;
    private String prompt;

    /**
     * @param seatCount    seats students can take, 1..10000 (the run's {@code human} workers must have as many)
     * @param timerSeconds how long a round stays open at most, {@value #MIN_TIMER_SECONDS}..{@value #MAX_TIMER_SECONDS}
     */
    public ClassSession(int seatCount, int timerSeconds) {
        this.registry = new SeatRegistry(seatCount, new SecureRandom());
        this.rounds = new Rounds(timerSeconds, System::nanoTime);
        this.phase = new ClassPhase(seatCount);
        this.decisions = new Decisions(seatCount);
        this.record = new SeatRecord(seatCount);
        this.pages = new StudentPage(registry, rounds, decisions, record);
    }

    /** The code students type to join: six letters and digits, none that look alike. */
    public String joinCode() {
        return registry.joinCode();
    }

    public int seatCount() {
        return registry.seatCount();
    }

    public synchronized int timerSeconds() {
        return rounds.timerSeconds();
    }

    /** Changes the timer from the next round on. */
    public void setTimerSeconds(int s) {
        change(() -> rounds.setTimerSeconds(s));
    }

    /** Calls {@code listener} (on the thread that changed the class) whenever students, answers or rounds change. */
    public void onChange(Runnable listener) {
        teacherListeners.add(Objects.requireNonNull(listener));
    }

    // ---------------------------------------------------------------- students (web server threads)

    /**
     * Joins the class, or rejoins with the browser's token (the same seat again); the rules are {@link SeatRegistry}'s.
     *
     * @param remote        the request's remote address, for limiting wrong join codes (never stored)
     * @param existingToken the browser's seat token, or null
     * @throws ClassException 429 too many attempts, 403 wrong code, 400 bad nickname, 409 nickname taken or class full,
     *                        410 class ended
     */
    public Joined join(String remote, String code, String nickname, String existingToken) {
        long now = rounds.now();
        String from = remote == null ? "?" : remote;
        registry.checkJoinRate(from, now);
        Joined joined;
        synchronized (this) {
            if (phase.ended()) {
                throw new ClassException(410, "this class has ended");
            }
            SeatRegistry.Student again = registry.rejoin(existingToken, now);
            if (again != null) {
                return new Joined(again.token, again.seat);
            }
            SeatRegistry.Student s = registry.join(from, code, nickname, now);
            decisions.forget(s.seat);
            joined = new Joined(s.token, s.seat);
        }
        changedAll();
        return joined;
    }

    /** The student's page as JSON text (see {@link StudentPage}). @throws ClassException 401 unknown token, 429 */
    public synchronized String view(String token) {
        return page(registry.authorised(token, phase.ended(), rounds.now())).toString();
    }

    /**
     * Attaches an event stream to the seat of {@code token} (at most two per seat: a third closes the oldest) and
     * sends it the current view. Returns a handle that detaches it.
     */
    Runnable subscribe(String token, PageStream stream) {
        synchronized (this) {
            SeatRegistry.Student s = registry.authorised(token, phase.ended(), rounds.now());
            registry.attach(s, stream);
            stream.send(page(s).toString());
        }
        changedTeacher();
        return () -> {
            synchronized (this) {
                registry.detach(token, stream);
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
        SeatRegistry.Student s;
        synchronized (this) {
            s = registry.authorised(token, phase.ended(), rounds.now());
            Rounds.Round r = rounds.open();
            if (r == null || r.id != roundId || r.kind != kind) {
                throw new ClassException(409, "that round is closed");
            }
            if (phase.seats() == null) {
                throw new ClassException(409, "the run has not started");
            }
            if (!r.asks(s.seat)) {
                throw new ClassException(403, "only the leader chooses the new rates");
            }
            Object value = Decisions.parse(r.kind, body, r.schedule.bracketCount(), phase.seats().maxHours(),
                    r.candidates);
            decisions.record(s.seat, r.id, value);
            notifyAll();
            send(s);
        }
        changedTeacher();
    }

    /** The student gives up the seat (their page's Leave button); the token is revoked. */
    public void leave(String token) {
        change(() -> remove(registry.holder(token, phase.ended()), "you left the class"));
    }

    private void remove(SeatRegistry.Student s, String why) {
        registry.remove(s, why);
        decisions.forget(s.seat);
        notifyAll();
    }

    // ---------------------------------------------------------------- the teacher (FX thread)

    /** Connected students and whether they answered the open round, by seat. */
    public synchronized List<StudentRow> students() {
        List<StudentRow> out = new ArrayList<>();
        long now = rounds.now();
        Rounds.Round open = rounds.open();
        for (SeatRegistry.Student s : registry.students()) {
            boolean answered = open != null && decisions.answered(s.seat, open.id);
            out.add(new StudentRow(s.seat, s.nickname, phase.workerOf(s.seat), s.connected(now), answered));
        }
        return out;
    }

    /** The open round's kind and step, e.g. "hours, step 12, 20 s left", or "" between rounds. */
    public synchronized String roundLabel() {
        return rounds.label();
    }

    public synchronized boolean paused() {
        return rounds.paused();
    }

    /** Pauses (or resumes) the open round's timer; students may still answer, the round waits for the teacher. */
    public void pause(boolean pause) {
        synchronized (this) {
            if (!rounds.pause(pause)) {
                return;
            }
            notifyAll();
        }
        changedAll();
    }

    /** Closes the open round now: those who did not answer keep their hours (or vote). */
    public void advance() {
        change(rounds::closeCurrent);
    }

    /** Removes the student on {@code seat}: their token stops working and the seat is free again. */
    public void kick(int seat) {
        synchronized (this) {
            SeatRegistry.Student s = registry.at(seat);
            if (s == null) {
                return;
            }
            remove(s, "the teacher removed you from the class");
        }
        changedAll();
    }

    /**
     * Sets the prompt for the class: a short text every student's page shows above its decision controls (e.g. the
     * question of the lesson's current step), until it is changed or cleared. Leading and trailing spaces are dropped.
     *
     * @param text at most {@value #MAX_PROMPT} characters without control characters (line breaks allowed), or null
     *             or blank for none
     * @throws InvalidInputException naming {@code prompt} when the text is too long or holds control characters
     */
    public void setPrompt(String text) {
        String p = ClassPrompt.normalize(text);
        synchronized (this) {
            if (phase.ended() || Objects.equals(prompt, p)) {
                return;
            }
            prompt = p;
        }
        changedAll();
    }

    /** The prompt students see, or null for none. */
    public synchronized String prompt() {
        return prompt;
    }

    /** Who was who: every student's nickname beside their worker, skill, mean hours and last utility. */
    public synchronized List<Reveal> reveal() {
        List<Reveal> out = new ArrayList<>();
        for (SeatRegistry.Student s : registry.students()) {
            out.add(new Reveal(s.nickname, phase.workerOf(s.seat), phase.skillOf(s.seat), record.meanHours(s.seat),
                    record.lastUtility(s.seat)));
        }
        return out;
    }

    /** Ends the class: every token is revoked, every page told, nicknames and histories forgotten; a waiting round closes. */
    public void end() {
        synchronized (this) {
            if (!phase.end()) {
                return;
            }
            for (SeatRegistry.Student s : registry.students()) {
                remove(s, "the class has ended");
            }
            rounds.closeCurrent();
            record.forget();
            prompt = null;
            notifyAll();
        }
        changedTeacher();
    }

    /**
     * The teacher reset or stopped the run: the open round closes and later rounds of this run close at once (nobody
     * waits for answers any more), until the next run begins.
     */
    public void abortRun() {
        change(() -> {
            phase.abortRun();
            rounds.closeCurrent();
        });
    }

    public synchronized boolean ended() {
        return phase.ended();
    }

    // ---------------------------------------------------------------- the run (runner thread)

    @Override
    public void beginRun(Seats s) {
        synchronized (this) {
            phase.beginRun(s);
            record.beginRun();
        }
        changedAll();
    }

    @Override
    public void stepPlayed(StepReport report) {
        synchronized (this) {
            if (phase.ended()) {
                return;
            }
            record.stepPlayed(report, seat -> registry.at(seat) != null);
        }
        changedAll();
    }

    @Override
    public void runEnded() {
        change(() -> {
            phase.runEnded();
            rounds.clear();
        });
    }

    @Override
    public Map<Integer, Hours> hours(int step, boolean roundOpens, TaxSchedule current) {
        synchronized (this) {
            record.setSchedule(current);
        }
        if (roundOpens) {
            await(RoundKind.HOURS, step, current, List.of(), -1);
        }
        return bySeat((seat, closed) -> roundOpens ? decisions.hours(seat, closed) : Hours.KEEP);
    }

    @Override
    public Map<Integer, double[]> candidacy(int step, TaxSchedule current) {
        await(RoundKind.CANDIDACY, step, current, List.of(), -1);
        return bySeat(decisions::platform);
    }

    @Override
    public Map<Integer, Integer> ballots(int step, List<Candidate> candidates, TaxSchedule current) {
        await(RoundKind.VOTE, step, current, candidates, -1);
        return bySeat(decisions::vote);
    }

    /** What each held seat answered in the round closed last, by the agent it plays, in seat order. */
    private synchronized <T> Map<Integer, T> bySeat(BiFunction<Integer, Long, T> answerIn) {
        Map<Integer, T> out = new LinkedHashMap<>();
        long closed = rounds.lastClosed();
        for (SeatRegistry.Student s : registry.students()) {
            out.put(phase.workerOf(s.seat), answerIn.apply(s.seat, closed));
        }
        return out;
    }

    @Override
    public double[] leaderDeltas(int step, int leaderAgent, TaxSchedule current) {
        int seat;
        synchronized (this) {
            record.setLeader(leaderAgent);
            seat = phase.seats() == null ? -1 : phase.seats().seatOf(leaderAgent);
            if (registry.at(seat) == null) {
                return null;
            }
        }
        await(RoundKind.LEADER, step, current, List.of(), seat);
        synchronized (this) {
            return registry.at(seat) == null ? null : decisions.leaderDeltas(seat, rounds.lastClosed());
        }
    }

    /** Opens a round and waits until it closes (runner thread). */
    private void await(RoundKind kind, int step, TaxSchedule current, List<Candidate> candidates, int leaderSeat) {
        Rounds.Round r;
        synchronized (this) {
            if (phase.roundsClose()) {
                rounds.skipped();
                return;
            }
            if (kind == RoundKind.VOTE) {
                record.setLeader(-1);
            }
            r = rounds.open(kind, step, current, candidates, leaderSeat);
        }
        changedAll();
        try {
            synchronized (this) {
                rounds.await(r, this, now -> phase.roundsClose() || decisions.everyoneAnswered(r, registry.students(), now));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopException("the class's run was stopped during a round");
        } finally {
            changedAll();
        }
    }

    private JsonObject page(SeatRegistry.Student s) {
        return pages.of(s, phase.status(), phase.seats(), prompt);
    }

    // ---------------------------------------------------------------- notification

    /** Runs {@code underLock} under the lock, wakes a waiting round, then sends every page and tells the teacher. */
    private void change(Runnable underLock) {
        synchronized (this) {
            underLock.run();
            notifyAll();
        }
        changedAll();
    }

    /** Sends every student their new view and tells the teacher. */
    private void changedAll() {
        synchronized (this) {
            for (SeatRegistry.Student s : registry.students()) {
                send(s);
            }
        }
        changedTeacher();
    }

    private void send(SeatRegistry.Student s) {
        if (!s.streams.isEmpty()) {
            String json = page(s).toString();
            for (PageStream st : s.streams) {
                st.send(json);
            }
        }
    }

    private void changedTeacher() {
        for (Runnable r : teacherListeners) {
            r.run();
        }
    }

    /** The seat a token holds, or -1 (tests). */
    synchronized int seatOf(String token) {
        return registry.seatOf(token);
    }
}
