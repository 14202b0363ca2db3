package org.econlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.econlab.economy.TaxSchedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What the run has done to the class's seats so far, as the students' pages and the teacher's reveal show it: the last
 * step played, each seat's recent history, the rates in force and the leader, and each seat's mean hours while a
 * student held it. In memory only and never written (the run record is written by the run's own listeners); forgotten
 * when the class ends.
 *
 * <p>History rows are {@code {step, hours per week, income, tax, rebate, utility}} (dollars a year), the last
 * {@value #HISTORY_SHOWN} steps per seat. Not thread-safe: the owning {@link ClassSession} calls it under its lock.
 */
final class SeatRecord {

    /** Steps of a seat's own history sent to its page. */
    static final int HISTORY_SHOWN = 100;

    private final int seatCount;
    private HumanInputs.StepReport last;
    private TaxSchedule schedule;
    private int leader = -1;
    private List<ArrayDeque<double[]>> history = List.of();
    private double[] hoursSum = new double[0];
    private int[] hoursCount = new int[0];

    SeatRecord(int seatCount) {
        this.seatCount = seatCount;
    }

    /** A run begins: nothing played yet, no rates shown, no leader. */
    void beginRun() {
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

    /**
     * A step was played: it becomes the last one, every seat's history grows (the oldest row beyond
     * {@value #HISTORY_SHOWN} dropped), and the seats {@code held} by a student count towards their mean hours.
     */
    void stepPlayed(HumanInputs.StepReport report, IntPredicate held) {
        last = report;
        schedule = report.schedule();
        for (int s = 0; s < seatCount && s < report.hours().length && s < history.size(); s++) {
            ArrayDeque<double[]> h = history.get(s);
            h.addLast(new double[] {report.step(), report.hours()[s], report.income()[s], report.tax()[s],
                    report.rebateUsd(), report.utility()[s]});
            while (h.size() > HISTORY_SHOWN) {
                h.removeFirst();
            }
            if (held.test(s)) {
                hoursSum[s] += report.hours()[s];
                hoursCount[s]++;
            }
        }
    }

    /** The class ended: the steps and histories are forgotten. */
    void forget() {
        history = List.of();
        last = null;
    }

    /** The rates in force as the runner last said, or null before the first. */
    TaxSchedule schedule() {
        return schedule;
    }

    void setSchedule(TaxSchedule current) {
        schedule = current;
    }

    /** The elected leader's agent index, or -1. */
    int leader() {
        return leader;
    }

    void setLeader(int agent) {
        leader = agent;
    }

    /** The last step played, or null. */
    HumanInputs.StepReport last() {
        return last;
    }

    /** Mean hours per week of {@code seat} over the steps a student held it, or NaN. */
    double meanHours(int seat) {
        return seat < hoursCount.length && hoursCount[seat] > 0 ? hoursSum[seat] / hoursCount[seat] : Double.NaN;
    }

    /** The utility of {@code seat} in the last step, or NaN. */
    double lastUtility(int seat) {
        return last == null || seat >= last.utility().length ? Double.NaN : last.utility()[seat];
    }

    /**
     * Adds to a student's page what the last step did to {@code seat} ({@code last}), its history, the class's hours
     * (the seats {@code held}, sorted, anonymous) and the economy's histogram ({@code economyHours}); nothing before
     * the first step.
     */
    void addTo(JsonObject page, int seat, IntPredicate held) {
        if (last == null || seat >= last.hours().length) {
            return;
        }
        JsonObject l = new JsonObject();
        l.addProperty("step", last.step());
        l.addProperty("hours", last.hours()[seat]);
        l.addProperty("income", last.income()[seat]);
        l.addProperty("tax", last.tax()[seat]);
        l.addProperty("rebate", last.rebateUsd());
        l.addProperty("utility", last.utility()[seat]);
        page.add("last", l);
        JsonArray h = new JsonArray();
        for (double[] row : history.get(seat)) {
            h.add(ClassroomRun.array(row));
        }
        page.add("history", h);
        List<Double> classHours = new ArrayList<>();
        for (int o = 0; o < seatCount && o < last.hours().length; o++) {
            if (held.test(o)) {
                classHours.add(last.hours()[o]);
            }
        }
        classHours.sort(Double::compare);
        JsonArray ch = new JsonArray();
        classHours.forEach(ch::add);
        page.add("classHours", ch);
        JsonArray eh = new JsonArray();
        for (int c : last.hoursHistogram()) {
            eh.add(c);
        }
        page.add("economyHours", eh);
    }
}
