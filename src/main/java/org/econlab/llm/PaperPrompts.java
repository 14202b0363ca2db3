package org.econlab.llm;

import org.econlab.economy.BracketPreset;
import org.econlab.economy.TaxBrackets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Text pieces shared by the paper's prompts (paper-model §3.4, §5.1, §5.5, §9): number formatting, the bracket
 * sentence, the JSON format lines. Numbers are printed like the reference's Python floats rounded to 2 decimals
 * ({@code 50.0}, {@code 26957.62}), whatever the JVM locale.
 */
public final class PaperPrompts {

    /** The JSON prefill appended to every user message (paper §3.4). */
    public static final String PREFILL = "\n{\"";

    /** Chain-of-thought suffix (paper §3.4, §5.5). */
    public static final String THINK = " Let's think step by step. Your thought should no more than 4 sentences.";

    private PaperPrompts() {
    }

    /** A Python-like float: at most 2 decimals, at least one ({@code 50.0}, {@code 673.94}). */
    public static String num(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        BigDecimal b = BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = b.scale() <= 0 ? b.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : b.toPlainString();
        return s.equals("-0.0") ? "0.0" : s;
    }

    /** Like {@link #num(double)} with up to 4 decimals: for the SWF, whose scale is a few units per worker. */
    public static String num4(double x) {
        if (!Double.isFinite(x)) {
            return num(x);
        }
        BigDecimal b = BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = b.scale() <= 0 ? b.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : b.toPlainString();
        return s.equals("-0.0") ? "0.0" : s;
    }

    /** A list of rates as {@code [50.0, 40.0, 60.0]}. */
    public static String list(double[] xs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(num(xs[i]));
        }
        return b.append(']').toString();
    }

    /** Integer-valued deltas as {@code [10, -10, 0]}. */
    public static String intList(double[] xs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(Math.round(xs[i]));
        }
        return b.append(']').toString();
    }

    /** {@code [X, X, X]} with one X per bracket. */
    public static String xs(int k) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < k; i++) {
            b.append(i > 0 ? ", X" : "X");
        }
        return b.append(']').toString();
    }

    /** Dollars with thousands separators and 2 decimals: {@code 90,000.00}. */
    public static String dollars(double x) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(x);
    }

    /** The bracket sentence of paper §5.1 (exact text for the three presets, the same shape otherwise). */
    public static String bracketText(TaxBrackets b) {
        if (b.equals(BracketPreset.FLAT.brackets())) {
            return "There is 1 tax bracket to set the rates for, [[0,)]. ";
        }
        if (b.equals(BracketPreset.THREE.brackets())) {
            return "There are 3 tax brackets to set the rates for, [[0,90000), [90000,159100], [159100,)]]. ";
        }
        if (b.equals(BracketPreset.US_FED_2024.brackets())) {
            return "There are 7 tax brackets to set the rates for, [[0,11600], [11601,47150], [47151,100525], "
                    + "[100526,191950], [191951,243725], [243726, 609350], [609351, )]. ";
        }
        int k = b.count();
        StringBuilder s = new StringBuilder(k == 1 ? "There is 1 tax bracket" : "There are " + k + " tax brackets");
        s.append(" to set the rates for, [");
        for (int j = 0; j < k; j++) {
            if (j > 0) {
                s.append(", ");
            }
            s.append('[').append(Math.round(b.lowerUsd(j))).append(',');
            if (j < k - 1) {
                s.append(Math.round(b.upperUsd(j))).append(')');
            } else {
                s.append(")");
            }
        }
        return s.append("]]. ").toString();
    }

    /** Exactly 2 decimals, e.g. {@code 1234.50} (Python {@code :.2f}). */
    public static String fixed2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** {@code round(x, -1)} with ties to even, as NumPy/Python round to tens. */
    public static double roundTens(double x) {
        return Math.rint(x / 10) * 10 + 0.0;
    }
}
