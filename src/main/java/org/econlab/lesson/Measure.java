package org.econlab.lesson;

/**
 * Something a step computes, under a name its texts and claims refer to ({@code icrl.swf}, {@code laffer.revenue@50}).
 * Every measurement of a step runs on each of the step's seeds, on the same population per seed.
 *
 * <ul>
 *   <li>{@link Kind#RUN}: the step's economy with {@code changes}, run to its end. Quantities (the means are over
 *       the final tenth of the steps, when learning agents play their best): {@code swf}, {@code finalSwf},
 *       {@code hours}, {@code revenue} (total tax, dollars per year), {@code rebate}, {@code gini}, {@code idle}
 *       (workers under 1 hour), {@code corner} (share of workers within 1 hour of the maximum), {@code meanRate},
 *       {@code rate1..rateK} (final rates, percent), {@code gap} (mean |hours - best response| at the end) and
 *       {@code near} (share of workers within 10 hours of their best response), {@code lowHours} (mean hours of the tenth
 *       of workers with the lowest skills, at the end), and the text {@code rates}.</li>
 *   <li>{@link Kind#FLAT_RATES}: one flat rate in every bracket from {@code from} to {@code to} by {@code by}; at
 *       each, the workers' exact best responses (rational workers, own share of the rebate). Quantities at a rate
 *       {@code @r}: {@code revenue}, {@code swf}, {@code hours}, {@code corner}, {@code idle}; and
 *       {@code revenueMaxRate}, {@code swfMaxRate}, {@code maxRevenue}.</li>
 *   <li>{@link Kind#WORKER}: the agent view: the worker at the {@code percentile}-th skill of the population,
 *       under flat rates {@code from..to}. Quantities: {@code skill}, {@code income40} (income at 40 hours),
 *       and at a rate {@code @r}: {@code hours} (best response), {@code wish} (the hours it would choose with no
 *       100-hour cap), {@code income}, {@code tax}.</li>
 * </ul>
 *
 * @param name       a name, unique in the step (letters, digits, underscores)
 * @param kind       what is computed
 * @param changes    changes to the step's economy for this measurement
 * @param from       first flat rate, percent ({@code FLAT_RATES}, {@code WORKER})
 * @param to         last flat rate, percent
 * @param by         rate step, percent
 * @param percentile skill percentile of the worker ({@code WORKER}), 0..100
 */
public record Measure(String name, Kind kind, ScenarioChanges changes, double from, double to, double by,
                      double percentile) {

    /** What a measurement computes. */
    public enum Kind {
        RUN("run"), FLAT_RATES("flat_rates"), WORKER("worker");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The flat rates of a rate grid, {@code from, from + by, ..., to}. */
    public double[] rates() {
        int n = (int) Math.floor((to - from) / by + 1e-9) + 1;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.min(to, from + i * by);
        }
        return r;
    }
}
