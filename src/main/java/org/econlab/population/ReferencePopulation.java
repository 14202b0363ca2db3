package org.econlab.population;

import org.econlab.economy.Gb2IncomePrior;
import org.econlab.economy.SkillPrior;
import org.econlab.economy.UniformSkillPrior;
import org.econlab.economy.UtilityType;
import org.econlab.random.NumpyRandomState;
import org.econlab.random.PythonRandom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * A population drawn exactly as the reference implementation draws it at start-up ({@code "random": "numpy"};
 * paper-model §2.1 "RNG order of the reference", §4.1, §4.3), from {@code np.random.seed(seed)} and
 * {@code random.seed(seed)}:
 * <ol>
 *   <li>GB2 prior: {@code np.random.uniform(0, 1, size=N)} in one call, then the reference's quantile
 *       ({@link Gb2IncomePrior#referenceIncome}) and {@code / 40};</li>
 *   <li>with personas (the reference's {@code bounded} and {@code democratic}): for each worker
 *       {@code random.uniform(0, total)} and {@code random.randint} over the age band, then the utility types as
 *       {@code ['adversarial'] * round(adv N) + ['altruistic'] * round(alt N) + ['egotistical'] * rest} shuffled by
 *       {@code random.shuffle};</li>
 *   <li>the workers in index order: the reference's fixed workers draw {@code np.random.randint(40, 61)} hours then
 *       {@code np.random.uniform(1.24, 159.1)} skill each (they never use the GB2 skill, which still goes to the Saez
 *       planner); other workers under a uniform prior draw {@code np.random.uniform(low, high)} each.</li>
 * </ol>
 * Stateless; thread-safe.
 */
public final class ReferencePopulation {

    /** From this many agents on, the quantiles (not the draws, which stay in order) are computed on all cores. */
    private static final int PARALLEL_FROM = 10_000;

    private ReferencePopulation() {
    }

    /**
     * Draws the population of {@code spec} as the reference does for {@code seed}.
     *
     * @param fixedWorkers whether the workers are the reference's fixed workers (worker kind {@code fixed})
     * @throws IllegalArgumentException when {@code seed} is outside NumPy's 0..2^32 - 1
     */
    public static Population generate(PopulationSpec spec, long seed, boolean fixedWorkers) {
        int n = spec.agents();
        NumpyRandomState np = new NumpyRandomState(seed);
        SkillPrior prior = spec.prior();
        double[] priorSkills = null;
        if (prior instanceof Gb2IncomePrior g) {
            double[] p = np.uniform(0, 1, n);
            DoubleUnaryOperator income = g.referenceIncome();
            double[] skills = new double[n];
            IntStream range = IntStream.range(0, n);
            (n >= PARALLEL_FROM ? range.parallel() : range).forEach(i ->
                    skills[i] = income.applyAsDouble(p[i]) / Gb2IncomePrior.REFERENCE_HOURS_PER_WEEK);
            priorSkills = skills;
        } else if (!(prior instanceof UniformSkillPrior)) {
            throw new IllegalArgumentException("the reference draws only gb2 and uniform skills, not " + prior.id());
        }

        Persona[] personas = null;
        byte[] types = new byte[n];
        if (spec.personas()) {
            PythonRandom py = new PythonRandom(seed);
            personas = new Persona[n];
            for (int i = 0; i < n; i++) {
                personas[i] = spec.census().referencePersona(py);
            }
            types = utilityTypes(spec.mix(), n, py);
        } else if (spec.mix().egotisticalPercent() < 100) {
            types = utilityTypes(spec.mix(), n, new PythonRandom(seed));
        }

        double[] skills = priorSkills;
        double[] hours = null;
        if (fixedWorkers) {
            skills = new double[n];
            hours = new double[n];
            UniformSkillPrior u = UniformSkillPrior.PAPER;
            for (int i = 0; i < n; i++) {
                hours[i] = np.randint(40, 61);
                skills[i] = np.uniform(u.low(), u.high());
            }
        } else if (skills == null) {
            UniformSkillPrior u = (UniformSkillPrior) prior;
            skills = new double[n];
            for (int i = 0; i < n; i++) {
                skills[i] = np.uniform(u.low(), u.high());
            }
        }
        if (spec.skillsByOccupation()) { // the lab's option, applied to the drawn skills as in the lab's own draws
            OccupationEarnings earnings = OccupationEarnings.bundled();
            for (int i = 0; i < n; i++) {
                skills[i] *= earnings.relativeToAll(personas[i].occupation(), personas[i].sex());
            }
        }
        return Population.reference(skills, types, personas, priorSkills == null ? skills : priorSkills, hours);
    }

    /** The reference's {@code distribute_agents}: Python's half-even rounding, then {@code random.shuffle}. */
    private static byte[] utilityTypes(UtilityMix mix, int n, PythonRandom py) {
        long adv = Math.round(Math.rint(mix.adversarialPercent() / 100 * n));
        long alt = Math.round(Math.rint(mix.altruisticPercent() / 100 * n));
        alt = Math.min(alt, n - adv);
        List<UtilityType> list = new ArrayList<>(n);
        for (long i = 0; i < adv; i++) {
            list.add(UtilityType.ADVERSARIAL);
        }
        for (long i = 0; i < alt; i++) {
            list.add(UtilityType.ALTRUISTIC);
        }
        while (list.size() < n) {
            list.add(UtilityType.EGOTISTICAL);
        }
        py.shuffle(list);
        byte[] t = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = (byte) list.get(i).ordinal();
        }
        return t;
    }
}
