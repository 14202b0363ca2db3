package org.econlab.agents;

import org.econlab.economy.SaezOptimalRates;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.Arrays;
import java.util.List;

/**
 * The Saez planner with elasticities estimated from the running simulation, after the reference's
 * {@code experiments/run_empirical_saez.py} (paper-model §8.1 notes).
 *
 * <p>Procedure, one phase per tax year (the reference uses 32 steps per phase):
 * <ol>
 *   <li>Baseline: a year at the start rates; each worker's hours and bracket are read on the phase's last step
 *       (the "choose the best" step of learning and LLM workers).</li>
 *   <li>For each bracket j: a year with rate j raised by {@code perturbation} points (at most 99), then a year
 *       with it lowered by as much (at least 0), the other rates at their start values.</li>
 *   <li>For the workers whose baseline income lies in bracket j:
 *       {@code e_i = ((l_down - l_up) / avg(l)) / (((1 - t_down) - (1 - t_up)) / avg(1 - t))}, kept when
 *       {@code avg(l) > 1}; {@code e_j} = their mean. A bracket without a valid estimate, or with
 *       {@code e_j <= 0}, falls back to 0.4 (the reference's fallback, Saez 2002).</li>
 *   <li>The {@link SaezOptimalRates} formula with those {@code e_j} gives the rates for the rest of the run.</li>
 * </ol>
 * The estimation takes {@code 1 + 2K} tax years. Deviation from the reference: the baseline year runs at the
 * scenario's start rates (the reference uses the U.S. federal rates for 7 brackets and 20% otherwise), so the
 * planner can be compared with the others from the same start. Runner thread only.
 */
public final class EstimatedSaezPlanner implements PlannerPolicy {

    /** Elasticity used for a bracket without a valid estimate (the reference's fallback). */
    public static final double FALLBACK_ELASTICITY = 0.4;
    public static final double DEFAULT_PERTURBATION_POINTS = 5;

    private final TaxSchedule start;
    private final double perturbation;
    private final int brackets;
    private final double[] skills;
    private final double[] baselineHours;
    private final int[] baselineBracket;
    private final double[] upHours;
    private final double[] elasticity;
    private int phase = -1; // -1 before step 0; 0 baseline; 1 + 2j up, 2 + 2j down; 1 + 2K final
    private TaxSchedule current;
    private TaxSchedule saez;

    /**
     * @param setup        the run
     * @param perturbation rate change in percentage points for the estimation years, in (0, 50]
     */
    public EstimatedSaezPlanner(AgentSetup setup, double perturbation) {
        this.start = setup.startSchedule();
        this.perturbation = perturbation;
        this.brackets = start.bracketCount();
        this.skills = setup.population().skills();
        int n = skills.length;
        this.baselineHours = new double[n];
        this.baselineBracket = new int[n];
        this.upHours = new double[n];
        this.elasticity = new double[brackets];
        Arrays.fill(elasticity, Double.NaN);
    }

    @Override
    public String kind() {
        return PlannerKinds.SAEZ;
    }

    @Override
    public TaxSchedule decide(StepContext ctx) {
        if (saez != null) {
            return saez;
        }
        phase++;
        if (phase == 0) {
            current = start;
        } else if (phase > 2 * brackets) {
            saez = TaxSchedule.of(start.brackets(), SaezOptimalRates.ratesPercent(skills, start.brackets(),
                    elasticities()));
            current = saez;
        } else {
            int j = (phase - 1) / 2;
            boolean up = phase % 2 == 1;
            double[] r = start.ratesPercent();
            r[j] = up ? Math.min(99, r[j] + perturbation) : Math.max(0, r[j] - perturbation);
            current = start.withRates(r);
        }
        return current;
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        if (saez != null || phase < 0 || !ctx.lastStepOfTaxYear()) {
            return;
        }
        double[] hours = state.hours();
        if (phase == 0) {
            TaxBrackets b = start.brackets();
            double[] income = state.income();
            for (int i = 0; i < hours.length; i++) {
                baselineHours[i] = hours[i];
                baselineBracket[i] = b.bracketOf(income[i]);
            }
        } else if (phase % 2 == 1) {
            System.arraycopy(hours, 0, upHours, 0, hours.length);
        } else {
            int j = (phase - 1) / 2;
            elasticity[j] = estimate(j, hours);
        }
    }

    private double estimate(int j, double[] downHours) {
        double rate = start.ratePercent(j);
        double tUp = Math.min(99, rate + perturbation) / 100;
        double tDown = Math.max(0, rate - perturbation) / 100;
        double dNet = (1 - tDown) - (1 - tUp);
        double avgNet = 0.5 * ((1 - tUp) + (1 - tDown));
        double sum = 0;
        int valid = 0;
        for (int i = 0; i < downHours.length; i++) {
            if (baselineBracket[i] != j) {
                continue;
            }
            double avgL = 0.5 * (upHours[i] + downHours[i]);
            if (avgL > 1 && Math.abs(dNet) > 1e-8 && avgNet > 1e-8) {
                sum += ((downHours[i] - upHours[i]) / avgL) / (dNet / avgNet);
                valid++;
            }
        }
        return valid == 0 ? Double.NaN : sum / valid;
    }

    /** The elasticities in use: the estimates so far, with the fallback for missing or non-positive ones. */
    public double[] elasticities() {
        double[] e = new double[brackets];
        for (int j = 0; j < brackets; j++) {
            e[j] = Double.isNaN(elasticity[j]) || elasticity[j] <= 0 ? FALLBACK_ELASTICITY : elasticity[j];
        }
        return e;
    }

    /** The raw estimate per bracket (NaN where none was possible or not yet made). */
    public double[] rawEstimates() {
        return elasticity.clone();
    }

    @Override
    public StepMetrics metrics() {
        return new StepMetrics() {
            @Override
            public List<String> names() {
                return java.util.stream.IntStream.range(0, brackets).mapToObj(j -> "saez_elasticity_" + j).toList();
            }

            @Override
            public double value(int index) {
                return Double.isNaN(elasticity[index]) ? 0 : elasticity[index];
            }
        };
    }
}
