package org.econlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.econlab.agents.AgentSetup;
import org.econlab.agents.RunJournal;
import org.econlab.agents.StepContext;
import org.econlab.config.InvalidInputException;
import org.econlab.economy.TaxSchedule;
import org.econlab.population.WorkerState;
import org.econlab.simulation.StepSnapshot;

/**
 * What the human worker and electorate kinds of one run share (a run context service): where people's decisions come
 * from ({@link HumanInputs}), the journal their decisions are recorded in, the run's seats, and the last step played,
 * shown to the students before the next round opens. Runner thread only, except {@link #observed}, which the
 * simulation may call from several threads with the same arguments.
 */
final class ClassroomRun {

    private final HumanInputs inputs;
    private final RunJournal journal;
    private HumanInputs.Seats seats;
    private volatile WorkerState observedState;
    private volatile int observedStep = -1;
    private volatile TaxSchedule observedSchedule;
    private int publishedStep = -1;
    private int leader = -1;
    private boolean ended;

    private ClassroomRun(HumanInputs inputs, RunJournal journal) {
        this.inputs = inputs;
        this.journal = journal;
    }

    /**
     * The run's shared state, created by whichever human kind is built first.
     *
     * @throws InvalidInputException at {@code path} when the run has neither a class nor a recorded class to replay
     */
    static ClassroomRun of(AgentSetup setup, String path) {
        return setup.context().computeIfAbsent(ClassroomRun.class, c -> {
            HumanInputs in = c.find(HumanInputs.class).orElseThrow(() -> new InvalidInputException(path,
                    "workers played by people need a class: start one from the window's Class tab, or replay a"
                            + " recorded class with run --replay-class RECORD"));
            ClassroomRun run = new ClassroomRun(in, c.computeIfAbsent(RunJournal.class, x -> new RunJournal()));
            c.onClose(run::end);
            return run;
        });
    }

    HumanInputs inputs() {
        return inputs;
    }

    void seats(HumanInputs.Seats s) {
        seats = s;
        inputs.beginRun(s);
    }

    /** The run's seats, or null when no human worker kind set them. */
    HumanInputs.Seats seats() {
        return seats;
    }

    /** Records a decision in the run record's events. */
    void record(String event, int step, int agent, JsonObject fields) {
        JsonObject e = new JsonObject();
        e.addProperty("event", event);
        e.addProperty("step", step);
        e.addProperty("agent", agent);
        fields.entrySet().forEach(x -> e.add(x.getKey(), x.getValue()));
        journal.add(e);
    }

    static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** The simulation observed a step's outcome in {@code state} (any thread; idempotent). */
    void observed(StepContext ctx, WorkerState state) {
        observedState = state;
        observedSchedule = ctx.schedule();
        observedStep = ctx.step();
    }

    void leader(int agent) {
        leader = agent;
    }

    /** Shows the last step played to the class, once (before a round opens, and when the run ends). */
    void publishPending() {
        int step = observedStep;
        WorkerState st = observedState;
        if (seats == null || st == null || step <= publishedStep) {
            return;
        }
        publishedStep = step;
        int[] agents = seats.agents();
        int k = agents.length;
        double[] h = new double[k];
        double[] z = new double[k];
        double[] t = new double[k];
        double[] u = new double[k];
        for (int s = 0; s < k; s++) {
            int a = agents[s];
            h[s] = st.hours()[a];
            z[s] = st.income()[a];
            t[s] = st.tax()[a];
            u[s] = st.utility()[a];
        }
        int[] histogram = new int[StepSnapshot.HOURS_BINS];
        double max = seats.maxHours();
        for (double l : st.hours()) {
            int bin = (int) (l / max * StepSnapshot.HOURS_BINS);
            histogram[Math.max(0, Math.min(StepSnapshot.HOURS_BINS - 1, bin))]++;
        }
        inputs.stepPlayed(new HumanInputs.StepReport(step, observedSchedule, h, z, t, u, st.rebateUsd(), histogram,
                leader));
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            publishPending();
        } finally {
            inputs.runEnded();
        }
    }
}
