package org.econlab.population;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Marginals of a persona table (occupation x sex x age band) and raking to new ones by iterative proportional
 * fitting: each margin's cells are scaled in turn so that the margin meets its target share, until every margin
 * is within the tolerance. Raking keeps the table's total weight and its joint structure as far as the targets
 * allow (zero cells stay zero). Shares are percent of the total weight. Pure and thread-safe.
 */
public final class CensusRaking {

    /** The three margins of the table. */
    public enum Margin {
        AGE("Age band"), SEX("Sex"), OCCUPATION("Occupation group");

        private final String label;

        Margin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Default largest difference (percentage points) between a target share and the raked one. */
    public static final double TOLERANCE_PP = 0.01;
    /** Most IPF sweeps (each scales all three margins once). */
    public static final int MAX_SWEEPS = 1000;

    private CensusRaking() {
    }

    /** The categories of margin {@code m} in table order (age bands in schema order; sexes, occupations as first met). */
    public static List<String> categories(CensusTable t, Margin m) {
        return switch (m) {
            case AGE -> CensusTable.AGE_BANDS;
            case SEX -> distinct(t, true);
            case OCCUPATION -> distinct(t, false);
        };
    }

    private static List<String> distinct(CensusTable t, boolean sex) {
        List<String> out = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            String k = sex ? r.sex() : r.occupation();
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Share (percent of the total weight) of each category of margin {@code m}, in {@link #categories} order. */
    public static double[] shares(CensusTable t, Margin m) {
        List<String> cats = categories(t, m);
        double[] w = new double[cats.size()];
        double total = 0;
        for (CensusTable.Row r : t.rows()) {
            double[] ws = r.weights();
            for (int a = 0; a < ws.length; a++) {
                w[index(cats, m, r, a)] += ws[a];
                total += ws[a];
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = total > 0 ? 100 * w[i] / total : 0;
        }
        return w;
    }

    private static int index(List<String> cats, Margin m, CensusTable.Row r, int age) {
        return switch (m) {
            case AGE -> age;
            case SEX -> cats.indexOf(r.sex());
            case OCCUPATION -> cats.indexOf(r.occupation());
        };
    }

    /** All three margins' shares. */
    public static Map<Margin, double[]> allShares(CensusTable t) {
        Map<Margin, double[]> out = new EnumMap<>(Margin.class);
        for (Margin m : Margin.values()) {
            out.put(m, shares(t, m));
        }
        return out;
    }

    /**
     * Rakes {@code t} so that each margin given in {@code targets} (percent per category, summing to 100) is met
     * within {@code tolerancePp}; margins not given keep their current shares.
     *
     * @throws IllegalArgumentException when a target list has the wrong length or does not sum to 100 (within
     *                                  0.5 pp), is negative, or asks for weight in a category whose cells are all
     *                                  zero, or when the targets cannot be met together (IPF does not converge)
     */
    public static CensusTable rake(CensusTable t, Map<Margin, double[]> targets, double tolerancePp) {
        Map<Margin, double[]> goal = new EnumMap<>(Margin.class);
        Map<Margin, List<String>> cats = new EnumMap<>(Margin.class);
        double total = t.totalWeight();
        for (Margin m : Margin.values()) {
            cats.put(m, categories(t, m));
            double[] g = targets.containsKey(m) ? targets.get(m).clone() : shares(t, m);
            check(m, g, cats.get(m).size());
            goal.put(m, g);
        }
        List<double[]> w = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            w.add(r.weights());
        }
        for (Margin m : Margin.values()) {
            double[] have = sums(t, w, m, cats.get(m));
            double[] g = goal.get(m);
            for (int i = 0; i < g.length; i++) {
                if (g[i] > 0 && have[i] <= 0) {
                    throw new IllegalArgumentException(m.label() + " \"" + cats.get(m).get(i)
                            + "\": a target of " + String.format(java.util.Locale.ROOT, "%.1f", g[i])
                            + "% but the table has no weight there to scale");
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (Margin m : Margin.values()) {
                double[] have = sums(t, w, m, cats.get(m));
                double[] g = goal.get(m);
                for (int r = 0; r < w.size(); r++) {
                    CensusTable.Row row = t.rows().get(r);
                    double[] ws = w.get(r);
                    for (int a = 0; a < ws.length; a++) {
                        int i = index(cats.get(m), m, row, a);
                        ws[a] = have[i] > 0 ? ws[a] * (g[i] / 100 * total) / have[i] : 0;
                    }
                }
            }
            if (worstGap(t, w, goal, cats) <= tolerancePp) {
                return build(t, w);
            }
        }
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "these marginals cannot all be met"
                + " together by this table (still %.2f percentage points off after %d sweeps); zero cells rule some"
                + " combinations out", worstGap(t, w, goal, cats), MAX_SWEEPS));
    }

    private static void check(Margin m, double[] g, int n) {
        if (g.length != n) {
            throw new IllegalArgumentException(m.label() + ": needs " + n + " shares, got " + g.length);
        }
        double sum = 0;
        for (double v : g) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(m.label() + ": shares must be non-negative percentages");
            }
            sum += v;
        }
        if (Math.abs(sum - 100) > 0.5) {
            throw new IllegalArgumentException(m.label() + String.format(java.util.Locale.ROOT,
                    ": shares must add up to 100%%, they add up to %.1f%%", sum));
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i] * 100 / sum; // exactly 100
        }
    }

