package org.econlab.agents;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.LabourModel;
import org.econlab.economy.RebateTreatment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The worker kinds a scenario can name (design note 9). Each kind reads and validates its own
 * parameters when the scenario is loaded and returns a factory that builds the policy for a run.
 */
public final class WorkerKinds {

    /** Builds a worker policy for one run. */
    @FunctionalInterface
    public interface Factory extends Function<AgentSetup, WorkerPolicy> {
    }

    /** Reads a kind's parameters (object at {@code worker}) and returns its factory. */
    @FunctionalInterface
    public interface Parser {
        Factory parse(JsonFields params, LabourModel labour);
    }

    private static final KindRegistry<Parser> KINDS = new KindRegistry<>("worker");

    static {
        register(RationalWorkers.KIND, "exact best response to the current schedule (rebate: own_share counts the"
                + " 1/N of its own tax that comes back, price_taking takes the rebate as given)", (p, labour) -> {
            RebateTreatment rebate = rebate(p, List.of(RebateTreatment.OWN_SHARE, RebateTreatment.PRICE_TAKING));
            p.rejectUnknown();
            return setup -> new RationalWorkers(rebate, setup.population().size());
        });
        register(FixedWorkers.KIND, "constant hours (given, or 40..60 per agent as in the paper)", (p, labour) -> {
            Double hours = p.has("hours") ? p.number("hours", 0, 0, labour.maxHoursPerWeek()) : null;
            p.rejectUnknown();
            return setup -> new FixedWorkers(hours, setup.seed(), setup.population().drawnHours());
        });
        register(LearningWorkers.KIND, "bounded-rational in-context learners: noisy hill-climb over remembered"
                + " returns per 10-hour bin (learningRate, explore, rebate, memory)", (p, labour) -> {
                    double lr = p.number("learningRate", LearningWorkers.DEFAULT_LEARNING_RATE, 1e-6, 1);
                    double explore = p.number("explore", LearningWorkers.DEFAULT_EXPLORE, 0, 1);
                    RebateTreatment rebate = learnersRebate(p);
                    boolean forget = forgetOnNewRates(p);
                    p.rejectUnknown();
                    return setup -> new LearningWorkers(setup, lr, explore, rebate, forget, null);
                });
        register(LearningWorkers.PERSONA_KIND, "learning workers with census personas whose satisfaction r"
                + " (net tax rate within a persona tolerance) scales their learning signal u_adj = r u"
                + " (learningRate, explore, rebate, memory, taxTolerance)", (p, labour) -> {
                    double lr = p.number("learningRate", LearningWorkers.DEFAULT_LEARNING_RATE, 1e-6, 1);
                    double explore = p.number("explore", LearningWorkers.DEFAULT_EXPLORE, 0, 1);
                    RebateTreatment rebate = learnersRebate(p);
                    boolean forget = forgetOnNewRates(p);
                    double tolerance = p.number("taxTolerance", SatisfactionRule.DEFAULT_BASE_TOLERANCE, 0, 1);
                    String kindPath = p.pathOf("kind");
                    p.rejectUnknown();
                    return setup -> {
                        if (!setup.population().hasPersonas()) {
                            throw new InvalidInputException(kindPath, "persona workers need population.personas=true");
                        }
                        for (byte t : setup.population().utilityTypeOrdinals()) {
                            if (t != 0) {
                                throw new InvalidInputException(kindPath,
                                        "persona workers must all be egotistical (paper-model §4.3)");
                            }
                        }
                        return new LearningWorkers(setup, lr, explore, rebate, forget,
                                new SatisfactionRule(setup.population(), tolerance));
                    };
                });
        KindProvider.loadAll(); // llm and other modules add their kinds
    }

    private WorkerKinds() {
    }

    /** The default: workers count the 1/N of their own tax that the equal rebate returns (the exact response). */
    public static final RebateTreatment DEFAULT_REBATE = RebateTreatment.OWN_SHARE;

    /** Reads the optional {@code rebate} field, one of {@code allowed}. */
    public static RebateTreatment rebate(JsonFields p, List<RebateTreatment> allowed) {
        String id = p.choice("rebate", DEFAULT_REBATE.id(), allowed.stream().map(RebateTreatment::id).toList());
        return RebateTreatment.byId(id).orElseThrow();
    }

    /** The {@code rebate} a worker object names, or the default (for reference lines drawn beside a run). */
    public static RebateTreatment rebateOf(com.google.gson.JsonObject worker) {
        com.google.gson.JsonElement e = worker.get("rebate");
        return e != null && e.isJsonPrimitive() ? RebateTreatment.byId(e.getAsString()).orElse(DEFAULT_REBATE)
                : DEFAULT_REBATE;
    }

    /** Learning workers' {@code memory}: {@code "rates"} (default) forgets remembered returns under new rates. */
    private static boolean forgetOnNewRates(JsonFields p) {
        return p.choice("memory", "rates", List.of("rates", "all")).equals("rates");
    }

    /**
     * Learning workers' {@code rebate}; the older {@code ignoreRebate: true|false} still reads as
     * {@code price_taking|realised}.
     */
    private static RebateTreatment learnersRebate(JsonFields p) {
        if (p.has("ignoreRebate")) {
            if (p.has("rebate")) {
                throw new InvalidInputException(p.pathOf("ignoreRebate"), "give either rebate or ignoreRebate, not both");
            }
            return p.bool("ignoreRebate", true) ? RebateTreatment.PRICE_TAKING : RebateTreatment.REALISED;
        }
        return rebate(p, List.of(RebateTreatment.values()));
    }

    /** Adds a kind; later issues register theirs here. */
    public static void register(String kind, String description, Parser parser) {
        KINDS.register(kind, description, parser);
    }

    /** Kind name to one-line description, in registration order. */
    public static Map<String, String> descriptions() {
        return KINDS.descriptions();
    }

    /**
     * Validates a worker object (its {@code kind} and parameters) and returns the factory.
     *
     * @throws InvalidInputException naming the field at fault
     */
    public static Factory parse(JsonFields worker, LabourModel labour) {
        return KINDS.parserFor(worker).parse(worker, labour);
    }
}
