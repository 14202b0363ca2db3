package org.econlab.agents;

import org.econlab.config.InvalidInputException;
import org.econlab.config.JsonFields;
import org.econlab.economy.BracketPreset;
import org.econlab.economy.SaezOptimalRates;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;

import com.google.gson.JsonElement;
import org.econlab.economy.RebateTreatment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The planner kinds a scenario can name (design note 9): the fixed baselines of paper-model §8 here,
 * learning planners as they are added. Each kind validates its parameters at load time.
 */
public final class PlannerKinds {

    /** Builds a planner policy for one run. */
    @FunctionalInterface
    public interface Factory extends Function<AgentSetup, PlannerPolicy> {
    }

    /** Reads a kind's parameters (object at {@code planner}) for these brackets and returns its factory. */
    @FunctionalInterface
    public interface Parser {
        Factory parse(JsonFields params, TaxBrackets brackets);
    }

    public static final String US_FED = "us_fed";
    public static final String SAEZ = "saez";
    public static final String FREE_MARKET = "free_market";
    public static final String UNIFORM = "uniform";
    public static final String FIXED = "fixed";
    public static final String STACKELBERG = "stackelberg";

    private static final KindRegistry<Parser> KINDS = new KindRegistry<>("planner");

    static {
        register(US_FED, "2024 U.S. federal rates 10/12/22/24/32/35/37% (us_fed_2024 brackets)", (p, brackets) -> {
            p.rejectUnknown();
            if (!brackets.equals(BracketPreset.US_FED_2024.brackets())) {
                throw new InvalidInputException(p.pathOf("kind"),
                        "us_fed needs the us_fed_2024 brackets; this scenario has " + brackets.count() + " other brackets");
            }
            TaxSchedule s = TaxSchedule.of(brackets, BracketPreset.US_FED_2024_RATES_PERCENT);
            return setup -> new FixedPlanner(US_FED, s);
        });
        register(SAEZ, "Saez optimal rates from the skill population (elasticity: \"model\" = 1/(delta-1) of the"
                + " scenario, default, or with workers' own deltas the income-weighted mean of 1/(delta_i-1) per"
                + " bracket; \"mean\" one income-weighted mean for all brackets; a number or one per bracket, 3.0 is"
                + " the paper's baseline; \"estimated\" from perturbing each rate in the running simulation)", PlannerKinds::saez);
        register(FREE_MARKET, "0% in every bracket", (p, brackets) -> {
            p.rejectUnknown();
            return setup -> new FixedPlanner(FREE_MARKET, TaxSchedule.uniform(brackets, 0));
        });
        register(UNIFORM, "one rate (percent, default 50) in every bracket", (p, brackets) -> {
            double rate = p.number("rate", 50, 0, 100);
            p.rejectUnknown();
            return setup -> new FixedPlanner(UNIFORM, TaxSchedule.uniform(brackets, rate));
        });
        register(FIXED, "the given rates (percent, one per bracket)", (p, brackets) -> {
            double[] rates = p.numbers("rates", 0, 100, false);
            if (rates == null) {
                throw new InvalidInputException(p.pathOf("rates"), "is required for the fixed planner");
            }
            if (rates.length != brackets.count()) {
                throw new InvalidInputException(p.pathOf("rates"),
                        "needs " + brackets.count() + " rates (one per bracket), got " + rates.length);
            }
            p.rejectUnknown();
            TaxSchedule s = TaxSchedule.of(brackets, rates);
            return setup -> new FixedPlanner(FIXED, s);
        });
    }

    static {
        register(IcrlPlanner.KIND, "built-in in-context RL: from the start rates, a DELTA in {-20..20} per bracket"
                + " each tax year; each probe judged against the incumbent in incumbent-probe-probe-incumbent years;"
                + " plays its best schedule from commit (share of the run, default 0.8) on (settle, commit)",
                (p, brackets) -> {
                    double settle = p.number("settle", IcrlPlanner.DEFAULT_SETTLE, 0, 0.95);
                    double commit = p.number("commit", IcrlPlanner.DEFAULT_COMMIT, 0.05, 1);
                    p.rejectUnknown();
                    return setup -> new IcrlPlanner(setup, settle, commit);
                });
        register(STACKELBERG, "the 10-point-grid schedule maximising the scenario's welfare when every worker"
                + " best-responds (rebate: own_share or price_taking followers; exhaustive for up to 3 brackets,"
                + " coordinate ascent from 3 + restarts starts above)", (p, brackets) -> {
                    RebateTreatment rebate = WorkerKinds.rebate(p,
                            List.of(RebateTreatment.OWN_SHARE, RebateTreatment.PRICE_TAKING));
                    int restarts = p.wholeInt("restarts", StackelbergSearch.RANDOM_RESTARTS, 0, 10_000);
                    p.rejectUnknown();
                    return setup -> new FixedPlanner(STACKELBERG, StackelbergSearch.optimum(new StackelbergSearch.Problem(
                            setup.population().skills(), brackets, setup.labour(), setup.welfare(), rebate,
                            setup.population().deltas()), restarts)
                            .schedule(brackets));
                });
        register(PolicyGradientPlanner.KIND, "a trained planner (the train command): a softmax policy over the DELTAs"
                + " {-20..20} per bracket each tax year from the rates, last year's hours and incomes and the welfare"
                + " trend (policy: a policy file written by train, or its JSON object; play: mean = the expected"
                + " DELTA rounded to the grid (default), mode = the most likely, sample = drawn with the run seed;"
                + " commit: share of the run from which the rates are kept, default 0.8)", PlannerKinds::policyGradient);
        KindProvider.loadAll(); // governance, llm and other modules add their kinds
    }

