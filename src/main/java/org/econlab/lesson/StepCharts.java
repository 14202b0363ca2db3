package org.econlab.lesson;

import org.econlab.economy.WelfareFunction;
import org.econlab.simulation.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of a step, as data: runs over time (first seed), flat-rate curves and the agent view. */
final class StepCharts {

    private StepCharts() {
    }

    static List<LessonChart> of(LessonStep step, Scenario scenario, Map<String, RunTally> runs,
                                Map<String, double[][]> curves, List<Long> seeds) {
        List<LessonChart> out = new ArrayList<>();
        String prefix = "step" + step.number() + "-";
        String seedNote = " (seed " + seeds.get(0) + ")";
        if (!runs.isEmpty()) {
            List<LessonChart.Line> swf = new ArrayList<>();
            List<LessonChart.Line> rate = new ArrayList<>();
            List<LessonChart.Line> hours = new ArrayList<>();
            boolean sameWelfare = true;
            boolean byYear = false;
            String welfare = null;
            for (Map.Entry<String, RunTally> e : runs.entrySet()) {
                Measure m = step.measure(e.getKey());
                String swfId = welfareName(m.changes().applyTo(scenario));
                sameWelfare &= welfare == null || welfare.equals(swfId);
                welfare = swfId;
                int year = m.changes().applyTo(scenario).taxYearSteps();
                int n = e.getValue().swfSeries().length;
                byYear = n / year >= MIN_YEARS;
                int bin = byYear ? year : 1;
                double[] x = axis(n, bin);
                swf.add(new LessonChart.Line(m.label(), x, means(e.getValue().swfSeries(), bin)));
                rate.add(new LessonChart.Line(m.label(), x, means(e.getValue().rateSeries(), bin)));
                hours.add(new LessonChart.Line(m.label(), x, means(e.getValue().hoursSeries(), bin)));
            }
            String xLabel = byYear ? "tax year (mean of its steps)" : "step";
            String pair = step.sideBySide().isEmpty() ? "" : ", " + step.sideBySide().stream()
                    .map(n -> step.measure(n).label()).collect(java.util.stream.Collectors.joining(" vs "))
                    + " side by side";
            if (sameWelfare) {
                out.add(new LessonChart(prefix + "swf", "Social welfare (" + welfare + ")" + seedNote + pair, xLabel,
                        "SWF", swf));
            }
            out.add(new LessonChart(prefix + "rates", "Mean marginal rate" + seedNote + pair, xLabel,
                    "mean rate over brackets (%)", rate));
            out.add(new LessonChart(prefix + "hours", "Mean hours" + seedNote + pair, xLabel, "hours per week",
                    hours));
        }
        out.addAll(sweepCharts(step, scenario, curves, prefix, seedNote));
        for (Measure m : step.measures()) {
            if (m.kind() == Measure.Kind.WORKER) {
                double[][] h = curves.get(m.name() + "|hours");
                double[][] w = curves.get(m.name() + "|wish");
                double max = m.changes().applyTo(scenario).labour().maxHoursPerWeek();
                double[] wishCapped = w[1].clone();
                for (int i = 0; i < wishCapped.length; i++) {
                    wishCapped[i] = Math.min(wishCapped[i], 3 * max); // keep the axis readable
                }
                out.add(new LessonChart(prefix + m.name() + "-hours", "One worker's best response ("
                        + JsonText.percentile(m.percentile()) + " skill)" + seedNote, "flat marginal rate (%)",
                        "hours per week", List.of(new LessonChart.Line("best response (capped at "
                        + (int) max + " h)", h[0], h[1]), new LessonChart.Line("hours wished with no cap", w[0],
                        wishCapped))));
            }
        }
        return out;
    }

    /** Runs of at least this many tax years are drawn one point per tax year (the mean of its steps). */
    static final int MIN_YEARS = 10;

    private static double[] axis(int n, int bin) {
        double[] x = new double[(n + bin - 1) / bin];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] means(double[] perStep, int bin) {
        double[] out = new double[(perStep.length + bin - 1) / bin];
        for (int i = 0; i < out.length; i++) {
            int from = i * bin;
            int to = Math.min(perStep.length, from + bin);
            double s = 0;
            for (int k = from; k < to; k++) {
                s += perStep[k];
            }
            out[i] = s / (to - from);
        }
        return out;
    }

    /** Small text helpers. */
    static final class JsonText {
        private JsonText() {
        }

        static String percentile(double p) {
            long r = Math.round(p);
            String suffix = (r % 100 >= 11 && r % 100 <= 13) ? "th"
                    : switch ((int) (r % 10)) {
                        case 1 -> "st";
                        case 2 -> "nd";
                        case 3 -> "rd";
                        default -> "th";
                    };
            return r + suffix + " percentile";
        }
    }

    /**
     * The flat-rate sweeps of a step: one revenue chart (a line per sweep whose revenue differs; sweeps that differ only
     * in their welfare function collect the same revenue and share one line), then a welfare chart per sweep, named by
     * its welfare function and, when two sweeps share one, by the sweep's label.
     */
    private static List<LessonChart> sweepCharts(LessonStep step, Scenario scenario, Map<String, double[][]> curves,
                                                 String prefix, String seedNote) {
        List<Measure> sweeps = step.measures().stream().filter(m -> m.kind() == Measure.Kind.FLAT_RATES).toList();
        List<LessonChart> out = new ArrayList<>();
        if (sweeps.isEmpty()) {
            return out;
        }
        List<LessonChart.Line> revenue = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        for (Measure m : sweeps) {
            double[][] rev = curves.get(m.name() + "|revenue");
            if (seen.stream().noneMatch(r -> java.util.Arrays.equals(r, rev[1]))) {
                seen.add(rev[1]);
                revenue.add(new LessonChart.Line(m.label(), rev[0], rev[1]));
            }
        }
        String revenueName = revenue.size() == 1 ? sweeps.get(0).name() + "-revenue" : "revenue";
        List<LessonChart.Line> lines = revenue.size() == 1
                ? List.of(new LessonChart.Line("revenue", revenue.get(0).x(), revenue.get(0).y())) : revenue;
        out.add(new LessonChart(prefix + revenueName, "Tax revenue against a flat rate" + seedNote,
                "flat marginal rate (%)", "revenue (dollars per year)", lines));
        Map<String, Long> byWelfare = sweeps.stream().collect(java.util.stream.Collectors.groupingBy(
                m -> welfareName(m.changes().applyTo(scenario)), java.util.stream.Collectors.counting()));
        for (Measure m : sweeps) {
            String welfare = welfareName(m.changes().applyTo(scenario));
            double[][] swf = curves.get(m.name() + "|swf");
            out.add(new LessonChart(prefix + m.name() + "-welfare", "Social welfare (" + welfare + ") against a flat rate"
                    + (byWelfare.get(welfare) > 1 ? " · " + m.label() : "") + seedNote, "flat marginal rate (%)", "SWF",
                    List.of(new LessonChart.Line("SWF", swf[0], swf[1]))));
        }
        return out;
    }

    /** The welfare function as a class reads it: "Pro-poor weights", or "atkinson(eps=2)" with its parameter. */
    static String welfareName(Scenario s) {
        WelfareFunction w = s.swf();
        return w.kind() == WelfareFunction.Kind.ATKINSON ? w.displayName() : w.kind().plainName();
    }
}