package org.econlab.economy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a worker's choice of hours accounts for the equal rebate {@code R = sum_j T_j / N}, which includes
 * {@code 1/N} of the worker's own tax (paper-model §17).
 */
public enum RebateTreatment {
    /**
     * The competitive approximation: the rebate is taken as given, so a worker maximises
     * {@code v l - T(v l) - c l^delta}. Exact only as N grows; at a 100% marginal rate such a worker stops.
     */
    PRICE_TAKING("price_taking"),
    /**
     * The exact best response: the worker counts the {@code 1/N} of its own tax that comes back, maximising
     * {@code v l - (1 - 1/N) T(v l) - c l^delta} (the others' taxes do not depend on its hours). This is the
     * Nash best response of the simultaneous game the simulation plays.
     */
    OWN_SHARE("own_share"),
    /**
     * Learning workers only: the reward is the whole realised utility, rebate included, as an LLM worker reads
     * it. In expectation the same as {@link #OWN_SHARE}, plus the noise of the other workers' exploration.
     */
    REALISED("realised");

    private final String id;

    RebateTreatment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Fraction of its own marginal tax a worker counts as lost: 1 when price-taking, {@code 1 - 1/N} with its
     * own share (and for realised rewards, whose expectation is the same).
     *
     * @param workers N, at least 1
     */
    public double ownTaxCostFraction(int workers) {
        return this == PRICE_TAKING ? 1.0 : 1.0 - 1.0 / workers;
    }

    public static Optional<RebateTreatment> byId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(n)).findFirst();
    }
}
