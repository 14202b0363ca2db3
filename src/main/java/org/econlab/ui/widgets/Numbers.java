package org.econlab.ui.widgets;

import org.econlab.economy.TaxBrackets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the window writes numbers for people: a few significant digits, thousands separators, k and M for
 * money in tight places. Pure; any thread.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code v} to {@code digits} significant digits without exponent, trailing zeros dropped; the integer part is
     * never rounded away (72,402.78 at 4 digits is {@code 72403}, 2.072149 is {@code 2.072}).
     */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= Math.pow(10, digits)) {
            return Long.toString(Math.round(v));
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : b.toPlainString();
    }

    /** A monitor's value: thousands separators, at most 3-4 significant digits, M and bn beyond a million. */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.3g bn", v / 1e9).replace(".000", "");
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", v / 1e6);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return significant(v, 3);
    }

    /** Dollars in few characters: {@code $950}, {@code $11.6k}, {@code $609k}, {@code $1.2M}. */
    public static String shortMoney(double usd) {
        double a = Math.abs(usd);
        if (a < 1000) {
            return "$" + Math.round(usd);
        }
        if (a < 1e6) {
            return "$" + significant(usd / 1000, 3) + "k";
        }
        return "$" + significant(usd / 1e6, 3) + "M";
    }

    /** A bracket in few characters: {@code $0–11.6k}, {@code $11.6k–47.2k}, {@code $609k+} for the top one. */
    public static String shortBracket(TaxBrackets b, int j) {
        String lo = shortMoney(b.lowerUsd(j));
        if (j == b.count() - 1) {
            return lo + "+";
        }
        return lo + "–" + shortMoney(b.upperUsd(j)).substring(1);
    }

    /** A rate in percent without needless decimals: {@code 37}, {@code 12.5}. */
    public static String percent(double ratePercent) {
        return significant(Math.round(ratePercent * 10) / 10.0, 4);
    }
}
