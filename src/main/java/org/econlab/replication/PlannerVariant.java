package org.econlab.replication;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.econlab.agents.PlannerKinds;
import org.econlab.economy.BracketPreset;
import org.econlab.governance.DemocraticPlanner;
import org.econlab.simulation.AgentSpec;
import org.econlab.simulation.Scenario;

import java.util.List;
import java.util.function.Predicate;

/**
 * One planner of the replication, by label: the planner object a scenario would name, and the scenarios it
 * applies to.
 *
 * @param label   column label, e.g. {@code saez_paper}
 * @param planner the scenario's {@code planner} object
 * @param meaning what it is, for the report
 * @param applies which scenarios it runs on
 */
public record PlannerVariant(String label, JsonObject planner, String meaning, Predicate<Scenario> applies) {

    public static final String ICRL = "icrl";
    public static final String SAEZ = "saez";
    public static final String SAEZ_PAPER = "saez_paper";
    public static final String SAEZ_ESTIMATED = "saez_estimated";
    public static final String STACKELBERG = "stackelberg";
    public static final String US_FED = "us_fed";
    public static final String FREE_MARKET = "free_market";
    public static final String DEMOCRATIC = "democratic";
    public static final String DEMOCRATIC_PLATFORMS = "democratic_platforms";
    /** Saez with one income-weighted mean elasticity, for workers with their own deltas. */
    public static final String SAEZ_MEAN = "saez_mean";
    /** The trained planner; its policy is filled in per (scenario, welfare) by {@link ReplicationPlan}. */
    public static final String POLICY_GRADIENT = "policy_gradient";

    public PlannerVariant {
        planner = planner.deepCopy();
    }

    @Override
    public JsonObject planner() {
        return planner.deepCopy();
    }

    public AgentSpec spec() {
        return new AgentSpec(planner.get("kind").getAsString(), planner);
    }

    private static PlannerVariant of(String label, String json, String meaning, Predicate<Scenario> applies) {
        return new PlannerVariant(label, JsonParser.parseString(json).getAsJsonObject(), meaning, applies);
    }

    private static boolean heterogeneous(Scenario s) {
        return s.population().deltas() != null;
    }

    private static boolean voting(Scenario s) {
        return s.planner().kind().equals(DemocraticPlanner.KIND);
    }

    /** The planners of the paper's comparison, in report order. */
    public static List<PlannerVariant> all() {
        Predicate<Scenario> any = s -> true;
        return List.of(
                of(ICRL, "{\"kind\":\"icrl\"}", "built-in in-context RL planner, the LLM planner's action space", any),
                of(SAEZ, "{\"kind\":\"saez\",\"elasticity\":\"model\"}",
                        "Saez formula at the model's own elasticity 1/(delta-1) = 0.4 (with workers' own deltas: per"
                                + " bracket, the income-weighted mean of 1/(delta_i-1) over the bracket's workers)", any),
                of(SAEZ_MEAN, "{\"kind\":\"saez\",\"elasticity\":\"mean\"}", "Saez formula at one elasticity for"
                        + " all brackets, the income-weighted mean of the workers' own (heterogeneous scenario only)",
                        PlannerVariant::heterogeneous),
                of(SAEZ_PAPER, "{\"kind\":\"saez\",\"elasticity\":3.0}", "Saez formula at elasticity 3.0 (the paper's baseline)", any),
                of(SAEZ_ESTIMATED, "{\"kind\":\"saez\",\"elasticity\":\"estimated\"}",
                        "Saez formula with elasticities estimated by perturbing each rate (1 + 2K tax years)", any),
                of(STACKELBERG, "{\"kind\":\"stackelberg\"}",
                        "grid optimum for best-responding workers, played by the scenario's own workers", any),
                of(US_FED, "{\"kind\":\"" + PlannerKinds.US_FED + "\"}", "2024 U.S. federal rates",
                        s -> s.brackets().equals(BracketPreset.US_FED_2024.brackets())),
                of(FREE_MARKET, "{\"kind\":\"free_market\"}", "0% in every bracket", any),
                of(DEMOCRATIC, "{\"kind\":\"democratic\",\"electorate\":\"built_in\",\"platforms\":false}",
                        "an elected worker sets the rates; elections without platforms, every worker eligible (the"
                                + " reference's default), voters judge leaders by their record", PlannerVariant::voting),
                of(DEMOCRATIC_PLATFORMS, "{\"kind\":\"democratic\",\"electorate\":\"built_in\",\"platforms\":true}",
                        "an elected worker sets the rates; candidates run on platforms", PlannerVariant::voting),
                of(POLICY_GRADIENT, "{\"kind\":\"policy_gradient\"}", "the trained planner (REINFORCE with a learned"
                        + " baseline, the icrl action space), trained on this scenario and welfare function on seeds"
                        + " disjoint from the evaluation seeds and played greedily", any));
    }
}
