package org.econlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.economy.RateDeltas;
import org.econlab.governance.Candidate;

import java.util.Arrays;
import java.util.List;

/**
 * What students decided, and the rules an answer must meet: the round's kind and id as sent, hours within
 * 0..max hours, a platform or leader's change per bracket from the grid of {@link RateDeltas#GRID}, a vote for one of
 * the candidates. Keeps each seat's latest answer with the round it answered; an answer counts for the runner only if
 * it answered the round that just closed ("fresh"), otherwise the seat keeps its hours, vote or rates.
 *
 * <p>Hours are per week, changes in percentage points. Not thread-safe: the owning {@link ClassSession} calls it under
 * its lock; the parsing methods are pure.
 */
final class Decisions {

    /** A candidacy answer: the student does not stand. */
    static final Object NO_STAND = new Object();

    private final long[] answeredRound;
    private final Object[] answer; // Double hours, double[] deltas, Integer vote or NO_STAND

    Decisions(int seatCount) {
        answeredRound = new long[seatCount];
        answer = new Object[seatCount];
    }

    // ---------------------------------------------------------------- validation (pure)

    /** The round kind of its id ("hours", "candidacy", "vote", "leader"). @throws ClassException 400 for any other */
    static ClassSession.RoundKind kind(String id) {
        for (ClassSession.RoundKind k : ClassSession.RoundKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new ClassException(400, "kind must be hours, candidacy, vote or leader");
    }

    /** The {@code round} field of an answer: a whole number ≥ 0. @throws ClassException 400 otherwise */
    static long roundId(JsonObject body) {
        JsonElement e = body == null ? null : body.get("round");
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new ClassException(400, "round must be a number");
        }
        double round = e.getAsDouble();
        if (round != Math.rint(round) || round < 0 || round > Long.MAX_VALUE / 2) {
            throw new ClassException(400, "round must be a whole number");
        }
        return (long) round;
    }

    /**
     * The answer {@code body} gives to a round.
     *
     * @param brackets   the schedule's bracket count (changes to list)
     * @param maxHours   the most hours a week a worker may choose
     * @param candidates the candidates of a vote
     * @return Double hours, double[] platform or {@link #NO_STAND}, Integer candidate agent, or double[] leader changes
     * @throws ClassException 400 naming the field and the reason
     */
    static Object parse(ClassSession.RoundKind kind, JsonObject body, int brackets, double maxHours,
                        List<Candidate> candidates) {
        switch (kind) {
            case HOURS -> {
                double h = number(body, "hours");
                if (!(h >= 0 && h <= maxHours)) {
                    throw new ClassException(400, "hours must be 0.." + fmt(maxHours));
                }
                return h;
            }
            case CANDIDACY -> {
                if (body == null || !body.has("stand") || !body.get("stand").isJsonPrimitive()
                        || !body.get("stand").getAsJsonPrimitive().isBoolean()) {
                    throw new ClassException(400, "stand must be true or false");
                }
                return body.get("stand").getAsBoolean() ? deltas(body, "platform", brackets) : NO_STAND;
            }
            case VOTE -> {
                double v = number(body, "vote");
                for (Candidate c : candidates) {
                    if (c.agent() == v) {
                        return c.agent();
                    }
                }
                throw new ClassException(400, "vote for one of the candidates");
            }
            case LEADER -> {
                return deltas(body, "deltas", brackets);
            }
            default -> throw new IllegalStateException("unknown round kind " + kind);
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

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // ---------------------------------------------------------------- answers by seat

    /** {@code seat} answered round {@code roundId} with a value {@link #parse} gave (replacing an earlier answer). */
    void record(int seat, long roundId, Object value) {
        answeredRound[seat] = roundId;
        answer[seat] = value;
    }

    /** Whether {@code seat} answered round {@code roundId}. */
    boolean answered(int seat, long roundId) {
        return answeredRound[seat] == roundId;
    }

    /** The seat changed hands or its student left: nothing it answered counts any more. */
    void forget(int seat) {
        answeredRound[seat] = 0;
        answer[seat] = null;
    }

    /** Whether every connected student of {@code students} that round {@code r} asks has answered it. */
    boolean everyoneAnswered(Rounds.Round r, List<SeatRegistry.Student> students, long now) {
        for (SeatRegistry.Student s : students) {
            if (r.asks(s.seat) && s.connected(now) && !answered(s.seat, r.id)) {
                return false;
            }
        }
        return true;
    }

    /** The hours {@code seat} chose in round {@code roundId}, or {@link HumanInputs.Hours#KEEP}. */
    HumanInputs.Hours hours(int seat, long roundId) {
        return answered(seat, roundId) && answer[seat] instanceof Double h ? new HumanInputs.Hours(h, true)
                : HumanInputs.Hours.KEEP;
    }

    /** The platform {@code seat} stands on after round {@code roundId}, or null (does not stand, or no answer). */
    double[] platform(int seat, long roundId) {
        return answered(seat, roundId) && answer[seat] instanceof double[] d ? d.clone() : null;
    }

    /** The candidate {@code seat} voted for in round {@code roundId}, or -1. */
    int vote(int seat, long roundId) {
        return answered(seat, roundId) && answer[seat] instanceof Integer v ? v : -1;
    }

    /** The leader's changes chosen in round {@code roundId}, or null. */
    double[] leaderDeltas(int seat, long roundId) {
        return platform(seat, roundId);
    }

    /** Adds what {@code seat} answered in round {@code roundId} to its page's round: yourHours, yourVote or yourDeltas. */
    void addAnswerTo(JsonObject round, int seat, long roundId) {
        if (!answered(seat, roundId)) {
            return;
        }
        Object a = answer[seat];
        if (a instanceof Double d) {
            round.addProperty("yourHours", d);
        } else if (a instanceof Integer i) {
            round.addProperty("yourVote", i);
        } else if (a instanceof double[] d) {
            round.add("yourDeltas", ClassroomRun.array(d));
        }
    }
}