    private PlannerKinds() {
    }

    /** Elasticity of the model's own workers: {@code "model"}. */
    public static final String ELASTICITY_MODEL = "model";
    /**
     * One elasticity for all brackets, the income-weighted mean of the workers' own: {@code "mean"} (the same as
     * {@code "model"} when workers share one delta).
     */
    public static final String ELASTICITY_MEAN = "mean";
    /** Elasticities estimated by perturbing rates in the running simulation: {@code "estimated"}. */
    public static final String ELASTICITY_ESTIMATED = "estimated";

    private static Factory saez(JsonFields p, TaxBrackets brackets) {
        JsonElement raw = p.raw().get("elasticity");
        boolean named = raw == null || raw.isJsonPrimitive() && raw.getAsJsonPrimitive().isString();
        double[] given = null;
        boolean mean = false;
        if (named) {
            String how = p.choice("elasticity", ELASTICITY_MODEL, List.of(ELASTICITY_MODEL, ELASTICITY_MEAN,
                    ELASTICITY_ESTIMATED));
            if (how.equals(ELASTICITY_ESTIMATED)) {
                double points = p.number("perturbation", EstimatedSaezPlanner.DEFAULT_PERTURBATION_POINTS, 1e-3, 50);
                p.rejectUnknown();
                return setup -> new EstimatedSaezPlanner(setup, points);
            }
            mean = how.equals(ELASTICITY_MEAN);
        } else {
            given = p.numbers("elasticity", 1e-6, 1e6, true);
            if (given.length != 1 && given.length != brackets.count()) {
                throw new InvalidInputException(p.pathOf("elasticity"), "needs 1 value or "
                        + brackets.count() + " (one per bracket), got " + given.length);
            }
        }
        p.rejectUnknown();
        double[] fixed = given;
        boolean oneMean = mean;
        return setup -> {
            double[] elasticity = fixed != null ? fixed : modelElasticities(setup, brackets, oneMean);
            return new FixedPlanner(SAEZ, TaxSchedule.of(brackets,
                    SaezOptimalRates.ratesPercent(setup.population().plannerSkills(), brackets, elasticity)));
        };
    }

    /**
     * The model's own elasticity: {@code 1/(delta - 1)} when every worker has the scenario's delta; with workers' own
     * deltas the income-weighted bracket elasticities ({@link SaezOptimalRates#bracketElasticities}), or with
     * {@code mean} the one population elasticity ({@link SaezOptimalRates#meanElasticity}).
     */
    static double[] modelElasticities(AgentSetup setup, TaxBrackets brackets, boolean mean) {
        double[] deltas = setup.population().deltas();
        if (deltas == null) {
            return new double[] {setup.labour().frischElasticity()};
        }
        double[] skills = setup.population().skills();
        return mean ? new double[] {SaezOptimalRates.meanElasticity(skills, deltas)}
                : SaezOptimalRates.bracketElasticities(skills, deltas, brackets);
    }

    private static Factory policyGradient(JsonFields p, TaxBrackets brackets) {
        JsonElement raw = p.raw().get("policy");
        String path = p.pathOf("policy");
        // the play options first, so that a form shows them before a policy is chosen
        String how = p.choice("play", PolicyGradientPlanner.Play.MEAN.id(), java.util.Arrays.stream(
                PolicyGradientPlanner.Play.values()).map(PolicyGradientPlanner.Play::id).toList());
        PolicyGradientPlanner.Play play = PolicyGradientPlanner.Play.valueOf(how.toUpperCase(java.util.Locale.ROOT));
        double commit = p.number("commit", PolicyGradientPlanner.DEFAULT_COMMIT, 0.05, 1);
        com.google.gson.JsonObject json;
        if (raw != null && raw.isJsonObject()) {
            p.object("policy");
            json = raw.getAsJsonObject();
        } else {
            String file = p.string("policy", null);
            if (file == null || file.isBlank()) {
                throw new InvalidInputException(path, "is required: the policy file the train command wrote, or its JSON");
            }
            try {
                json = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(java.nio.file.Path.of(file),
                        java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                throw new InvalidInputException(path, "cannot read the policy file " + file + " ("
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
            } catch (RuntimeException e) {
                throw new InvalidInputException(path, file + " is not a JSON policy file");
            }
        }
        LinearSoftmaxPolicy policy = LinearSoftmaxPolicy.fromJson(json, brackets.count(), path);
        p.rejectUnknown();
        return setup -> new PolicyGradientPlanner(setup, policy, play, commit);
    }

    /** Adds a kind; later issues register theirs here. */
    public static void register(String kind, String description, Parser parser) {
        KINDS.register(kind, description, parser);
    }

    public static Map<String, String> descriptions() {
        return KINDS.descriptions();
    }

    /**
     * Validates a planner object (its {@code kind} and parameters) for these brackets.
     *
     * @throws InvalidInputException naming the field at fault
     */
    public static Factory parse(JsonFields planner, TaxBrackets brackets) {
        return KINDS.parserFor(planner).parse(planner, brackets);
    }
}
