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
 * @param name       a name, unique in the step (letters, digits, underscores): what texts and claims refer to
 * @param label      what legends, the side-by-side tab and progress lines call it ("Saez at the paper's elasticity
 *                   3.0"); the name when the lesson gives none
 * @param kind       what is computed
 * @param changes    changes to the step's economy for this measurement
 * @param from       first flat rate, percent ({@code FLAT_RATES}, {@code WORKER})
 * @param to         last flat rate, percent
 * @param by         rate step, percent
 * @param percentile skill percentile of the worker ({@code WORKER}), 0..100
 */
public record Measure(String name, String label, Kind kind, ScenarioChanges changes, double from, double to, double by,
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

    /** Quantities of a run, of one flat rate ({@code name.q@r}) and of the whole grid, by kind. */
    private static final java.util.Map<Kind, java.util.List<String>> PLAIN = java.util.Map.of(
            Kind.RUN, java.util.List.of("swf", "finalSwf", "hours", "revenue", "rebate", "gini", "idle", "corner",
                    "meanRate", "gap", "near", "lowHours"),
            Kind.FLAT_RATES, java.util.List.of("revenueMaxRate", "swfMaxRate", "maxRevenue", "maxSwf"),
            Kind.WORKER, java.util.List.of("skill", "income40"));
    private static final java.util.Map<Kind, java.util.List<String>> AT_RATE = java.util.Map.of(
            Kind.RUN, java.util.List.of(),
            Kind.FLAT_RATES, java.util.List.of("revenue", "swf", "hours", "corner", "idle"),
            Kind.WORKER, java.util.List.of("hours", "wish", "income", "tax"));

    /**
     * Why {@code quantity} (optionally at flat rate {@code at}, NaN for none) is not something this measurement
     * computes on an economy of {@code brackets} brackets, or null when it is.
     */
    public String problemWith(String quantity, double at, int brackets) {
        if (Double.isNaN(at)) {
            if (PLAIN.get(kind).contains(quantity)) {
                return null;
            }
            if (kind == Kind.RUN && quantity.matches("rate[1-9][0-9]*")
                    && Integer.parseInt(quantity.substring(4)) <= brackets) {
                return null;
            }
            return name + "." + quantity + " is not a quantity of a " + kind.id() + " measurement (it has: "
                    + String.join(", ", PLAIN.get(kind)) + (kind == Kind.RUN ? ", rate1..rate" + brackets
                    : ", and at a rate @r: " + String.join(", ", AT_RATE.get(kind))) + ")";
        }
        if (!AT_RATE.get(kind).contains(quantity)) {
            return name + "." + quantity + "@" + org.econlab.config.JsonFields.format(at) + ": a " + kind.id()
                    + " measurement has no quantity " + quantity + " at a rate" + (AT_RATE.get(kind).isEmpty() ? ""
                    : " (it has: " + String.join(", ", AT_RATE.get(kind)) + ")");
        }
        for (double r : rates()) {
            if (r == at) {
                return null;
            }
        }
        return name + "." + quantity + "@" + org.econlab.config.JsonFields.format(at) + ": "
                + org.econlab.config.JsonFields.format(at) + "% is not on the measurement's rates ("
                + org.econlab.config.JsonFields.format(from) + " to " + org.econlab.config.JsonFields.format(to)
                + " by " + org.econlab.config.JsonFields.format(by) + ")";
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
