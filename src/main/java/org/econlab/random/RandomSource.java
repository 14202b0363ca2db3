package org.econlab.random;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a run's randomness comes from (scenario field {@code random}).
 * <ul>
 *   <li>{@link #LAB} (default): the lab's counter-based {@link RandomStreams}: every draw a pure function of the seed
 *       and its purpose, any 64-bit seed, numbers independent of threads and population size.</li>
 *   <li>{@link #NUMPY}: the reference implementation's own generators, {@code np.random.seed(seed)} and
 *       {@code random.seed(seed)}, consumed in its order, and its arithmetic where it sums, so that the same seed
 *       gives the reference's population (paper-model §2.1 "RNG order of the reference"); seeds 0..2^32 - 1.</li>
 * </ul>
 */
public enum RandomSource {
    LAB("lab"),
    NUMPY("numpy");

    private final String id;

    RandomSource(String id) {
        this.id = id;
    }

    /** The scenario file's value. */
    public String id() {
        return id;
    }

    public static Optional<RandomSource> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The known ids, for error messages: {@code lab, numpy}. */
    public static String ids() {
        return Arrays.stream(values()).map(RandomSource::id).collect(Collectors.joining(", "));
    }
}
