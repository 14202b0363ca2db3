package org.econlab.classroom;

import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.governance.Candidate;

import java.util.List;
import java.util.Map;

/**
 * Where the decisions of workers played by people come from: a live class ({@link ClassSession}, filled by the web
 * server) or the run record of one ({@link RecordedHumanInputs}, for a replay). The human worker and electorate kinds
 * ({@link HumanWorkers}, {@link HumanElectorate}) ask it on the runner thread, between the built-in agents' turns;
 * a live class blocks there until its round closes (everyone answered, the teacher advanced, or the timer ran out).
 *
 * <p>Every map is keyed by agent index and holds exactly the agents that people play at that moment (their seats);
 * the other agents play the scenario's built-in or LLM kind. Hours are per week, rates and deltas in percent.
 * Called on the runner thread only; implementations that are also fed from other threads are thread-safe.
 */
public interface HumanInputs {

    /**
     * One seat's hours for a step.
     *
     * @param hoursPerWeek the hours to play, or NaN to keep the seat's previous hours (nobody answered)
     * @param answered     whether the person chose in this step's round (false: kept from before)
     */
    record Hours(double hoursPerWeek, boolean answered) {
        /** No answer: the seat keeps its previous hours. */
        public static final Hours KEEP = new Hours(Double.NaN, false);
    }

    /**
     * The seats of a run: the agents people may play and what they need to know to play them.
     *
     * @param agents         agent index of each seat, ascending
     * @param skills         each seat's skill v (dollars per hour)
     * @param brackets       the schedule's brackets
     * @param steps          steps in the run
     * @param taxYearSteps   steps per tax year
     * @param maxHours       the most hours a week a worker may choose
     * @param hoursEveryStep whether a round opens every step (false: at each tax-year start)
     */
    record Seats(int[] agents, double[] skills, TaxBrackets brackets, int steps, int taxYearSteps, double maxHours,
                 boolean hoursEveryStep) {
        public Seats {
            agents = agents.clone();
            skills = skills.clone();
        }

        @Override
        public int[] agents() {
            return agents.clone();
        }

        @Override
        public double[] skills() {
            return skills.clone();
        }

        /** The seat of {@code agent}, or -1 when people cannot play it. */
        public int seatOf(int agent) {
            int s = java.util.Arrays.binarySearch(agents, agent);
            return s >= 0 ? s : -1;
        }
    }

    /**
     * What a step did to every seat (whether a person plays it or not), for the students' pages.
     *
     * @param step           the step played
     * @param schedule       the rates of that step
     * @param hours          per seat, hours per week
     * @param income         per seat, pre-tax income z (dollars per year)
     * @param tax            per seat, tax T(z)
     * @param utility        per seat, utility u
     * @param rebateUsd      the equal rebate of the step
     * @param hoursHistogram every worker's hours in 10 equal bins over [0, max hours]: the economy's distribution
     * @param leader         the elected leader (agent index), or -1
     */
    record StepReport(int step, TaxSchedule schedule, double[] hours, double[] income, double[] tax, double[] utility,
                      double rebateUsd, int[] hoursHistogram, int leader) {
    }

    /** A run starts (or restarts) with these seats. */
    void beginRun(Seats seats);

    /**
     * The hours of the seats people play at {@code step}. When {@code roundOpens} (the class's cadence: every step, or
     * each tax-year start) a live class asks its students and waits for the round; otherwise every held seat keeps
     * its hours ({@link Hours#KEEP}).
     */
    Map<Integer, Hours> hours(int step, boolean roundOpens, TaxSchedule schedule);

    /**
     * Who of the people stands in the election held at {@code step}: the platform (one DELTA per bracket) of each held
     * seat that stands, null for a held seat that does not. Asked only in elections with platforms.
     */
    Map<Integer, double[]> candidacy(int step, TaxSchedule current);

    /** The ballots of the held seats: the candidate's agent index, or -1 for no answer (the previous vote stands). */
    Map<Integer, Integer> ballots(int step, List<Candidate> candidates, TaxSchedule current);

    /**
     * The DELTA per bracket of {@code leader}, a seat a person plays, elected without a platform at {@code step}; null
     * when the person did not answer (the rates stay).
     */
    double[] leaderDeltas(int step, int leader, TaxSchedule current);

    /** A step was played; a live class shows it to its students. */
    default void stepPlayed(StepReport report) {
    }

    /** The run ended (completed, stopped or failed). */
    default void runEnded() {
    }
}
