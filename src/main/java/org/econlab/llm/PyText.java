package org.econlab.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers printed the way the reference's Python prints them, so the paper text style reproduces its prompts
 * character for character (paper-model §3.4, §5.5):
 * <ul>
 *   <li>{@link #repr(double)}: Python's {@code repr(float)} (and NumPy 1.x's {@code float64}): the shortest digits that
 *       read back to the same double, fixed notation for exponents -4..15 ({@code 26957.62}, {@code 50.0},
 *       {@code 0.0001}), scientific otherwise ({@code 1e-05}, {@code 1e+16}), {@code nan}, {@code inf};</li>
 *   <li>{@link #fixed2(double)}: {@code f"{x:.2f}"}, rounding the exact binary value half to even;</li>
 *   <li>{@link #commas2(double)}: {@code f"{x:,.2f}"};</li>
 *   <li>{@link #npIntegralArray(double[])}: {@code str()} of a 1-D NumPy float array whose values are whole numbers
 *       ({@code [ 0. 50. 50.]}, padded to a common width as NumPy does).</li>
 * </ul>
 * Pure functions, thread-safe, independent of the JVM locale.
 */
public final class PyText {

    private PyText() {
    }

    /** Python {@code repr(x)} of a float. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(x);
        String digits = shortest.unscaledValue().abs().toString();
        // strip trailing zeros of the digit string (keep at least one digit)
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int exp10 = digits.length() - 1 - shortest.scale(); // exponent of the first digit
        digits = digits.substring(0, end);
        StringBuilder b = new StringBuilder(24);
        if (x < 0) {
            b.append('-');
        }
        if (exp10 >= -4 && exp10 < 16) { // Python's repr: fixed notation when -4 <= exponent < 16
            if (exp10 < 0) {
                b.append("0.");
                b.append("0".repeat(-exp10 - 1));
                b.append(digits);
            } else if (digits.length() <= exp10 + 1) {
                b.append(digits);
                b.append("0".repeat(exp10 + 1 - digits.length()));
                b.append(".0");
            } else {
                b.append(digits, 0, exp10 + 1).append('.').append(digits, exp10 + 1, digits.length());
            }
            return b.toString();
        }
        return scientific(b, digits, exp10);
    }

    private static String scientific(StringBuilder b, String digits, int exp10) {
        b.append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        b.append('e').append(exp10 < 0 ? '-' : '+');
        int e = Math.abs(exp10);
        if (e < 10) {
            b.append('0');
        }
        return b.append(e).toString();
    }

    /** The shortest decimal that reads back as {@code x}; among equally short ones, the closest. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal best = null;
            BigDecimal bestDistance = null;
            for (RoundingMode m : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(new MathContext(p, m));
                if (Double.parseDouble(c.toString()) == x) {
                    BigDecimal d = c.subtract(exact).abs();
                    if (best == null || d.compareTo(bestDistance) < 0) {
                        best = c;
                        bestDistance = d;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(MathContext.DECIMAL64);
    }

    /** Python {@code str(x)} of an int-or-float value: whole numbers as ints when {@code asInt}. */
    public static String number(double x, boolean asInt) {
        if (asInt && x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return repr(x);
    }

    /** A Python list of floats, e.g. {@code [60.0, 40.0, 50.0]}; with {@code ints}, whole values as {@code [50, 50, 50]}. */
    public static String list(double[] xs, boolean ints) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(number(xs[i], ints));
        }
        return b.append(']').toString();
    }

    /** {@code f"{x:.2f}"}: the exact binary value rounded half to even at 2 decimals, as CPython does. */
    public static String fixed2(double x) {
        if (!Double.isFinite(x)) {
            return repr(x);
        }
        String s = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /** {@code f"{x:,.2f}"}: thousands separators and 2 decimals. */
    public static String commas2(double x) {
        String s = fixed2(Math.abs(x));
        int dot = s.indexOf('.');
        StringBuilder b = new StringBuilder();
        String whole = s.substring(0, dot);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return (x < 0 || (x == 0 && 1 / x < 0) ? "-" : "") + b + s.substring(dot);
    }

    /**
     * {@code str()} of a 1-D NumPy float64 array of whole numbers ({@code np.round(..., -1)} results): each value as
     * {@code 50.}, right-aligned to the widest, separated by one space, e.g. {@code [100.  40.  50.]}; {@code nan}
     * for missing values.
     */
    public static String npIntegralArray(double[] xs) {
        String[] parts = new String[xs.length];
        int width = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            parts[i] = Double.isNaN(x) ? "nan" : (x == 0 && 1 / x < 0 ? "-0" : Long.toString((long) x)) + ".";
            width = Math.max(width, parts[i].length());
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(" ".repeat(width - parts[i].length())).append(parts[i]);
        }
        return b.append(']').toString();
    }
}
