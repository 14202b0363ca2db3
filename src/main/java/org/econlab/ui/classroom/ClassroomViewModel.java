package org.econlab.ui.classroom;

import org.econlab.ui.run.RunDecorator;
import org.econlab.ui.widgets.Numbers;
import org.econlab.ui.run.RunViewModel;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.econlab.agents.RunContext;
import org.econlab.classroom.ClassScenario;
import org.econlab.classroom.ClassServer;
import org.econlab.classroom.ClassSession;
import org.econlab.classroom.HumanInputs;
import org.econlab.classroom.HumanWorkers;
import org.econlab.errors.ErrorPolicy;
import org.econlab.simulation.Scenario;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The teacher's side of a class (MVVM): starts and ends the class's web server, makes the window's runs class runs
 * while it is on (some workers become seats for students, {@link ClassScenario}), and exposes the students, the open
 * round and the teacher's commands (pause the round's timer, advance, kick, reveal who was who). Off until
 * {@link #start}. FX thread only; the class's own threads reach it through {@link Platform#runLater}, coalesced.
 */
public final class ClassroomViewModel {

    /** A row of the students' table; {@code seat} from 0 (shown from 1). */
    public record Row(int seat, String nickname, String connected, String answered, String worker, String skill,
                      String meanHours, String utility) {
    }

    private final RunViewModel run;
    private final ObservableList<Row> students = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper qrText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper joinCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper roundText = new ReadOnlyStringWrapper("");
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private ClassSession session;
    private ClassServer server;
    private String prompt;

    public ClassroomViewModel(RunViewModel run) {
        this.run = run;
        run.events().onReset(s -> {
            if (session != null) {
                session.abortRun(); // the stopped run must not wait for answers
            }
        });
    }

    public ObservableList<Row> students() {
        return students;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The address students open, e.g. {@code http://192.168.1.20:8080/}. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** What the QR code holds: the address with the join code in its fragment. */
    public ReadOnlyStringProperty qrTextProperty() {
        return qrText.getReadOnlyProperty();
    }

    /** The QR code of {@code text} as dark (true) and light modules with a quiet zone of 2, row by row; none for "". */
    public static boolean[][] qrModules(String text) {
        return text == null || text.isEmpty() ? new boolean[0][] : org.econlab.classroom.QrCode.modules(text, 2);
    }

    public ReadOnlyStringProperty joinCodeProperty() {
        return joinCode.getReadOnlyProperty();
    }

    /** The open round and who answered, e.g. "hours, step 12, 18 s left: 14 of 20 answered". */
    public ReadOnlyStringProperty roundTextProperty() {
        return roundText.getReadOnlyProperty();
    }

    /** The scenario's number of workers: the most seats a class can have. */
    public int maxSeats() {
        return run.scenarioProperty().get().population().agents();
    }

    /** The addresses a class may be served on. */
    public List<ClassServer.Address> addresses() {
        return ClassServer.addresses();
    }

    /**
     * Starts the class: serves the student page on {@code bind}:{@code port} and makes the next run a class run with
     * {@code seats} seats, students choosing hours every step ({@code everyStep}) or each tax year, with a timer of
     * {@code timerSeconds} per round. The current run is reset (a class starts a fresh run).
     *
     * @return null when started, else the one-line reason it could not start
     */
    /**
     * What starting a class would throw away, in words ("the run in progress (step 193 of 2,500)"), or null when no
     * run has steps yet.
     */
    public String startWouldDiscard() {
        int done = run.stepsDoneProperty().get();
        return done <= 0 ? null : String.format(java.util.Locale.ROOT, "the run in progress (step %,d of %,d)", done,
                run.scenarioProperty().get().steps());
    }

    public String start(InetAddress bind, int port, int seats, boolean everyStep, int timerSeconds) {
        if (active.get()) {
            return "a class is already running";
        }
        Scenario current = run.scenarioProperty().get();
        int n = Math.min(seats, current.population().agents());
        String cadence = everyStep ? HumanWorkers.CADENCE_STEP : HumanWorkers.CADENCE_TAX_YEAR;
        try {
            ClassScenario.of(current, n, cadence); // refused here, not when the run is built
            ClassSession s = new ClassSession(n, timerSeconds);
            server = ClassServer.start(s, bind, port);
            session = s;
        } catch (RuntimeException e) {
            return ErrorPolicy.classify(e).line();
        }
        ClassSession s = session;
        s.onChange(this::refreshLater);
        applyPrompt();
        run.setRunDecorator(new RunDecorator() {
            @Override
            public Scenario scenario(Scenario edited) {
                return ClassScenario.of(edited, n, cadence);
            }

            @Override
            public void context(RunContext context) {
                context.with(HumanInputs.class, s);
            }
        });
        run.reset();
        address.set(server.url().toString());
        qrText.set(server.urlWithCode().toString());
        joinCode.set(s.joinCode());
        revealed.set(false);
        paused.set(false);
        active.set(true);
        refresh();
        return null;
    }

    /**
     * The prompt every student's page shows above its decision controls while a class is live (e.g. a lesson step's
     * question), kept for a class started later; null clears it. Longer texts are cut to
     * {@value ClassSession#MAX_PROMPT} characters.
     */
    public void setPrompt(String text) {
        prompt = text == null || text.length() <= ClassSession.MAX_PROMPT ? text
                : text.substring(0, ClassSession.MAX_PROMPT - 1) + "…";
        applyPrompt();
    }

    /** The prompt set for the class, or null. */
    public String prompt() {
        return prompt;
    }

    private void applyPrompt() {
        if (session != null) {
            try {
                session.setPrompt(prompt);
            } catch (RuntimeException e) {
                session.setPrompt(null); // a text the pages cannot show is not shown
            }
        }
    }

    /** Ends the class: the server stops, every student's page is told, nicknames are forgotten. */
    public void end() {
        if (!active.get()) {
            return;
        }
        run.setRunDecorator(null);
        server.close();
        server = null;
        session = null;
        active.set(false);
        revealed.set(false);
        students.clear();
        address.set("");
        qrText.set("");
        joinCode.set("");
        roundText.set("");
    }

    /** Pauses the open round's timer and the run; resuming plays on if the run was playing. */
    public void pause(boolean pause) {
        if (session == null) {
            return;
        }
        session.pause(pause);
        paused.set(pause);
        if (pause) {
            playingBeforePause = run.runningProperty().get();
            run.pause();
        } else if (playingBeforePause) {
            run.play();
        }
    }

    private boolean playingBeforePause;

    /** Closes the open round now. */
    public void advance() {
        if (session != null) {
            session.advance();
        }
    }

    public void kick(Row row) {
        if (session != null && row != null) {
            session.kick(row.seat());
        }
    }

    /** Shows (or hides) who was who: each student's worker, skill, mean hours and last utility. */
    public void reveal(boolean show) {
        revealed.set(show);
        refresh();
    }

    private void refreshLater() {
        if (refreshQueued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    /** Reads the class again (also called every half second by the view, for the timer). */
    public void refresh() {
        ClassSession s = session;
        if (s == null) {
            return;
        }
        List<ClassSession.StudentRow> rows = s.students();
        Map<String, ClassSession.Reveal> reveal = revealed.get()
                ? s.reveal().stream().collect(Collectors.toMap(ClassSession.Reveal::nickname, r -> r)) : Map.of();
        List<Row> out = rows.stream().map(r -> {
            ClassSession.Reveal v = reveal.get(r.nickname());
            return new Row(r.seat(), r.nickname(), r.connected() ? "●" : "○", r.answered() ? "✓" : "",
                    v == null ? "" : v.worker() < 0 ? "–" : String.valueOf(v.worker()),
                    v == null || Double.isNaN(v.skill()) ? "" : Numbers.shortMoney(v.skill()),
                    v == null || Double.isNaN(v.meanHours()) ? "" : String.format(Locale.ROOT, "%.1f", v.meanHours()),
                    v == null || Double.isNaN(v.lastUtility()) ? "" : Numbers.shortMoney(v.lastUtility()));
        }).toList();
        if (!out.equals(students)) {
            students.setAll(out);
        }
        long answered = rows.stream().filter(ClassSession.StudentRow::answered).count();
        String round = s.roundLabel();
        roundText.set(rows.isEmpty() ? "Waiting for students to join (" + s.seatCount() + " seats)"
                : round.isEmpty() ? rows.size() + " of " + s.seatCount() + " seats taken; no round open"
                : "Round: " + round + " — " + answered + " of " + rows.size() + " answered");
        paused.set(s.paused());
    }

    /** The live session, or null (tests). */
    public ClassSession session() {
        return session;
    }
}
