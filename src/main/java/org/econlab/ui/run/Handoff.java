package org.econlab.ui.run;

import java.util.function.Consumer;

/**
 * A value computed on one thread and handed once to a consumer on the FX thread (e.g. a run's reference lines, set by
 * the thread that builds the run). {@link #set} from any thread; {@link #deliverTo} and {@link #clear} on the FX thread.
 *
 * @param <T> the value's type
 */
final class Handoff<T> {

    private volatile T value;
    private T delivered;

    void set(T v) {
        value = v;
    }

    /** Forgets the value (a new run starts). */
    void clear() {
        value = null;
        delivered = null;
    }

    /** Gives the value to {@code consumer} if it is new since the last delivery. */
    void deliverTo(Consumer<T> consumer) {
        T v = value;
        if (v != null && v != delivered) {
            delivered = v;
            consumer.accept(v);
        }
    }
}