    private static double[] sums(CensusTable t, List<double[]> w, Margin m, List<String> cats) {
        double[] s = new double[cats.size()];
        for (int r = 0; r < w.size(); r++) {
            double[] ws = w.get(r);
            for (int a = 0; a < ws.length; a++) {
                s[index(cats, m, t.rows().get(r), a)] += ws[a];
            }
        }
        return s;
    }

    private static double worstGap(CensusTable t, List<double[]> w, Map<Margin, double[]> goal,
                                   Map<Margin, List<String>> cats) {
        double total = 0;
        for (double[] ws : w) {
            for (double v : ws) {
                total += v;
            }
        }
        double worst = 0;
        for (Margin m : Margin.values()) {
            double[] s = sums(t, w, m, cats.get(m));
            double[] g = goal.get(m);
            for (int i = 0; i < s.length; i++) {
                worst = Math.max(worst, Math.abs(100 * s[i] / total - g[i]));
            }
        }
        return worst;
    }

    private static CensusTable build(CensusTable t, List<double[]> w) {
        List<CensusTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < w.size(); r++) {
            CensusTable.Row old = t.rows().get(r);
            double[] ws = w.get(r);
            for (int a = 0; a < ws.length; a++) {
                ws[a] = Math.round(ws[a] * 1e4) / 1e4; // stored in the scenario file: keep it readable
            }
            rows.add(new CensusTable.Row(old.occupation(), old.sex(), ws));
        }
        return new CensusTable(rows);
    }

    /** The census restricted to age bands {@code fromBand..toBand} (inclusive): every other column is zeroed. */
    public static CensusTable keepAges(CensusTable t, int fromBand, int toBand) {
        List<CensusTable.Row> rows = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            double[] w = r.weights();
            for (int a = 0; a < w.length; a++) {
                if (a < fromBand || a > toBand) {
                    w[a] = 0;
                }
            }
            rows.add(new CensusTable.Row(r.occupation(), r.sex(), w));
        }
        return new CensusTable(rows);
    }

    /** The census restricted to one occupation group: every other row is zeroed. */
    public static CensusTable keepOccupation(CensusTable t, String occupation) {
        if (!categories(t, Margin.OCCUPATION).contains(occupation)) {
            throw new IllegalArgumentException("no occupation group \"" + occupation + "\" in the table");
        }
        List<CensusTable.Row> rows = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            double[] w = r.weights();
            if (!r.occupation().equals(occupation)) {
                java.util.Arrays.fill(w, 0);
            }
            rows.add(new CensusTable.Row(r.occupation(), r.sex(), w));
        }
        return new CensusTable(rows);
    }

    /** Every weight times {@code factor} (>= 0); the mix is unchanged, the total scales. */
    public static CensusTable scale(CensusTable t, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the factor must be a positive number");
        }
        List<CensusTable.Row> rows = new ArrayList<>();
        for (CensusTable.Row r : t.rows()) {
            double[] w = r.weights();
            for (int a = 0; a < w.length; a++) {
                w[a] *= factor;
            }
            rows.add(new CensusTable.Row(r.occupation(), r.sex(), w));
        }
        return new CensusTable(rows);
    }

    /** Equal shares for every category of margin {@code m} (a raking target). */
    public static double[] equalShares(CensusTable t, Margin m) {
        double[] g = new double[categories(t, m).size()];
        java.util.Arrays.fill(g, 100.0 / g.length);
        return g;
    }
}
