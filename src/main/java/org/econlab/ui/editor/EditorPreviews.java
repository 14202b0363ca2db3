package org.econlab.ui.editor;

import org.econlab.economy.Gb2IncomePrior;
import org.econlab.economy.SkillPrior;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.CensusTable;
import org.econlab.simulation.Scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the editor's preview charts draw for a draft scenario, as data: the start schedule's marginal and average rate
 * curves, the income prior's histogram with the bracket cutoffs inside it, and the persona mix by age band and sex.
 * Pure (no JavaFX); any thread.
 */
final class EditorPreviews {

    /** Points of each rate curve. */
    static final int CURVE_POINTS = 120;
    /** Quantiles of the prior sampled for its histogram, and its bars. */
    static final int PRIOR_SAMPLES = 400;
    static final int PRIOR_BINS = 30;

    private EditorPreviews() {
    }

    /** The start schedule's rates (percent) at incomes (dollars per year) from 0 to a bit past the second-highest cutoff. */
    record TaxCurves(double[] income, double[] marginal, double[] average) {
    }

    /** Share of workers (percent) per income bar at 40 h/week; {@code cutoffs}: the bracket cutoffs inside the bars. */
    record IncomePrior(double[] centre, double[] sharePercent, double[] cutoffs) {
    }

    static TaxCurves taxCurves(Scenario s) {
        TaxSchedule schedule = s.startSchedule();
        TaxBrackets b = schedule.brackets();
        double[] c = b.cutoffsUsd();
        double xmax = c.length > 2 ? Math.min(c[c.length - 2] * 1.6, b.topCutoffUsd()) : 300_000;
        double[] z = new double[CURVE_POINTS + 1];
        double[] marginal = new double[z.length];
        double[] average = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = xmax * i / CURVE_POINTS;
            marginal[i] = schedule.marginalRatePercentAt(z[i]);
            average[i] = schedule.averageRatePercentAt(z[i]);
        }
        return new TaxCurves(z, marginal, average);
    }

    /** The prior's incomes at its quantiles, binned up to its 97th percentile. */
    static IncomePrior incomePrior(Scenario s) {
        SkillPrior prior = s.population().prior();
        double[] incomes = new double[PRIOR_SAMPLES];
        for (int i = 0; i < PRIOR_SAMPLES; i++) {
            incomes[i] = prior.skillAt((i + 0.5) / PRIOR_SAMPLES) * Gb2IncomePrior.REFERENCE_HOURS_PER_WEEK;
        }
        double hi = incomes[(int) (PRIOR_SAMPLES * 0.97)];
        double width = hi / PRIOR_BINS;
        int[] counts = new int[PRIOR_BINS];
        for (double v : incomes) {
            int k = (int) (v / width);
            if (k >= 0 && k < PRIOR_BINS) {
                counts[k]++;
            }
        }
        double[] centre = new double[PRIOR_BINS];
        double[] share = new double[PRIOR_BINS];
        for (int k = 0; k < PRIOR_BINS; k++) {
            centre[k] = k * width + width / 2;
            share[k] = 100.0 * counts[k] / PRIOR_SAMPLES;
        }
        double[] c = s.startSchedule().brackets().cutoffsUsd();
        return new IncomePrior(centre, share, java.util.Arrays.stream(c, 1, Math.max(1, c.length - 1))
                .filter(v -> v <= hi).toArray());
    }

    /** Percent of the personas per sex and age band (bands in the census order). */
    static Map<String, Map<String, Double>> personaMix(CensusTable t) {
        Map<String, Map<String, Double>> bySex = new LinkedHashMap<>();
        double total = t.totalWeight();
        for (CensusTable.Row r : t.rows()) {
            double[] w = r.weights();
            Map<String, Double> bands = bySex.computeIfAbsent(r.sex(), k -> new LinkedHashMap<>());
            for (int a = 0; a < w.length; a++) {
                bands.merge(CensusTable.AGE_BANDS.get(a), 100 * w[a] / total, Double::sum);
            }
        }
        return bySex;
    }
}
