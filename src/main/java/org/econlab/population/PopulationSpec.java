package org.econlab.population;

import org.econlab.economy.SkillPrior;

/**
 * How to build a population: its size, the skill prior, whether workers get census personas, and the
 * utility-type mix. Immutable.
 *
 * @param agents   number of workers N, at least 1
 * @param prior    where skills come from
 * @param personas whether to sample occupation x sex x age personas from {@code census}
 * @param census   the persona table (used only when {@code personas})
 * @param mix      utility-type percentages
 * @param skillsByOccupation scale each skill by its persona's occupation-and-sex median earnings relative to the
 *                 national median (CPS 2024 Table 39); false is the paper's independent draw
 * @param deltas   how each worker's labour-cost exponent delta is drawn, or null when every worker has the
 *                 scenario's one delta (the paper)
 */
public record PopulationSpec(int agents, SkillPrior prior, boolean personas, CensusTable census, UtilityMix mix,
                             boolean skillsByOccupation, DeltaDistribution deltas) {

    /** Workers with one delta (the scenario's), as in the paper. */
    public PopulationSpec(int agents, SkillPrior prior, boolean personas, CensusTable census, UtilityMix mix,
                          boolean skillsByOccupation) {
        this(agents, prior, personas, census, mix, skillsByOccupation, null);
    }

    /** The paper's population: skills drawn independently of personas. */
    public PopulationSpec(int agents, SkillPrior prior, boolean personas, CensusTable census, UtilityMix mix) {
        this(agents, prior, personas, census, mix, false);
    }

    public PopulationSpec {
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1, was " + agents);
        }
        if (personas && census == null) {
            throw new IllegalArgumentException("personas need a census table");
        }
        if (skillsByOccupation && !personas) {
            throw new IllegalArgumentException("skills by occupation need personas");
        }
        if (deltas != null && deltas.needsPersonas() && !personas) {
            throw new IllegalArgumentException("a delta table needs personas");
        }
    }

    /** The same population with each worker's delta drawn from {@code d} (null: one delta for all). */
    public PopulationSpec withDeltas(DeltaDistribution d) {
        return new PopulationSpec(agents, prior, personas, census, mix, skillsByOccupation, d);
    }

    public PopulationSpec withAgents(int n) {
        return new PopulationSpec(n, prior, personas, census, mix, skillsByOccupation, deltas);
    }
}
