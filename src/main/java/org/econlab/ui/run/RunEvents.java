package org.econlab.ui.run;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.StepSnapshot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the run tells the window's sections, the one way sections hear of it: new steps in batches, a new run,
 * reference lines once computed. Sections register here and never call each other. Events are delivered on the FX
 * thread by {@link RunViewModel}; registering is thread-safe.
 */
public final class RunEvents {

    private final List<Consumer<List<StepSnapshot>>> snapshots = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<LiveStep>>> steps = new CopyOnWriteArrayList<>();
    private final List<Consumer<Scenario>> resets = new CopyOnWriteArrayList<>();
    private final List<Consumer<Map<String, double[]>>> references = new CopyOnWriteArrayList<>();
    private final List<Consumer<Map<String, Double>>> swfReferences = new CopyOnWriteArrayList<>();

    /** Receives each batch of new snapshots. */
    public void onSnapshots(Consumer<List<StepSnapshot>> consumer) {
        snapshots.add(consumer);
    }

    /** Receives each batch of new steps (snapshots with the window's idle-worker figures). */
    public void onSteps(Consumer<List<LiveStep>> consumer) {
        steps.add(consumer);
    }

    /** Called with the new run's scenario when a new run replaces the old one (charts clear). */
    public void onReset(Consumer<Scenario> listener) {
        resets.add(listener);
    }

    /** Receives the reference rate lines (name to percent per bracket) once computed for a run. */
    public void onReferences(Consumer<Map<String, double[]>> listener) {
        references.add(listener);
    }

    /** Receives the reference planners' SWF on this run's population (name to SWF) once computed. */
    public void onSwfReferences(Consumer<Map<String, Double>> listener) {
        swfReferences.add(listener);
    }

    void reset(Scenario s) {
        resets.forEach(r -> r.accept(s));
    }

    void steps(List<LiveStep> batch) {
        steps.forEach(c -> c.accept(batch));
        if (!snapshots.isEmpty()) {
            List<StepSnapshot> list = batch.stream().map(LiveStep::snapshot).toList();
            snapshots.forEach(c -> c.accept(list));
        }
    }

    void references(Map<String, double[]> refs) {
        references.forEach(l -> l.accept(refs));
    }

    void swfReferences(Map<String, Double> refs) {
        swfReferences.forEach(l -> l.accept(refs));
    }
}
