package org.econlab.classroom;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;

/**
 * Makes any scenario a class's: its workers become {@code human} workers with {@code seats} seats (the scenario's own
 * worker kind plays everyone else, and a seat nobody holds), and a democratic planner's electorate becomes the
 * {@code human} electorate around the scenario's own. The result is what the run record keeps, so a class's run
 * says which agents people could play.
 */
public final class ClassScenario {

    private ClassScenario() {
    }

    /**
     * The class version of {@code s}.
     *
     * @param seats   seats for students, at most the scenario's workers
     * @param cadence {@link HumanWorkers#CADENCE_STEP} or {@link HumanWorkers#CADENCE_TAX_YEAR}
     */
    public static Scenario of(Scenario s, int seats, String cadence) {
        Scenario base = withoutClass(s);
        JsonObject json = ScenarioCodec.toJson(base);
        JsonObject worker = new JsonObject();
        worker.addProperty("kind", HumanWorkers.KIND);
        worker.addProperty("seats", Math.min(seats, base.population().agents()));
        worker.addProperty("cadence", cadence);
        worker.add("others", json.get("worker"));
        json.add("worker", worker);
        JsonObject planner = json.getAsJsonObject("planner");
        if (planner != null && "democratic".equals(string(planner.get("kind")))) {
            JsonObject electorate = new JsonObject();
            electorate.addProperty("kind", HumanElectorate.KIND);
            if (planner.has("electorate")) {
                electorate.add("others", planner.get("electorate"));
            }
            planner.add("electorate", electorate);
        }
        return ScenarioCodec.fromJson(json);
    }

    /** {@code s} without a class: the workers and electorate people would have shared seats with. */
    public static Scenario withoutClass(Scenario s) {
        JsonObject json = ScenarioCodec.toJson(s);
        JsonObject worker = json.getAsJsonObject("worker");
        boolean changed = false;
        if (worker != null && HumanWorkers.KIND.equals(string(worker.get("kind")))) {
            JsonElement others = worker.get("others");
            JsonObject o = others != null && others.isJsonObject() ? others.getAsJsonObject() : new JsonObject();
            if (!o.has("kind")) {
                o.addProperty("kind", "learning");
            }
            json.add("worker", o);
            changed = true;
        }
        JsonObject planner = json.getAsJsonObject("planner");
        if (planner != null && planner.get("electorate") instanceof JsonObject e
                && HumanElectorate.KIND.equals(string(e.get("kind")))) {
            if (e.has("others")) {
                planner.add("electorate", e.get("others"));
            } else {
                planner.remove("electorate");
            }
            changed = true;
        }
        return changed ? ScenarioCodec.fromJson(json) : s;
    }

    /** Whether {@code s} has seats for people. */
    public static boolean isClass(Scenario s) {
        return HumanWorkers.KIND.equals(s.worker().kind());
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}
