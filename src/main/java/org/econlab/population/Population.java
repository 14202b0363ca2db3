package org.econlab.population;

import org.econlab.economy.UtilityType;
import org.econlab.random.RandomStreams;
import org.econlab.random.RandomStreams.Purpose;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The workers' fixed traits, as columns indexed by agent: skill, utility type and (optionally) persona.
 * Skills are drawn by inverse transform from the prior with one counter-based uniform per agent, so the
 * population depends only on the spec and the seed, not on threads.
 *
 * <p>Immutable after construction; arrays are exposed for the hot loops and must not be modified.
 */
public final class Population {

    private final double[] skills;
    private final byte[] utilityTypes;
    private final Persona[] personas;
    private final int[] skillOrder;
    private final double[] plannerSkills;
    private final double[] drawnHours;
    /** Each worker's own labour-cost exponent, or null when all share the scenario's (the paper). */
    private final double[] deltas;

    private Population(double[] skills, byte[] utilityTypes, Persona[] personas) {
        this(skills, utilityTypes, personas, ascendingOrder(skills), null, null, null);
    }

    private Population(double[] skills, byte[] utilityTypes, Persona[] personas, int[] skillOrder,
                       double[] plannerSkills, double[] drawnHours, double[] deltas) {
        this.skills = skills;
        this.utilityTypes = utilityTypes;
        this.personas = personas;
        this.skillOrder = skillOrder;
        this.plannerSkills = plannerSkills == null ? skills : plannerSkills;
        this.drawnHours = drawnHours;
        this.deltas = deltas;
    }

    /**
     * A population drawn as the reference implementation draws it ({@code "random": "numpy"}, built by
     * {@link ReferencePopulation}): the skills the workers earn with, the skills the reference hands its Saez planner
     * (they differ only for the reference's fixed workers), and the fixed workers' drawn hours (or null).
     */
    static Population reference(double[] skills, byte[] utilityTypes, Persona[] personas, double[] plannerSkills,
                                double[] drawnHours) {
        return new Population(skills, utilityTypes, personas, ascendingOrder(skills), plannerSkills, drawnHours, null);
    }

    /**
     * From this many agents on, skills are drawn with the prior's fast sampler ({@link SkillPrior#sampler()}, e.g. a
     * tabulated GB2 quantile within 1e-10 relative of the exact one); below it with the reference
     * {@link SkillPrior#skillAt}, a few milliseconds for such a population.
     */
    public static final int FAST_DRAWS_FROM = 10_000;

    /** Draws a population for {@code spec} from {@code seed}. Uses all cores for large N. */
    public static Population generate(PopulationSpec spec, long seed) {
        int n = spec.agents();
        double[] skills = new double[n];
        IntStream range = IntStream.range(0, n);
        // Small populations (every golden test and published result) draw with the reference quantile, exactly as
        // before; large ones with the prior's fast sampler, within its documented tolerance of the exact quantile.
        java.util.function.DoubleUnaryOperator skillAt = n >= FAST_DRAWS_FROM ? spec.prior().sampler()
                : spec.prior()::skillAt;
        (n >= 10_000 ? range.parallel() : range).forEach(i ->
                skills[i] = skillAt.applyAsDouble(RandomStreams.openUniform(seed, Purpose.SKILL, i, 0, 0)));
        Persona[] personas = null;
        if (spec.personas()) {
            personas = new Persona[n];
            for (int i = 0; i < n; i++) {
                personas[i] = spec.census().personaAt(
                        RandomStreams.uniform(seed, Purpose.PERSONA, i, 0, 0),
                        RandomStreams.uniform(seed, Purpose.PERSONA, i, 0, 1));
            }
        }
        if (spec.skillsByOccupation()) {
            // Optional, not the paper (which draws skills independently of occupation, paper-model §4.1):
            // the same GB2 draw scaled by the persona's occupation-and-sex median relative to the national one.
            OccupationEarnings earnings = OccupationEarnings.bundled();
            for (int i = 0; i < n; i++) {
                skills[i] *= earnings.relativeToAll(personas[i].occupation(), personas[i].sex());
            }
        }
        return new Population(skills, utilityTypes(spec.mix(), n, seed), personas).withOwnDeltas(spec, seed);
    }

    /**
     * This population with each worker's own delta drawn as {@code spec.deltas()} says from {@code seed}'s
     * {@code DELTA} stream, or this population itself when the spec gives every worker the scenario's delta.
     */
    public Population withOwnDeltas(PopulationSpec spec, long seed) {
        return spec.deltas() == null ? this : withDeltas(drawDeltas(spec.deltas(), personas, skills.length, seed));
    }

    /** One delta per worker from its own uniform of the {@code DELTA} stream (and its persona, for a table). */
    private static double[] drawDeltas(DeltaDistribution d, Persona[] personas, int n, long seed) {
        double[] deltas = new double[n];
        IntStream range = IntStream.range(0, n);
        (n >= FAST_DRAWS_FROM ? range.parallel() : range).forEach(i -> deltas[i] = d.draw(
                RandomStreams.openUniform(seed, Purpose.DELTA, i, 0, 0), personas == null ? null : personas[i]));
        return deltas;
    }

