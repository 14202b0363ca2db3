package org.econlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;

/**
 * A student's page as JSON: their own seat and worker, the rates, the teacher's prompt, the open round (with their own
 * answer), their history and the class's anonymous figures. Never another student's nickname or answer.
 *
 * <p>Fields: {@code status} (waiting, running, finished, ended), {@code nickname}, {@code seat}, {@code paused},
 * {@code timerSeconds}; once a run began {@code worker}, {@code skill}, {@code steps}, {@code taxYearSteps},
 * {@code maxHours}, {@code cadence}, {@code cutoffs}; {@code rates} (percent), {@code leader} (agent or -1),
 * {@code prompt} (only while the teacher set one); after a step {@code last}, {@code history}, {@code classHours},
 * {@code economyHours}; while a round is open {@code round}. Built under the owning {@link ClassSession}'s lock.
 */
final class StudentPage {

    private final SeatRegistry registry;
    private final Rounds rounds;
    private final Decisions decisions;
    private final SeatRecord record;

    StudentPage(SeatRegistry registry, Rounds rounds, Decisions decisions, SeatRecord record) {
        this.registry = registry;
        this.rounds = rounds;
        this.decisions = decisions;
        this.record = record;
    }

    /**
     * @param status the class's status word
     * @param seats  the run's seats, or null before the first run
     * @param prompt the teacher's prompt for the class, or null
     */
    JsonObject of(SeatRegistry.Student s, String status, HumanInputs.Seats seats, String prompt) {
        JsonObject v = new JsonObject();
        v.addProperty("status", status);
        v.addProperty("nickname", s.nickname);
        v.addProperty("seat", s.seat);
        v.addProperty("paused", rounds.paused());
        v.addProperty("timerSeconds", rounds.timerSeconds());
        if (seats != null) {
            v.addProperty("worker", seats.agents()[s.seat]);
            v.addProperty("skill", seats.skills()[s.seat]);
            v.addProperty("steps", seats.steps());
            v.addProperty("taxYearSteps", seats.taxYearSteps());
            v.addProperty("maxHours", seats.maxHours());
            v.addProperty("cadence", seats.hoursEveryStep() ? HumanWorkers.CADENCE_STEP : HumanWorkers.CADENCE_TAX_YEAR);
            v.add("cutoffs", ClassroomRun.array(seats.brackets().cutoffsUsd()));
        }
        Rounds.Round current = rounds.current();
        TaxSchedule shown = current != null ? current.schedule : record.schedule();
        if (shown != null) {
            v.add("rates", ClassroomRun.array(shown.ratesPercent()));
        }
        v.addProperty("leader", record.leader());
        if (prompt != null) {
            v.addProperty("prompt", prompt);
        }
        record.addTo(v, s.seat, seat -> registry.at(seat) != null);
        Rounds.Round open = rounds.open();
        if (open != null) {
            v.add("round", round(open, s, seats));
        }
        return v;
    }

    private JsonObject round(Rounds.Round open, SeatRegistry.Student s, HumanInputs.Seats seats) {
        JsonObject r = new JsonObject();
        r.addProperty("id", open.id);
        r.addProperty("kind", open.kind.id());
        r.addProperty("step", open.step);
        r.addProperty("secondsLeft", rounds.secondsLeft(open));
        r.addProperty("answered", decisions.answered(s.seat, open.id));
        r.addProperty("brackets", open.schedule.bracketCount());
        if (open.kind == ClassSession.RoundKind.LEADER) {
            r.addProperty("you", open.leaderSeat == s.seat);
        }
        decisions.addAnswerTo(r, s.seat, open.id);
        if (open.kind == ClassSession.RoundKind.VOTE) {
            JsonArray cs = new JsonArray();
            int me = seats == null || s.seat >= seats.agents().length ? -1 : seats.agents()[s.seat];
            for (Candidate c : open.candidates) {
                JsonObject o = new JsonObject();
                o.addProperty("worker", c.agent());
                o.add("platform", ClassroomRun.array(c.platformDeltas()));
                o.addProperty("you", c.agent() == me);
                cs.add(o);
            }
            r.add("candidates", cs);
        }
        return r;
    }
}
