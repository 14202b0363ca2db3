package org.econlab.governance;

import com.google.gson.JsonElement;

import org.econlab.agents.KindProvider;
import org.econlab.agents.PlannerKinds;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;

/** Registers the {@code democratic} planner kind (loaded through {@link KindProvider}). */
public final class GovernanceKinds implements KindProvider {

    @Override
    public void registerKinds() {
        PlannerKinds.register(DemocraticPlanner.KIND, "the democratic procedure of paper-model §9: every worker eligible"
                + " (platforms: false, the reference's default) or candidacy on platforms (platforms: true), plurality"
                + " vote with a seeded tie-break, the leader sets the rates (electorate: a registered name such"
                + " as built_in, or an object such as {\"kind\": \"llm\", \"endpoint\": ...})", (p, brackets) -> {
                    boolean platforms = p.bool("platforms", false);
                    Electorates.Factory electorate = electorate(p);
                    p.rejectUnknown();
                    return setup -> new DemocraticPlanner(setup, electorate.apply(setup), platforms);
                });
    }

    /** Reads {@code electorate}: absent (built-in), a name, or an object with {@code kind} and parameters. */
    static Electorates.Factory electorate(JsonFields planner) {
        if (!planner.has("electorate")) {
            return Electorates.parse(Electorates.BUILT_IN, new JsonFields(null, planner.pathOf("electorate")), "");
        }
        JsonElement e = planner.raw().get("electorate");
        String path = planner.pathOf("electorate");
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return Electorates.parse(e.getAsString(), new JsonFields(null, path), path);
        }
        if (e.isJsonObject()) {
            JsonFields fields = planner.object("electorate");
            String kind = fields.requiredString("kind");
            return Electorates.parse(kind, fields, fields.pathOf("kind"));
        }
        throw new InvalidInputException(path, "must be an electorate name or an object {\"kind\": ...}");
    }
}
