package org.econlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a lesson text from a step's numbers. A placeholder is {@code {expression}} or
 * {@code {expression|option|option}}:
 * <ul>
 *   <li>what of the per-seed values: {@code mean} (default), {@code min}, {@code max}, {@code band} ("a to b"),
 *       {@code wins} ("k of n": seeds on which the value is above 0), {@code first} (the first seed's);</li>
 *   <li>how: {@code auto} (default: digits by size), {@code int}, {@code d1}, {@code d2}, {@code pct} (a share as
 *       percent), {@code usd} (dollars).</li>
 * </ul>
 * Two words stand alone: {@code {seeds}} (the seeds, e.g. "42-46") and {@code {m.rates}} (run {@code m}'s final
 * rates per bracket, averaged over seeds, e.g. "90/80/90").
 */
public final class Placeholders {

    private static final List<String> STATS = List.of("mean", "min", "max", "band", "wins", "first");
    private static final List<String> FORMATS = List.of("auto", "int", "d1", "d2", "pct", "usd");

    private Placeholders() {
    }

    /** One placeholder, parsed. */
    record Slot(String expression, Expression parsed, String stat, String format) {
    }

    /**
     * The placeholders of {@code text}.
     *
     * @throws IllegalArgumentException naming the placeholder that cannot be read
     */
    public static List<Expression> expressions(String text) {
        return slots(text).stream().map(Slot::parsed).filter(e -> e != null).toList();
    }

    static List<Slot> slots(String text) {
        List<Slot> out = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf('{', i)) >= 0) {
            int end = text.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("a { is not closed: \"" + snippet(text, i) + "\"");
            }
            out.add(slot(text.substring(i + 1, end)));
            i = end + 1;
        }
        return out;
    }

    private static Slot slot(String inside) {
        String[] parts = inside.split("\\|");
        String expr = parts[0].trim();
        String stat = "mean";
        String format = "auto";
        for (int p = 1; p < parts.length; p++) {
            String o = parts[p].trim();
            if (STATS.contains(o)) {
                stat = o;
            } else if (FORMATS.contains(o)) {
                format = o;
            } else {
                throw new IllegalArgumentException("{" + inside + "}: \"" + o + "\" is not one of "
                        + String.join(", ", STATS) + ", " + String.join(", ", FORMATS));
            }
        }
        if (expr.equals("seeds")) {
            return new Slot(expr, null, stat, format);
        }
        if (expr.matches("[A-Za-z][A-Za-z0-9_]*\\.rates")) {
            return new Slot(expr, null, stat, format);
        }
        try {
            return new Slot(expr, Expression.parse(expr), stat, format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("{" + inside + "}: " + e.getMessage());
        }
    }

    /**
     * {@code text} with every placeholder replaced by its value.
     *
     * @throws IllegalArgumentException when a placeholder names a quantity the step did not compute
     */
    public static String fill(String text, Quantities q) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (true) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                b.append(text, i, text.length());
                return b.toString();
            }
            int end = text.indexOf('}', open);
            if (end < 0) {
                throw new IllegalArgumentException("a { is not closed: \"" + snippet(text, open) + "\"");
            }
            b.append(text, i, open);
            b.append(value(slot(text.substring(open + 1, end)), q));
            i = end + 1;
        }
    }

    private static String value(Slot s, Quantities q) {
        if (s.parsed() == null) {
            if (s.expression().equals("seeds")) {
                return seedRange(q.seeds());
            }
            String t = q.text(s.expression());
            if (t == null) {
                throw new IllegalArgumentException("{" + s.expression() + "}: the step computed no such rates");
            }
            return t;
        }
        double[] v = s.parsed().evaluate(q);
        return switch (s.stat()) {
            case "min" -> format(min(v), s.format());
            case "max" -> format(max(v), s.format());
            case "band" -> band(v, s.format());
            case "wins" -> wins(v) + " of " + v.length;
            case "first" -> format(v[0], s.format());
            default -> format(mean(v), s.format());
        };
    }

    private static String band(double[] v, String format) {
        String lo = format(min(v), format);
        String hi = format(max(v), format);
        return lo.equals(hi) ? "all " + lo : lo + " to " + hi;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static int wins(double[] v) {
        int w = 0;
        for (double x : v) {
            w += x > 0 ? 1 : 0;
        }
        return w;
    }

    /** A number as a lesson shows it. */
    public static String format(double x, String how) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("a value is not a number (a division by zero or an empty run)");
        }
        return switch (how) {
            case "int" -> String.format(Locale.ROOT, "%,.0f", x);
            case "d1" -> String.format(Locale.ROOT, "%,.1f", x);
            case "d2" -> String.format(Locale.ROOT, "%,.2f", x);
            case "pct" -> auto(100 * x) + "%";
            case "usd" -> (x < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.0f", Math.abs(x));
            default -> auto(x);
        };
    }

    private static String auto(double x) {
        double a = Math.abs(x);
        String s;
        if (a >= 100) {
            s = String.format(Locale.ROOT, "%,.0f", x);
        } else if (a >= 10) {
            s = String.format(Locale.ROOT, "%.1f", x);
        } else if (a >= 1) {
            s = String.format(Locale.ROOT, "%.2f", x);
        } else if (a == 0) {
            s = "0";
        } else {
            s = String.format(Locale.ROOT, "%.3g", x);
        }
        return s.equals("-0") || s.equals("-0.0") || s.equals("-0.00") ? s.substring(1) : s;
    }

    /** Seeds as a reader takes them in: "42-46" for a run of consecutive seeds, otherwise a list. */
    public static String seedRange(List<Long> seeds) {
        if (seeds.size() == 1) {
            return "seed " + seeds.get(0);
        }
        boolean consecutive = true;
        for (int i = 1; i < seeds.size(); i++) {
            consecutive &= seeds.get(i) == seeds.get(i - 1) + 1;
        }
        return "seeds " + (consecutive ? seeds.get(0) + "-" + seeds.get(seeds.size() - 1)
                : String.join(", ", seeds.stream().map(String::valueOf).toList()));
    }

    private static String snippet(String text, int at) {
        return text.substring(at, Math.min(text.length(), at + 40));
    }
}
