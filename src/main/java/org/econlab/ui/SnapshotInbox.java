package org.econlab.ui;

import org.econlab.simulation.SimulationListener;
import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands snapshots from the runner thread to the FX thread without one {@code Platform.runLater} per
 * step: the runner only enqueues; the FX thread drains everything that arrived since the last frame.
 */
final class SnapshotInbox implements SimulationListener {

    private final ConcurrentLinkedQueue<StepSnapshot> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void stepCompleted(StepSnapshot snapshot) {
        queue.add(snapshot);
    }

    /** Everything that arrived since the last call, in step order. FX thread. */
    List<StepSnapshot> drain() {
        List<StepSnapshot> out = new ArrayList<>();
        StepSnapshot s;
        while ((s = queue.poll()) != null) {
            out.add(s);
        }
        return out;
    }
}
