package org.econlab.lesson;

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
            String welfare = null;
            for (Map.Entry<String, RunTally> e : runs.entrySet()) {
                Measure m = step.measure(e.getKey());
                String swfId = m.changes().applyTo(scenario).swf().id();
                sameWelfare &= welfare == null || welfare.equals(swfId);
                welfare = swfId;
                double[] x = steps(e.getValue().swfSeries().length);
                swf.add(new LessonChart.Line(e.getKey(), x, e.getValue().swfSeries()));
                rate.add(new LessonChart.Line(e.getKey(), x, e.getValue().rateSeries()));
                hours.add(new LessonChart.Line(e.getKey(), x, e.getValue().hoursSeries()));
            }
            String pair = step.sideBySide().isEmpty() ? "" : ", " + String.join(" vs ", step.sideBySide())
                    + " side by side";
            if (sameWelfare) {
                out.add(new LessonChart(prefix + "swf", "Social welfare (" + welfare + ")" + seedNote + pair, "step",
                        "SWF", swf));
            }
            out.add(new LessonChart(prefix + "rates", "Mean marginal rate" + seedNote + pair, "step",
                    "mean rate over brackets (%)", rate));
            out.add(new LessonChart(prefix + "hours", "Mean hours" + seedNote + pair, "step", "hours per week",
                    hours));
        }
        for (Measure m : step.measures()) {
            if (m.kind() == Measure.Kind.FLAT_RATES) {
                double[][] rev = curves.get(m.name() + "|revenue");
                double[][] swf = curves.get(m.name() + "|swf");
                out.add(new LessonChart(prefix + m.name() + "-revenue", "Tax revenue against a flat rate" + seedNote,
                        "flat marginal rate (%)", "revenue (dollars per year)",
                        List.of(new LessonChart.Line("revenue", rev[0], rev[1]))));
                out.add(new LessonChart(prefix + m.name() + "-welfare", "Social welfare ("
                        + m.changes().applyTo(scenario).swf().id() + ") against a flat rate" + seedNote,
                        "flat marginal rate (%)", "SWF", List.of(new LessonChart.Line("SWF", swf[0], swf[1]))));
            } else if (m.kind() == Measure.Kind.WORKER) {
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

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
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
}
