package org.econlab.economy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The social welfare function a planner maximises and a run reports (scenario field {@code utility.swf}).
 *
 * <p>Utilities {@code u} and pre-tax incomes {@code z} are dollars per year; skill {@code v} is dollars per year
 * per weekly hour, so {@code 40 v} is the income at 40 hours ("potential income", paper-model §2.1).
 * <ul>
 *   <li>{@link Kind#INVERSE_INCOME}: the paper's {@code sum_i u_i / max(z_i, 1)}. The weight depends on the
 *       income the worker chooses, so a worker who stops working jumps from weight ~1e-5 to 1.</li>
 *   <li>{@link Kind#INVERSE_SKILL}: {@code sum_i u_i / max(40 v_i, 1)}: fixed inverse-potential-income Pareto
 *       weights, the same pro-poor ordering as the paper's, which no worker can change by working less.</li>
 *   <li>{@link Kind#MAXIMIN}: {@code min_i u_i} (Rawls).</li>
 *   <li>{@link Kind#ATKINSON}: {@code N * EDE}, the equally-distributed-equivalent utility times N over
 *       utilities floored at 1: {@code N (mean y^(1-eps))^(1/(1-eps))}, {@code N exp(mean ln y)} at eps = 1,
 *       with {@code y_i = max(u_i, 1)} and inequality aversion {@code eps >= 0}. It ranks schedules exactly as
 *       {@code sum y^(1-eps)/(1-eps)} (resp. {@code sum ln y}) does, is in dollars, and equals the utilitarian sum
 *       at eps = 0 when every utility is at least 1.</li>
 *   <li>{@link Kind#UTILITARIAN}: {@code sum_i u_i}.</li>
 *   <li>{@link Kind#INVERSE_INCOME_AVERAGE}: the AI Economist's normalised average
 *       {@code sum_i u_i w_i / sum_i w_i}, {@code w_i = 1/max(z_i, 1)}.</li>
 * </ul>
 * Immutable and thread-safe; {@link Accumulator}s are not.
 *
 * @param kind    which function
 * @param epsilon Atkinson inequality aversion, {@code >= 0}; 0 for the other kinds
 */
public record WelfareFunction(Kind kind, double epsilon) {

    /** The largest inequality aversion accepted (beyond it the EDE is the minimum to print precision). */
    public static final double MAX_EPSILON = 50;

    /** The welfare functions by scenario id. */
    public enum Kind {
        INVERSE_INCOME("Paper's welfare", "inverse_income", "paper: sum of u / max(z, 1)",
                "The paper's welfare: each worker's utility divided by the income it earns, summed. A worker who stops"
                        + " working counts as much as a thousand working ones, so schedules that make people quit score high."),
        INVERSE_SKILL("Pro-poor weights", "inverse_skill", "sum of u / (40 x skill)",
                "Each worker's utility weighted by 1 / (its income at 40 hours), summed: fixed pro-poor weights that a"
                        + " worker cannot change by working less."),
        MAXIMIN("Worst-off (maximin)", "maximin", "utility of the worst-off worker",
                "The utility of the worst-off worker (Rawls): only the lowest utility counts."),
        ATKINSON("Atkinson", "atkinson", "Atkinson, inequality aversion epsilon",
                "N times the equally-distributed-equivalent utility: what everybody would need to get for society to be"
                        + " as well off; epsilon 0 is the plain sum, larger epsilon weighs the worst-off more."),
        UTILITARIAN("Utilitarian sum", "utilitarian", "sum of u",
                "The sum of all utilities: a dollar counts the same whoever gets it, so redistribution earns nothing."),
        INVERSE_INCOME_AVERAGE("AI Economist average", "inverse_income_average", "AI Economist: average of u weighted by 1 / max(z, 1)",
                "The AI Economist's inverse-income-weighted average of utilities; like the paper's sum, its weights"
                        + " depend on the incomes workers choose.");

        private final String plainName;
        private final String id;
        private final String label;
        private final String meaning;

        Kind(String plainName, String id, String label, String meaning) {
            this.plainName = plainName;
            this.id = id;
            this.label = label;
            this.meaning = meaning;
        }

        public String id() {
            return id;
        }

        /** The name a class reads ("Pro-poor weights"); the {@link #id} is what scenario files use. */
        public String plainName() {
            return plainName;
        }

        /** A few words for menus and chart titles. */
        public String label() {
            return label;
        }

        /** One plain sentence on what the function measures. */
        public String meaning() {
            return meaning;
        }

        public static Optional<Kind> byId(String name) {
            if (name == null) {
                return Optional.empty();
            }
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("rawlsian")) {
                return Optional.of(INVERSE_INCOME); // the later upstream name for the paper's sum
            }
            return Arrays.stream(values()).filter(k -> k.id.equals(n)).findFirst();
        }

        public static String ids() {
            return String.join(", ", Arrays.stream(values()).map(Kind::id).toList());
        }
    }

    /** The paper's SWF. */
    public static final WelfareFunction PAPER = new WelfareFunction(Kind.INVERSE_INCOME, 0);
    /** Fixed inverse-potential-income weights: the lab's default for classroom scenarios. */
    public static final WelfareFunction INVERSE_SKILL = new WelfareFunction(Kind.INVERSE_SKILL, 0);
    public static final WelfareFunction UTILITARIAN = new WelfareFunction(Kind.UTILITARIAN, 0);
    public static final WelfareFunction MAXIMIN = new WelfareFunction(Kind.MAXIMIN, 0);
    public static final WelfareFunction INVERSE_INCOME_AVERAGE = new WelfareFunction(Kind.INVERSE_INCOME_AVERAGE, 0);

    public WelfareFunction {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind != Kind.ATKINSON) {
            epsilon = 0;
        } else if (!(epsilon >= 0 && epsilon <= MAX_EPSILON)) {
            throw new IllegalArgumentException("epsilon must be in 0.." + (int) MAX_EPSILON + ", was " + epsilon);
        }
    }

    /** The Atkinson function with inequality aversion {@code epsilon}. */
    public static WelfareFunction atkinson(double epsilon) {
        return new WelfareFunction(Kind.ATKINSON, epsilon);
    }

    /** A function without parameter by kind ({@link Kind#ATKINSON} gets epsilon 1, the log). */
    public static WelfareFunction of(Kind kind) {
        return new WelfareFunction(kind, kind == Kind.ATKINSON ? 1 : 0);
    }

    public String id() {
        return kind.id();
    }

    /** Short label with the parameter, e.g. {@code "inverse_skill"} or {@code "atkinson(eps=2)"}. */
    public String displayName() {
        return kind == Kind.ATKINSON ? "atkinson(eps=" + plain(epsilon) + ")" : kind.id();
    }

    /** Weight of one worker in the paper's SWF: {@code 1 / max(z, 1)}. */
    public static double inverseIncomeWeight(double incomeUsd) {
        return 1.0 / Math.max(incomeUsd, 1.0);
    }

    /** Weight of one worker under {@link Kind#INVERSE_SKILL}: {@code 1 / max(40 v, 1)}. */
    public static double inverseSkillWeight(double skill) {
        return 1.0 / Math.max(40 * skill, 1.0);
    }

    /**
     * The paper's welfare as the reference computes it: Python's {@code sum([u[i] / max(z[i], 1) ...])} over workers
     * {@code [0, n)}, a sequential sum of quotients ({@link Kind#INVERSE_INCOME}'s accumulator multiplies by the weight
     * {@code 1 / max(z, 1)}, which can differ in the last digit).
     */
    public static double referenceInverseIncome(double[] utility, double[] incomeUsd, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += utility[i] / Math.max(incomeUsd[i], 1);
        }
        return s;
    }

    /** A fresh, empty accumulator for this function. */
    public Accumulator accumulator() {
        return new Accumulator(this);
    }

    /** Welfare of workers {@code [0, n)}, added in index order. */
    public double of(double[] utility, double[] incomeUsd, double[] skill, int n) {
        Accumulator a = accumulator();
        for (int i = 0; i < n; i++) {
            a.add(utility[i], incomeUsd[i], skill[i]);
        }
        return a.value();
    }

    /**
     * Welfare of a group of workers built up one worker at a time; partial accumulators of consecutive
     * ranges are {@linkplain #merge merged} in index order so that parallel and sequential sums agree bit for
     * bit. Mutable; confine each to one thread.
     */
    public static final class Accumulator {
        private final WelfareFunction function;
        private final Kind kind;
        private final double exponent; // 1 - epsilon for Atkinson
        private double total;
        private double weights;
        private long count;

        private Accumulator(WelfareFunction function) {
            this.function = function;
            this.kind = function.kind;
            this.exponent = 1 - function.epsilon;
            reset();
        }

        /** Empties the accumulator for reuse. */
        public void reset() {
            total = kind == Kind.MAXIMIN ? Double.POSITIVE_INFINITY : 0;
            weights = 0;
            count = 0;
        }

        /** Adds one worker's utility, pre-tax income and skill. */
        public void add(double utility, double incomeUsd, double skill) {
            count++;
            switch (kind) {
                case INVERSE_INCOME -> total += utility * inverseIncomeWeight(incomeUsd);
                case INVERSE_SKILL -> total += utility * inverseSkillWeight(skill);
                case MAXIMIN -> total = Math.min(total, utility);
                case UTILITARIAN -> total += utility;
                case ATKINSON -> {
                    double y = Math.max(utility, 1);
                    total += exponent == 0 ? Math.log(y) : Math.pow(y, exponent);
                }
                case INVERSE_INCOME_AVERAGE -> {
                    double w = inverseIncomeWeight(incomeUsd);
                    total += utility * w;
                    weights += w;
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }

        /** Adds the workers of {@code other}, which must be for the same function. */
        public void merge(Accumulator other) {
            if (!other.function.equals(function)) {
                throw new IllegalArgumentException("different welfare functions");
            }
            count += other.count;
            weights += other.weights;
            total = kind == Kind.MAXIMIN ? Math.min(total, other.total) : total + other.total;
        }

        /** Workers added so far. */
        public long count() {
            return count;
        }

        /** The welfare of the workers added; 0 when none. */
        public double value() {
            if (count == 0) {
                return 0;
            }
            return switch (kind) {
                case MAXIMIN, INVERSE_INCOME, INVERSE_SKILL, UTILITARIAN -> total;
                case INVERSE_INCOME_AVERAGE -> weights == 0 ? 0 : total / weights;
                case ATKINSON -> exponent == 0
                        ? count * Math.exp(total / count)
                        : count * Math.pow(total / count, 1 / exponent);
            };
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
