package org.econlab.lesson;

import org.econlab.config.JsonFields;

import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic over a step's quantities, evaluated seed by seed: {@code icrl.swf - saez.swf},
 * {@code laffer.revenue@90 / laffer.revenue@50}, {@code (a.hours + b.hours) / 2}, numbers such as {@code 0}.
 * A quantity is {@code measure.quantity} with an optional {@code @rate}. Operators: {@code + - * /} and parentheses,
 * with the usual precedence. Immutable.
 */
public final class Expression {

    private interface Node {
        double[] eval(Quantities q);
    }

    private final String text;
    private final Node root;
    private final List<String> references;

    private Expression(String text, Node root, List<String> references) {
        this.text = text;
        this.root = root;
        this.references = List.copyOf(references);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static Expression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.sum();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw new IllegalArgumentException("unexpected \"" + text.substring(p.pos) + "\" in \"" + text + "\"");
        }
        return new Expression(text.trim(), n, p.refs);
    }

    /** The value on each seed. */
    public double[] evaluate(Quantities q) {
        return root.eval(q);
    }

    /** The measurements this expression refers to (the part before the first dot of each quantity). */
    public List<String> measures() {
        return references.stream().map(r -> r.substring(0, r.indexOf('.'))).distinct().toList();
    }

    /** The quantity keys this expression reads. */
    public List<String> references() {
        return references;
    }

    /** Whether this is a single quantity (no arithmetic). */
    public boolean isSingleQuantity() {
        return references.size() == 1 && text.replace(" ", "").equals(references.get(0));
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private final List<String> refs = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Node sum() {
            Node left = product();
            while (true) {
                skipSpaces();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    Node l = left;
                    Node r = product();
                    left = q -> combine(l.eval(q), r.eval(q), op);
                } else {
                    return left;
                }
            }
        }

        Node product() {
            Node left = factor();
            while (true) {
                skipSpaces();
                if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                    char op = s.charAt(pos++);
                    Node l = left;
                    Node r = factor();
                    left = q -> combine(l.eval(q), r.eval(q), op);
                } else {
                    return left;
                }
            }
        }

        Node factor() {
            skipSpaces();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("\"" + s + "\" ends where a number or quantity was expected");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = sum();
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new IllegalArgumentException("a ( is not closed in \"" + s + "\"");
                }
                pos++;
                return inner;
            }
            if (c == '-') {
                pos++;
                Node inner = factor();
                return q -> combine(new double[] {0}, inner.eval(q), '-');
            }
            if (Character.isDigit(c) || c == '.') {
                double v = number();
                return q -> new double[] {v};
            }
            if (Character.isLetter(c)) {
                String key = reference();
                refs.add(key);
                return q -> q.values(key);
            }
            throw new IllegalArgumentException("unexpected \"" + c + "\" in \"" + s + "\"");
        }

        double number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + s.substring(start, pos) + "\" is not a number in \"" + s + "\"");
            }
        }

        String reference() {
            String measure = word();
            if (pos >= s.length() || s.charAt(pos) != '.') {
                throw new IllegalArgumentException("\"" + measure + "\" is not measure.quantity in \"" + s + "\"");
            }
            pos++;
            String quantity = word();
            if (quantity.isEmpty()) {
                throw new IllegalArgumentException("a quantity name must follow \"" + measure + ".\" in \"" + s + "\"");
            }
            double at = Double.NaN;
            if (pos < s.length() && s.charAt(pos) == '@') {
                pos++;
                at = number();
            }
            return measure + "." + quantity + (Double.isNaN(at) ? "" : "@" + JsonFields.format(at));
        }

        String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }
    }

    private static double[] combine(double[] a, double[] b, char op) {
        int n = Math.max(a.length, b.length);
        if (a.length != 1 && b.length != 1 && a.length != b.length) {
            throw new IllegalArgumentException("quantities with different numbers of seeds");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = a[a.length == 1 ? 0 : i];
            double y = b[b.length == 1 ? 0 : i];
            out[i] = switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> x / y;
            };
        }
        return out;
    }
}
