package org.econlab.classroom;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.econlab.agents.AgentSetup;
import org.econlab.agents.LlmActivity;
import org.econlab.agents.StepContext;
import org.econlab.agents.StepMetrics;
import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.governance.Candidate;
import org.econlab.governance.ElectionContext;
import org.econlab.governance.Electorate;
import org.econlab.governance.Electorates;
import org.econlab.population.Population;
import org.econlab.population.WorkerState;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The democratic planner's electorate when people play some workers, kind {@code human}:
 * {@code "electorate": {"kind": "human", "others": "built_in"}}. The seats people hold stand (with a platform),
 * vote and, once elected without a platform, choose the leader's DELTA in rounds of the class ({@link HumanInputs});
 * everyone else decides as the {@code others} electorate does (a name or an object, default {@code built_in}). Needs
 * {@code human} workers in the same run (they define the seats). Every decision of a person goes into the run
 * record's {@code events.jsonl} ({@code human_candidacy}, {@code human_vote}, {@code human_leader}). A ballot left
 * unanswered keeps the voter's previous vote; a leader who does not answer leaves the rates as they are. Runner
 * thread only.
 */
public final class HumanElectorate implements Electorate {

    public static final String KIND = "human";

    private final Electorate others;
    private final ClassroomRun run;
    private int candidacyStep = -1;
    private Map<Integer, double[]> platforms = Map.of();
    private int ballotStep = -1;
    private List<Candidate> ballotFor;
    private Map<Integer, Integer> ballots = Map.of();

    HumanElectorate(AgentSetup setup, Electorate others, String path) {
        this.run = ClassroomRun.of(setup, path);
        if (run.seats() == null) {
            throw new InvalidInputException(path, "a human electorate needs human workers (worker.kind: human)");
        }
        this.others = others;
    }

    /** Registers the kind with {@link Electorates}. */
    public static void register() {
        Electorates.registerWithParameters(KIND, params -> {
            String path = params.pathOf("kind");
            Electorates.Factory othersFactory = othersOf(params);
            params.rejectUnknown();
            return setup -> new HumanElectorate(setup, othersFactory.apply(setup), path);
        });
    }

    private static Electorates.Factory othersOf(JsonFields params) {
        String path = params.pathOf("others");
        if (!params.has("others")) {
            return Electorates.parse(Electorates.BUILT_IN, new JsonFields(null, path), path);
        }
        JsonElement e = params.raw().get("others");
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            if (KIND.equals(e.getAsString())) {
                throw new InvalidInputException(path, "the others cannot be a human electorate too");
            }
            return Electorates.parse(e.getAsString(), new JsonFields(null, path), path);
        }
        if (e.isJsonObject()) {
            JsonFields o = params.object("others");
            String kind = o.requiredString("kind");
            if (KIND.equals(kind)) {
                throw new InvalidInputException(o.pathOf("kind"), "the others cannot be a human electorate too");
            }
            return Electorates.parse(kind, o, o.pathOf("kind"));
        }
        throw new InvalidInputException(path, "must be an electorate name or an object {\"kind\": ...}");
    }

    @Override
    public Optional<double[]> platform(int agent, ElectionContext ctx) {
        int step = ctx.step().step();
        if (step != candidacyStep) {
            candidacyStep = step;
            run.publishPending();
            platforms = run.inputs().candidacy(step, ctx.current());
            platforms.keySet().stream().sorted().forEach(a -> {
                double[] p = platforms.get(a);
                JsonObject f = new JsonObject();
                f.add("platform", p == null ? JsonNull.INSTANCE : ClassroomRun.array(p));
                run.record("human_candidacy", step, a, f);
            });
        }
        if (platforms.containsKey(agent)) {
            double[] p = platforms.get(agent);
            return p == null || p.length != ctx.current().bracketCount() ? Optional.empty() : Optional.of(p.clone());
        }
        return others.platform(agent, ctx);
    }

    @Override
    public int ballot(int agent, List<Candidate> candidates, int previousVote, ElectionContext ctx) {
        int step = ctx.step().step();
        if (step != ballotStep || candidates != ballotFor) {
            ballotStep = step;
            ballotFor = candidates;
            run.publishPending();
            ballots = run.inputs().ballots(step, candidates, ctx.current());
            ballots.keySet().stream().sorted().forEach(a -> {
                JsonObject f = new JsonObject();
                int v = ballots.get(a);
                f.addProperty("vote", v);
                f.addProperty("answered", v >= 0);
                run.record("human_vote", step, a, f);
            });
        }
        // the others' electorate sees every voter, so its own bookkeeping (e.g. retrospective memory) stays whole
        int theirs = others.ballot(agent, candidates, previousVote, ctx);
        if (ballots.containsKey(agent)) {
            int v = ballots.get(agent);
            return v >= 0 ? v : previousVote;
        }
        return theirs;
    }

    @Override
    public double[] leaderDeltas(int leader, Candidate platform, ElectionContext ctx) {
        double[] theirs = others.leaderDeltas(leader, platform, ctx);
        int step = ctx.step().step();
        run.leader(leader);
        boolean human = ballots.containsKey(leader) && ballotStep == step;
        if (!human || step == 0) {
            return theirs; // at step 0 the leader's answer is not applied (paper-model §9)
        }
        if (platform != null && platform.platformDeltas().length == ctx.current().bracketCount()) {
            return platform.platformDeltas(); // a person elected on a platform keeps it
        }
        double[] d = run.inputs().leaderDeltas(step, leader, ctx.current());
        JsonObject f = new JsonObject();
        f.add("deltas", d == null ? JsonNull.INSTANCE : ClassroomRun.array(d));
        run.record("human_leader", step, leader, f);
        return d == null ? new double[ctx.current().bracketCount()] : d.clone();
    }

    @Override
    public StepMetrics metrics(IntSupplier step) {
        return others.metrics(step);
    }

    @Override
    public void observe(StepContext ctx, Population population, WorkerState state, double swf) {
        others.observe(ctx, population, state, swf);
    }

    @Override
    public LlmActivity llmActivity() {
        return others.llmActivity();
    }
}
