package org.econlab.governance;

import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in voters' rule for elections without platforms (paper-model §9, the reference's default): nobody
 * announces what it would do, so a voter can only judge leaders by how it fared under them (retrospective voting,
 * Key 1966; Fiorina 1981).
 * <ul>
 *   <li>Record: for every worker who has led, the voter's mean utility u over that leader's latest term (the steps
 *       from its election to the next).</li>
 *   <li>The challenger: at every election one worker who has never led, drawn uniformly with the seed (purpose
 *       VOTING, draw 1), is on every voter's mind; when everybody has led, one who is not the incumbent. A voter
 *       expects an untried leader to be an average one: the challenger is valued at the voter's mean utility over
 *       every step since the first election. Other never-tried workers are not considered.</li>
 *   <li>Ballot: the highest-valued of the past leaders and the challenger; ties go to the incumbent, then to the
 *       challenger, then to the lower index. At step 0 nobody has a record: every voter votes for the challenger.</li>
 * </ul>
 * So the incumbent is re-elected by the voters for whom its last term was at least as good as their average so far
 * and as every other leader they have lived under; the others vote for the best past leader or the challenger.
 * The platform election differs: there every worker predicts the outcome of each announced DELTA (rational
 * expectations) and votes prospectively; here voters know nothing about the future and only look back.
 *
 * <p>Memory: one float per voter per distinct past leader. Runner thread only.
 */
final class RetrospectiveVoting {

    private final int n;
    private final long seed;
    private final double[] termSum;
    private int termSteps;
    private final double[] allSum;
    private int allSteps;
    private final Map<Integer, float[]> records = new HashMap<>();
    private final List<Integer> everLed = new ArrayList<>();
    private int leader = -1;
    private int preparedStep = Integer.MIN_VALUE;
    private int challenger = -1;

    RetrospectiveVoting(int n, long seed) {
        this.n = n;
        this.seed = seed;
        this.termSum = new double[n];
        this.allSum = new double[n];
    }

    /** Adds a step's utilities to the running term (no-op before the first election). */
    void observe(double[] utility) {
        if (leader < 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            termSum[i] += utility[i];
            allSum[i] += utility[i];
        }
        termSteps++;
        allSteps++;
    }

    /** Closes the incumbent's term and draws the challenger; once per election. */
    private void prepare(int step, int incumbent) {
        if (step == preparedStep) {
            return;
        }
        preparedStep = step;
        if (leader >= 0 && termSteps > 0) {
            float[] r = records.computeIfAbsent(leader, x -> new float[n]);
            for (int i = 0; i < n; i++) {
                r[i] = (float) (termSum[i] / termSteps);
            }
        }
        Arrays.fill(termSum, 0);
        termSteps = 0;
        List<Integer> pool = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (!records.containsKey(a) && a != incumbent) {
                pool.add(a);
            }
        }
        if (pool.isEmpty()) {
            for (int a = 0; a < n; a++) {
                if (a != incumbent) {
                    pool.add(a);
                }
            }
        }
        challenger = pool.isEmpty() ? incumbent
                : pool.get((int) (RandomStreams.uniform(seed, Purpose.VOTING, 0, step, 1) * pool.size()));
    }

    /** The challenger of the election at {@code step} (for reports and tests). */
    int challenger(int step, int incumbent) {
        prepare(step, incumbent);
        return challenger;
    }

    /** Voter {@code i}'s ballot at the election of {@code step}. */
    int ballot(int i, int step, int incumbent) {
        prepare(step, incumbent);
        double average = allSteps == 0 ? Double.NEGATIVE_INFINITY : allSum[i] / allSteps;
        int best = challenger;
        double bestValue = allSteps == 0 ? Double.NEGATIVE_INFINITY : average;
        if (incumbent >= 0 && records.containsKey(incumbent)) {
            double v = records.get(incumbent)[i];
            if (v >= bestValue) {
                best = incumbent;
                bestValue = v;
            }
        }
        List<Integer> known = new ArrayList<>(records.keySet());
        known.sort(null);
        for (int j : known) {
            if (j == incumbent) {
                continue;
            }
            double v = records.get(j)[i];
            if (v > bestValue) {
                best = j;
                bestValue = v;
            }
        }
        return best;
    }

    /** The leader elected at this election starts its term. */
    void elected(int newLeader) {
        leader = newLeader;
        if (!everLed.contains(newLeader)) {
            everLed.add(newLeader);
        }
    }
}
