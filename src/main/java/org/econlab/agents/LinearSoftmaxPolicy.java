package org.econlab.agents;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.RateDeltas;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code policy_gradient} planner's stochastic policy: for each bracket, a softmax over the LLM planner's five
 * DELTAs {-20, -10, 0, +10, +20} whose logits are linear in that bracket's observation features
 * ({@link PolicyFeatures}): {@code p(a | phi) = exp(theta_a . phi) / sum_b exp(theta_b . phi)}. One parameter matrix
 * serves every bracket (a one-hot bracket feature lets each bracket have its own level). Also holds the learned
 * baseline's weights (a linear value function of the year's global features), which only training uses.
 *
 * <p>Immutable: training makes a new policy after each update. Pure and thread-safe.
 *
 * @param brackets number of brackets K the features were built for
 * @param theta    {@link #ACTIONS} rows of {@link PolicyFeatures#count(int)} weights
 * @param baseline {@link PolicyFeatures#baselineCount(int)} weights of the value function
 */
public record LinearSoftmaxPolicy(int brackets, double[][] theta, double[] baseline) {

    /** The action grid, points per bracket (the paper's DELTA grid). */
    public static final double[] DELTAS = RateDeltas.GRID;
    public static final int ACTIONS = DELTAS.length;
    /** The file format's name and version, written into every policy file. */
    public static final String FORMAT = "llm-economist-lab/policy-gradient";
    public static final int VERSION = 1;

    public LinearSoftmaxPolicy {
        if (brackets < 1) {
            throw new IllegalArgumentException("needs at least one bracket");
        }
        int f = PolicyFeatures.count(brackets);
        if (theta.length != ACTIONS || Arrays.stream(theta).anyMatch(r -> r.length != f)) {
            throw new IllegalArgumentException("theta must be " + ACTIONS + " x " + f);
        }
        if (baseline.length != PolicyFeatures.baselineCount(brackets)) {
            throw new IllegalArgumentException("baseline needs " + PolicyFeatures.baselineCount(brackets) + " weights");
        }
        theta = Arrays.stream(theta).map(double[]::clone).toArray(double[][]::new);
        baseline = baseline.clone();
    }

    /** The untrained policy: every DELTA equally likely, baseline 0. */
    public static LinearSoftmaxPolicy uniform(int brackets) {
        return new LinearSoftmaxPolicy(brackets, new double[ACTIONS][PolicyFeatures.count(brackets)],
                new double[PolicyFeatures.baselineCount(brackets)]);
    }

    @Override
    public double[][] theta() {
        return Arrays.stream(theta).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    /** Action probabilities for one bracket's features, written into {@code out} (length {@link #ACTIONS}). */
    public void probabilities(double[] phi, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < ACTIONS; a++) {
            double s = 0;
            for (int i = 0; i < phi.length; i++) {
                s += theta[a][i] * phi[i];
            }
            out[a] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int a = 0; a < ACTIONS; a++) {
            out[a] = Math.exp(out[a] - max);
            sum += out[a];
        }
        for (int a = 0; a < ACTIONS; a++) {
            out[a] /= sum;
        }
    }

    /** The action drawn with uniform {@code u} in [0, 1) by inverse transform over the probabilities. */
    public int sample(double[] phi, double u) {
        double[] p = new double[ACTIONS];
        probabilities(phi, p);
        double c = 0;
        for (int a = 0; a < ACTIONS - 1; a++) {
            c += p[a];
            if (u < c) {
                return a;
            }
        }
        return ACTIONS - 1;
    }

    /** The most likely action (ties: the smaller move), what an evaluation run plays. */
    public int greedy(double[] phi) {
        double[] p = new double[ACTIONS];
        probabilities(phi, p);
        int best = 2; // 0: no move, first among ties
        for (int a = 0; a < ACTIONS; a++) {
            if (p[a] > p[best] || p[a] == p[best] && Math.abs(a - 2) < Math.abs(best - 2)) {
                best = a;
            }
        }
        return best;
    }

    /** The expected DELTA {@code sum_a p_a DELTA_a} (points) for one bracket's features. */
    public double expectedDelta(double[] phi) {
        double[] p = new double[ACTIONS];
        probabilities(phi, p);
        double e = 0;
        for (int a = 0; a < ACTIONS; a++) {
            e += p[a] * DELTAS[a];
        }
        return e;
    }

    /** The baseline's value of a year with global features {@code psi}. */
    public double value(double[] psi) {
        double s = 0;
        for (int i = 0; i < psi.length; i++) {
            s += baseline[i] * psi[i];
        }
        return s;
    }

    /** A copy with new weights (same brackets). */
    public LinearSoftmaxPolicy with(double[][] newTheta, double[] newBaseline) {
        return new LinearSoftmaxPolicy(brackets, newTheta, newBaseline);
    }

    /** The policy as JSON: format, version, actions, feature names, weights (full precision). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", VERSION);
        o.addProperty("brackets", brackets);
        JsonArray actions = new JsonArray();
        for (double d : DELTAS) {
            actions.add((long) d);
        }
        o.add("actions", actions);
        JsonArray names = new JsonArray();
        PolicyFeatures.names(brackets).forEach(names::add);
        o.add("features", names);
        JsonArray t = new JsonArray();
        for (double[] row : theta) {
            t.add(numbers(row));
        }
        o.add("theta", t);
        o.add("baseline", numbers(baseline));
        return o;
    }

    /**
     * Reads a policy object (as {@link #toJson} writes it; other fields such as {@code training} are kept by the
     * caller and ignored here) for a schedule of {@code brackets} brackets.
     *
     * @param path where the object came from, for error messages (e.g. {@code planner.policy})
     * @throws InvalidInputException naming what is wrong
     */
    public static LinearSoftmaxPolicy fromJson(JsonObject o, int brackets, String path) {
        try {
            if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
                throw new InvalidInputException(path, "is not a policy_gradient policy (its \"format\" is not \""
                        + FORMAT + "\")");
            }
            int version = o.get("version").getAsInt();
            if (version != VERSION) {
                throw new InvalidInputException(path, "policy version " + version + " is not supported (this build"
                        + " reads version " + VERSION + ")");
            }
            int k = o.get("brackets").getAsInt();
            if (k != brackets) {
                throw new InvalidInputException(path, "the policy was trained for " + k + " brackets; this scenario has "
                        + brackets);
            }
            List<String> names = PolicyFeatures.names(brackets);
            JsonArray f = o.getAsJsonArray("features");
            for (int i = 0; i < names.size(); i++) {
                if (f == null || f.size() != names.size() || !names.get(i).equals(f.get(i).getAsString())) {
                    throw new InvalidInputException(path, "the policy's features are not this build's ("
                            + String.join(", ", names) + ")");
                }
            }
            JsonArray t = o.getAsJsonArray("theta");
            double[][] theta = new double[t.size()][];
            for (int a = 0; a < theta.length; a++) {
                theta[a] = doubles(t.get(a).getAsJsonArray());
            }
            return new LinearSoftmaxPolicy(k, theta, doubles(o.getAsJsonArray("baseline")));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(path, "is not a readable policy (" + e.getMessage() + ")");
        }
    }

    private static JsonArray numbers(double[] x) {
        JsonArray a = new JsonArray();
        for (double v : x) {
            a.add(v);
        }
        return a;
    }

    private static double[] doubles(JsonArray a) {
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            JsonElement e = a.get(i);
            x[i] = e.getAsDouble();
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("weight " + i + " is not a finite number");
            }
        }
        return x;
    }
}