    /**
     * This population with each worker's own delta ({@code deltas[i] > 1}, copied), e.g. a hand-made heterogeneous
     * population in a test; null gives every worker the scenario's delta again.
     */
    public Population withDeltas(double[] deltas) {
        if (deltas != null) {
            if (deltas.length != skills.length) {
                throw new IllegalArgumentException("needs " + skills.length + " deltas, got " + deltas.length);
            }
            for (double d : deltas) {
                if (!(d > 1) || !Double.isFinite(d)) {
                    throw new IllegalArgumentException("every delta must be greater than 1, found " + d);
                }
            }
        }
        return new Population(skills, utilityTypes, personas, skillOrder, plannerSkills == skills ? null : plannerSkills,
                drawnHours, deltas == null ? null : deltas.clone());
    }

    /** A population with the given skills, all egotistical and without personas (tests, CLI tools). */
    public static Population ofSkills(double... skills) {
        return new Population(skills.clone(), new byte[skills.length], null);
    }

    /** A population with explicit traits; {@code personas} may be null. */
    public static Population of(double[] skills, UtilityType[] types, Persona[] personas) {
        byte[] t = new byte[skills.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) types[i].ordinal();
        }
        return new Population(skills.clone(), t, personas == null ? null : personas.clone());
    }

    private static byte[] utilityTypes(UtilityMix mix, int n, long seed) {
        byte[] types = new byte[n];
        int[] counts = mix.counts(n);
        if (counts[UtilityType.EGOTISTICAL.ordinal()] == n) {
            return types;
        }
        int i = 0;
        for (UtilityType t : UtilityType.values()) {
            for (int c = 0; c < counts[t.ordinal()]; c++) {
                types[i++] = (byte) t.ordinal();
            }
        }
        SplittableRandom rnd = RandomStreams.stream(seed, Purpose.UTILITY_TYPE, 0, 0);
        for (int j = n - 1; j > 0; j--) {
            int k = rnd.nextInt(j + 1);
            byte tmp = types[j];
            types[j] = types[k];
            types[k] = tmp;
        }
        return types;
    }

    /** Indices sorted by skill (ties by index); a one-time, linear cost at construction. */
    private static int[] ascendingOrder(double[] skills) {
        return SkillOrder.ascending(skills);
    }

    public int size() {
        return skills.length;
    }

    /** Skill of agent {@code i}: dollars per year per hour of weekly labour. */
    public double skill(int i) {
        return skills[i];
    }

    /** The skill column (do not modify). */
    public double[] skills() {
        return skills;
    }

    /**
     * The skills a planner computes its schedule from (do not modify): {@link #skills()}, except in a population drawn
     * as the reference does with its fixed workers, whose skills are drawn U(1.24, 159.1) while its Saez planner is
     * given the GB2 draws (paper-model §2.1, RNG order item 3).
     */
    public double[] plannerSkills() {
        return plannerSkills;
    }

    /** The hours per week the reference's fixed workers drew ({@code randint(40, 61)}), or null (do not modify). */
    public double[] drawnHours() {
        return drawnHours;
    }

    public UtilityType utilityType(int i) {
        return UtilityType.values()[utilityTypes[i]];
    }

    /** Utility types as ordinals of {@link UtilityType} (do not modify). */
    public byte[] utilityTypeOrdinals() {
        return utilityTypes;
    }

    public boolean hasPersonas() {
        return personas != null;
    }

    /** Persona of agent {@code i}, or null when the population has none. */
    public Persona persona(int i) {
        return personas == null ? null : personas[i];
    }

    /** Whether workers have their own deltas ({@link #deltas()} not null). */
    public boolean hasOwnDeltas() {
        return deltas != null;
    }

    /**
     * Each worker's own labour-cost exponent delta (do not modify), or null when every worker has the scenario's
     * one delta ({@code LabourModel#disutilityExponent}).
     */
    public double[] deltas() {
        return deltas;
    }

    /** Agent {@code i}'s delta: its own, or {@code common} (the scenario's) when workers share one. */
    public double delta(int i, double common) {
        return deltas == null ? common : deltas[i];
    }

    /** Agent indices in ascending order of skill (do not modify). */
    public int[] skillOrder() {
        return skillOrder;
    }

    /** Approximate heap used by the columns, in bytes (for the benchmark's per-agent figure). */
    public long columnBytes() {
        return 8L * skills.length + utilityTypes.length + 4L * skillOrder.length
                + (personas == null ? 0 : 8L * personas.length) + (plannerSkills == skills ? 0 : 8L * skills.length)
                + (drawnHours == null ? 0 : 8L * drawnHours.length) + (deltas == null ? 0 : 8L * deltas.length);
    }
}
