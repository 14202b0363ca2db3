package org.econlab.agents;

import org.econlab.population.OccupationEarnings;
import org.econlab.population.Persona;
import org.econlab.population.PersonaText;
import org.econlab.population.Population;

/**
 * The built-in stand-in for the persona's LLM YES/NO satisfaction call of paper-model §3.6. A persona is
 * satisfied with a year's tax outcome (r = 1.0, "YES") when its <em>net tax rate</em>
 * {@code (tax - rebate) / max(z, 1)} is at most its tolerance; otherwise r = 0.5 ("NO"). Like the
 * reference's call it sees only tax, rebate and income (never u, quirk 18).
 *
 * <p>The tolerance is persona-dependent:
 * {@code theta = base + age term + 0.10 * (1 - reference income / national median)}, clipped to 0..1, where
 * the age term is +0.05 under 35 and -0.05 from 55, and the reference income is 52 x the CPS 2024 median
 * weekly earnings of the persona's occupation and sex (Table 39): people in low-paid occupations tolerate
 * a little more net tax, people in high-paid ones less, and older workers less than younger ones.
 *
 * <p>Immutable per population; {@link #satisfaction} is thread-safe.
 */
public final class SatisfactionRule {

    /** Default base tolerance: a net tax rate of 25%. */
    public static final double DEFAULT_BASE_TOLERANCE = 0.25;
    public static final double SATISFIED = 1.0;
    public static final double DISSATISFIED = 0.5;

    private final double[] tolerance;
    private final double[] referenceIncomeUsd;

    /** Builds the rule for every persona of {@code population} (which must have personas). */
    public SatisfactionRule(Population population, double baseTolerance) {
        if (!population.hasPersonas()) {
            throw new IllegalArgumentException("the satisfaction rule needs personas (population.personas=true)");
        }
        int n = population.size();
        tolerance = new double[n];
        referenceIncomeUsd = new double[n];
        OccupationEarnings earnings = OccupationEarnings.bundled();
        for (int i = 0; i < n; i++) {
            Persona p = population.persona(i);
            referenceIncomeUsd[i] = earnings.medianAnnualUsd(p.occupation(), p.sex());
            tolerance[i] = tolerance(p, baseTolerance, earnings);
        }
    }

    /** The tolerance (net tax rate, fraction) of one persona. */
    public static double tolerance(Persona p, double baseTolerance, OccupationEarnings earnings) {
        double age = p.age() < 35 ? 0.05 : p.age() >= 55 ? -0.05 : 0;
        double pay = 0.10 * (1 - earnings.relativeToAll(p.occupation(), p.sex()));
        return Math.max(0, Math.min(1, baseTolerance + age + pay));
    }

    /** r for agent {@code i}: 1.0 when its net tax rate is within its tolerance, else 0.5. */
    public double satisfaction(int i, double incomeUsd, double taxUsd, double rebateUsd) {
        double netRate = (taxUsd - rebateUsd) / Math.max(incomeUsd, 1);
        return netRate <= tolerance[i] ? SATISFIED : DISSATISFIED;
    }

    public double tolerance(int i) {
        return tolerance[i];
    }

    public double referenceIncomeUsd(int i) {
        return referenceIncomeUsd[i];
    }

    /** The persona description (paper-model §4.2 format) of agent {@code i}. */
    public String personaText(Population population, int i) {
        return PersonaText.of(population.persona(i), referenceIncomeUsd[i], tolerance[i]);
    }
}
