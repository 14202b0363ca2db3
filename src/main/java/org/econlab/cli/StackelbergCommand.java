package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.LabourModel;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.WelfareFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        + " (percent, space-separated) and swf=<value>, on one line.")
final class StackelbergCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--brackets", required = true, description = "flat, three, us_fed_2024, or explicit cutoffs")
    String brackets;

    @Option(names = "--skills", required = true, description = "worker skills (income per hour of weekly labour), comma-separated")
    String skills;

    @Option(names = "--swf", defaultValue = "inverse_income",
            description = "welfare function: inverse_income (the paper's, default), inverse_skill, maximin, atkinson,"
                    + " utilitarian, inverse_income_average")
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
        TaxBrackets b = BracketsOption.parse(brackets);
        double[] v = BracketsOption.numbers("--skills", skills);
        for (double x : v) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new InvalidInputException("--skills", x + " must be a non-negative number");
            }
        }
        WelfareFunction.Kind kind = WelfareFunction.Kind.byId(swf).orElseThrow(() -> new InvalidInputException("--swf",
                "unknown welfare function \"" + swf + "\" (known: " + WelfareFunction.Kind.ids() + ")"));
        if (epsilon != null && kind != WelfareFunction.Kind.ATKINSON) {
            throw new InvalidInputException("--epsilon", "is only used with --swf atkinson");
        }
        if (epsilon != null && !(epsilon >= 0 && epsilon <= WelfareFunction.MAX_EPSILON)) {
            throw new InvalidInputException("--epsilon", epsilon + " is outside 0.." + (int) WelfareFunction.MAX_EPSILON);
        }
        WelfareFunction welfare = epsilon != null ? WelfareFunction.atkinson(epsilon) : WelfareFunction.of(kind);
        RebateTreatment r = RebateTreatment.byId(rebate).filter(x -> x != RebateTreatment.REALISED)
                .orElseThrow(() -> new InvalidInputException("--rebate", "\"" + rebate + "\" is not one of own_share, price_taking"));
        if (restarts < 0) {
            throw new InvalidInputException("--restarts", restarts + " must be 0 or more");
        }
        LabourModel labour;
        try {
            labour = new LabourModel(c != null ? c : LabourModel.PAPER.disutilityCoefficient(),
                    delta != null ? delta : LabourModel.PAPER.disutilityExponent(),
                    maxHours != null ? maxHours : LabourModel.PAPER.maxHoursPerWeek());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(c != null && !(c > 0) ? "--c" : delta != null && !(delta > 1) ? "--delta"
                    : "--max-hours", e.getMessage());
        }
        StackelbergSearch.Problem problem = new StackelbergSearch.Problem(v, b, labour, welfare, r);
        StackelbergSearch.Result result = exhaustive
                ? StackelbergSearch.exhaustive(problem, true)
                : StackelbergSearch.optimum(problem, restarts);
        String rates = Arrays.stream(result.ratesPercent()).mapToObj(x -> Long.toString(Math.round(x)))
                .collect(Collectors.joining(" "));
        spec.commandLine().getOut().println(rates + String.format(Locale.ROOT, " swf=%.6f", result.swf()));
        return LabCli.OK;
    }
}
