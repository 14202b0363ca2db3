package org.econlab.cli;

import org.econlab.config.InvalidInputException;
import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tax}: the tax owed on one income under a schedule. */
@Command(name = "tax", description = "Print the tax owed on an income under marginal rates (two decimals).",
        footer = {"", CommandTree.EXAMPLES,
            "  llm-economist-lab tax --brackets us_fed_2024 --rates 10,12,22,24,32,35,37 --income 100000   # 17053.00",
            "  llm-economist-lab tax --brackets 0,50000,10000000 --rates 10,40 --income 80000   # 17000.00"})
final class TaxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--brackets", required = true, description = "flat, three, us_fed_2024, or cutoffs such as 0,90000,159100,10000000")
    String brackets;

    @Option(names = "--rates", required = true, description = "marginal rates in percent, one per bracket, comma-separated")
    String rates;

    @Option(names = "--income", required = true, description = "pre-tax income in dollars per year")
    double income;

    @Override
    public Integer call() {
        TaxBrackets b = BracketsOption.parse(brackets);
        double[] r = BracketsOption.numbers("--rates", rates);
        String problem = TaxSchedule.problemWith(b, r);
        if (problem != null) {
            throw new InvalidInputException("--rates", problem);
        }
        if (!Double.isFinite(income)) {
            throw new InvalidInputException("--income", "must be a finite number");
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%.2f", TaxSchedule.of(b, r).taxUsd(income)));
        return LabCli.OK;
    }
}
