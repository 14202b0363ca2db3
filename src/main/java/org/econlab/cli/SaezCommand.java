package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.SaezOptimalRates;
import org.econlab.economy.TaxBrackets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code saez}: the Saez optimal rates for a set of skills, as the reference computes them. */
@Command(name = "saez", description = "Print the Saez optimal marginal rates (percent, two decimals, space-separated).",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab saez --brackets three --elasticity 3.0 --skills 673.9405,4415.7244,1715.8422,1219.3905,267.855   # 53.15 23.97 3.23",
            "  llm-economist-lab saez --brackets three --elasticity 0.4 --skills 673.9405,4415.7244,1715.8422,1219.3905,267.855"})
final class SaezCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--brackets", required = true, description = "flat, three, us_fed_2024, or explicit cutoffs")
    String brackets;

    @Option(names = "--elasticity", defaultValue = "3.0",
            description = "one elasticity for all brackets or one per bracket, comma-separated (default ${DEFAULT-VALUE})")
    String elasticity;

    @Option(names = "--skills", required = true, description = "worker skills (income per hour of weekly labour), comma-separated")
    String skills;

    @Override
    public Integer call() {
        TaxBrackets b = BracketsOption.parse(brackets);
        double[] e = BracketsOption.numbers("--elasticity", elasticity);
        if (e.length != 1 && e.length != b.count()) {
            throw new InvalidInputException("--elasticity", "needs 1 value or " + b.count() + " (one per bracket), got " + e.length);
        }
        for (double x : e) {
            if (!(x > 0) || !Double.isFinite(x)) {
                throw new InvalidInputException("--elasticity", x + " must be a positive number");
            }
        }
        double[] v = BracketsOption.numbers("--skills", skills);
        for (double x : v) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new InvalidInputException("--skills", x + " must be a non-negative number");
            }
        }
        double[] rates = SaezOptimalRates.ratesPercent(v, b, e);
        spec.commandLine().getOut().println(Arrays.stream(rates)
                .mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(" ")));
        return LabCli.OK;
    }
}
