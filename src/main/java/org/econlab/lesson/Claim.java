package org.econlab.lesson;

/**
 * A sentence of a lesson that its numbers must bear out: an ordering between two computed quantities (a sign is
 * an ordering against 0), on every seed or on at least some of them. For example
 * {@code {"text": "icrl beats Saez at e = 3.0", "that": "icrl.swf > saezPaper.swf", "holdsOn": "all"}}.
 *
 * @param text    the claim in words, as the explanation makes it
 * @param that    the ordering as written
 * @param left    left side
 * @param op      {@code >}, {@code >=}, {@code <} or {@code <=}
 * @param right   right side
 * @param atLeast seeds on which it must hold; {@link #ALL} for every seed
 */
public record Claim(String text, String that, Expression left, String op, Expression right, int atLeast) {

    /** {@link #atLeast} meaning "on every seed". */
    public static final int ALL = -1;

    /**
     * Parses an ordering such as {@code a.swf - b.swf > 0}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Claim parse(String text, String that, int atLeast) {
        for (String op : new String[] {">=", "<=", ">", "<"}) {
            int i = that.indexOf(op);
            if (i >= 0) {
                Expression l = Expression.parse(that.substring(0, i));
                Expression r = Expression.parse(that.substring(i + op.length()));
                return new Claim(text, that.trim(), l, op, r, atLeast);
            }
        }
        throw new IllegalArgumentException("\"" + that + "\" is not an ordering (use >, >=, < or <=)");
    }

    /** Checks the claim on every seed of {@code q}. */
    public ClaimResult check(Quantities q) {
        double[] l = left.evaluate(q);
        double[] r = right.evaluate(q);
        int n = Math.max(l.length, r.length);
        boolean[] holds = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double a = l[l.length == 1 ? 0 : i];
            double b = r[r.length == 1 ? 0 : i];
            holds[i] = switch (op) {
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "<" -> a < b;
                default -> a <= b;
            };
            count += holds[i] ? 1 : 0;
        }
        int required = atLeast == ALL ? n : Math.min(atLeast, n);
        return new ClaimResult(this, q.seeds().subList(0, n == 1 ? 1 : n), holds, count >= required, required);
    }
}
