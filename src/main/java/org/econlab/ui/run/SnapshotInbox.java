package org.econlab.ui.run;

import org.econlab.economy.WelfareFunction;
import org.econlab.population.WorkerState;
import org.econlab.simulation.Simulation;
import org.econlab.simulation.SimulationListener;
import org.econlab.simulation.StepSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands steps from the runner thread to the FX thread without one {@code Platform.runLater} per
 * step: the runner only enqueues; the FX thread drains everything that arrived since the last frame.
 * On the runner thread, between steps, it also counts idle workers and, under the paper's SWF, their
 * share of the welfare (one pass over two columns; see {@link LiveStep}).
 */
public final class SnapshotInbox implements SimulationListener {

    private final ConcurrentLinkedQueue<LiveStep> queue = new ConcurrentLinkedQueue<>();
    private volatile Simulation simulation;

    @Override
    public void runStarted(Simulation sim) {
        simulation = sim;
    }

    @Override
    public void stepCompleted(StepSnapshot snapshot) {
        Simulation sim = simulation;
        if (sim == null) {
            queue.add(LiveStep.recorded(snapshot));
            return;
        }
        WorkerState st = sim.state();
        double[] income = st.income();
        double[] utility = st.utility();
        int idle = 0;
        double idleWelfare = 0;
        for (int i = 0; i < income.length; i++) {
            if (income[i] < 1) {
                idle++;
                idleWelfare += utility[i]; // weight 1 / max(z, 1) = 1
            }
        }
        boolean paper = sim.scenario().swf().kind() == WelfareFunction.Kind.INVERSE_INCOME;
        double share = paper && snapshot.swf() > 0 ? idleWelfare / snapshot.swf() : Double.NaN;
        queue.add(new LiveStep(snapshot, idle, share));
    }

    /** Everything that arrived since the last call, in step order. FX thread. */
    public List<LiveStep> drain() {
        List<LiveStep> out = new ArrayList<>();
        LiveStep s;
        while ((s = queue.poll()) != null) {
            out.add(s);
        }
        return out;
    }
}
