package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.LabourModel;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.WelfareFunction;
import org.econlab.population.Population;

import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code stackelberg}: the grid schedule (rates in {0, 10, ..., 100}) that maximises welfare when every worker
 * plays its exact best response and the revenue is rebated equally. Exhaustive for up to three brackets (a proven
 * grid optimum); coordinate ascent with restarts above, or exhaustive on request.
 */
@Command(name = "stackelberg", description = "Print the welfare-maximising grid rates for best-responding workers"
        + " (percent, space-separated) and swf=<value>, on one line.",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab stackelberg --brackets three --skills 673.9405,4415.7244,1715.8422,1219.3905,267.855 --swf inverse_skill",
            "  llm-economist-lab stackelberg --scenario sample-scenarios/classroom-100.json",
            "  llm-economist-lab stackelberg --scenario sample-scenarios/classroom-100.json --exhaustive   # minutes: 11^7 schedules"})
final class StackelbergCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--brackets", description = "flat, three, us_fed_2024, or explicit cutoffs (or from --scenario)")
    String brackets;

    @Option(names = "--skills", description = "worker skills (income per hour of weekly labour), comma-separated"
            + " (or drawn from --scenario)")
    String skills;

    @Option(names = "--scenario", description = "take skills (the population drawn with the scenario's seed), brackets,"
            + " labour constants and welfare function from this scenario file; other options override")
    Path scenario;

    @Option(names = "--seed", description = "with --scenario: draw the population with this seed instead")
    Long seed;

    @Option(names = "--swf", description = "welfare function: inverse_income (the paper's; default without --scenario),"
            + " inverse_skill, maximin, atkinson, utilitarian, inverse_income_average")
    String swf;

    @Option(names = "--epsilon", description = "Atkinson inequality aversion (with --swf atkinson; default 1)")
    Double epsilon;

    @Option(names = "--rebate", defaultValue = "own_share",
            description = "own_share (workers count the 1/N of their own tax that comes back; default) or price_taking")
    String rebate;

    @Option(names = "--c", description = "labour cost coefficient c (default 0.0005)")
    Double c;

    @Option(names = "--delta", description = "labour cost exponent delta > 1 (default 3.5)")
    Double delta;

    @Option(names = "--max-hours", description = "most weekly hours (default 100)")
    Double maxHours;

    @Option(names = "--restarts", defaultValue = "" + StackelbergSearch.RANDOM_RESTARTS,
            description = "random starts of the coordinate ascent above 3 brackets (default ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--exhaustive", description = "evaluate every grid schedule whatever the bracket count (11^7 for us_fed_2024)")
    boolean exhaustive;

    @Override
    public Integer call() {
        Scenario sc = scenario == null ? null : ScenarioCodec.read(scenario);
        if (sc == null && (brackets == null || skills == null)) {
            throw new InvalidInputException(brackets == null ? "--brackets" : "--skills", "is required without --scenario");
        }
        if (sc == null && seed != null) {
            throw new InvalidInputException("--seed", "is only used with --scenario");
        }
        TaxBrackets b = brackets != null ? BracketsOption.parse(brackets) : sc.brackets();
        Population drawn = skills != null ? null
                : Simulation.populationOf(seed != null ? sc.withSeed(seed) : sc);
        double[] v = skills != null ? BracketsOption.numbers("--skills", skills) : drawn.skills();
        // The scenario's workers keep their own deltas (heterogeneous elasticities) unless --delta sets one for all.
        double[] ownDeltas = drawn == null || delta != null ? null : drawn.deltas();
        for (double x : v) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new InvalidInputException("--skills", x + " must be a non-negative number");
            }
        }
        WelfareFunction welfare = welfare(sc);
        RebateTreatment r = RebateTreatment.byId(rebate).filter(x -> x != RebateTreatment.REALISED)
                .orElseThrow(() -> new InvalidInputException("--rebate", "\"" + rebate + "\" is not one of own_share, price_taking"));
        if (restarts < 0) {
            throw new InvalidInputException("--restarts", restarts + " must be 0 or more");
        }
        LabourModel base = sc != null ? sc.labour() : LabourModel.PAPER;
        LabourModel labour;
        try {
            labour = new LabourModel(c != null ? c : base.disutilityCoefficient(),
                    delta != null ? delta : base.disutilityExponent(),
                    maxHours != null ? maxHours : base.maxHoursPerWeek());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(c != null && !(c > 0) ? "--c" : delta != null && !(delta > 1) ? "--delta"
                    : "--max-hours", e.getMessage());
        }
        StackelbergSearch.Problem problem = new StackelbergSearch.Problem(v, b, labour, welfare, r, ownDeltas);
        StackelbergSearch.Result result = exhaustive
                ? StackelbergSearch.exhaustive(problem, true)
                : StackelbergSearch.optimum(problem, restarts);
        String rates = Arrays.stream(result.ratesPercent()).mapToObj(x -> Long.toString(Math.round(x)))
                .collect(Collectors.joining(" "));
        spec.commandLine().getOut().println(rates + String.format(Locale.ROOT, " swf=%.6f", result.swf()));
        return LabCli.OK;
    }

    private WelfareFunction welfare(Scenario sc) {
        if (epsilon != null && !(epsilon >= 0 && epsilon <= WelfareFunction.MAX_EPSILON)) {
            throw new InvalidInputException("--epsilon", epsilon + " is outside 0.." + (int) WelfareFunction.MAX_EPSILON);
        }
        if (swf == null && sc != null) {
            if (epsilon != null && sc.swf().kind() != WelfareFunction.Kind.ATKINSON) {
                throw new InvalidInputException("--epsilon", "is only used with --swf atkinson");
            }
            return epsilon != null ? WelfareFunction.atkinson(epsilon) : sc.swf();
        }
        String id = swf != null ? swf : WelfareFunction.PAPER.id();
        WelfareFunction.Kind kind = WelfareFunction.Kind.byId(id).orElseThrow(() -> new InvalidInputException("--swf",
                "unknown welfare function \"" + id + "\" (known: " + WelfareFunction.Kind.ids() + ")"));
        if (epsilon != null && kind != WelfareFunction.Kind.ATKINSON) {
            throw new InvalidInputException("--epsilon", "is only used with --swf atkinson");
        }
        return epsilon != null ? WelfareFunction.atkinson(epsilon) : WelfareFunction.of(kind);
    }
}
