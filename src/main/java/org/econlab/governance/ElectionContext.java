package org.econlab.governance;

import org.econlab.agents.StepContext;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

/**
 * What voters, candidates and the leader may know at an election (a tax-year start): the step, the
 * rates in force, the population's traits and the previous step's outcome (incomes, utilities, rebate
 * in {@code lastStep}). Read-only by convention: nobody may write to {@code lastStep}.
 *
 * @param step          the step the election is held at
 * @param current       the marginal rates in force before the election
 * @param population    the workers' traits
 * @param lastStep      the previous step's worker columns
 * @param currentLeader the leader before this election, or -1
 */
public record ElectionContext(StepContext step, TaxSchedule current, Population population, WorkerState lastStep,
                              int currentLeader) {
}
