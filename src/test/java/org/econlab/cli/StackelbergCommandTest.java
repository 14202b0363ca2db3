package org.econlab.cli;

import org.econlab.economy.BracketPreset;
import org.econlab.economy.LabourModel;
import org.econlab.economy.RebateTreatment;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.TaxSchedule;
import org.econlab.economy.WelfareFunction;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code stackelberg}: one line of grid rates and swf=, checked against evaluating every schedule. */
class StackelbergCommandTest {

    private static String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(expectedCode, LabCli.execute(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        return expectedCode == LabCli.OK ? out.toString() : err.toString();
    }

    @Test
    void printsTheBestGridScheduleAndItsWelfareOnOneLine() {
        String skills = "673.9405,4415.7244,1715.8422,1219.3905,267.855,99.6462";
        String line = run(LabCli.OK, "stackelberg", "--brackets", "three", "--skills", skills, "--swf", "inverse_skill",
                "--rebate", "price_taking").strip();
        assertTrue(line.matches("(\\d+ ){3}swf=-?\\d+\\.\\d{6}"), line);
        String[] parts = line.split(" ");
        double[] rates = Arrays.stream(parts, 0, 3).mapToDouble(Double::parseDouble).toArray();
        double swf = Double.parseDouble(parts[3].substring(4));

        double[] v = Arrays.stream(skills.split(",")).mapToDouble(Double::parseDouble).toArray();
        var problem = new StackelbergSearch.Problem(v, BracketPreset.THREE.brackets(), LabourModel.PAPER,
                WelfareFunction.INVERSE_SKILL, RebateTreatment.PRICE_TAKING);
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a <= 100; a += 10) {
            for (int b = 0; b <= 100; b += 10) {
                for (int c = 0; c <= 100; c += 10) {
                    best = Math.max(best, StackelbergSearch.welfare(problem, TaxSchedule.of(problem.brackets(), a, b, c)));
                }
            }
        }
        assertEquals(best, swf, 1e-6);
        assertEquals(best, StackelbergSearch.welfare(problem, TaxSchedule.of(problem.brackets(), rates)), 1e-6);
    }

    @Test
    void labourConstantsAndWelfareOptionsAreUsedAndBadOnesRefused() {
        String a = run(LabCli.OK, "stackelberg", "--brackets", "flat", "--skills", "100,2000", "--swf", "atkinson",
                "--epsilon", "2", "--c", "9", "--delta", "2", "--max-hours", "60");
        assertTrue(a.strip().matches("\\d+ swf=.*"), a);
        assertTrue(run(LabCli.BAD_INPUT, "stackelberg", "--brackets", "three", "--skills", "1,2", "--rebate", "realised")
                .startsWith("error: --rebate: \"realised\" is not one of own_share, price_taking"));
        assertTrue(run(LabCli.BAD_INPUT, "stackelberg", "--brackets", "three", "--skills", "1,2", "--epsilon", "1")
                .startsWith("error: --epsilon: is only used with --swf atkinson"));
        assertTrue(run(LabCli.BAD_INPUT, "stackelberg", "--brackets", "three", "--skills", "1,2", "--delta", "0.5")
                .startsWith("error: --delta: "));
    }

    @Test
    void aScenarioGivesThePopulationBracketsLabourAndWelfare(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("s.json");
        java.nio.file.Files.writeString(file, "{\"schemaVersion\":1,\"seed\":5,\"population\":{\"agents\":30},"
                + "\"brackets\":{\"preset\":\"three\"},\"utility\":{\"swf\":\"inverse_skill\",\"delta\":3}}");
        var sc = org.econlab.simulation.ScenarioCodec.read(file);
        for (long seed : new long[] {5, 9}) {
            double[] v = org.econlab.population.Population.generate(sc.population(), seed).skills();
            var r = StackelbergSearch.optimum(new StackelbergSearch.Problem(v, sc.brackets(), sc.labour(),
                    WelfareFunction.INVERSE_SKILL, RebateTreatment.OWN_SHARE));
            String expected = Arrays.stream(r.ratesPercent()).mapToObj(x -> Long.toString(Math.round(x)))
                    .reduce((a, b) -> a + " " + b).orElseThrow() + String.format(java.util.Locale.ROOT, " swf=%.6f", r.swf());
            String line = seed == 5 ? run(LabCli.OK, "stackelberg", "--scenario", file.toString())
                    : run(LabCli.OK, "stackelberg", "--scenario", file.toString(), "--seed", "9");
            assertEquals(expected, line.strip());
        }
        assertTrue(run(LabCli.BAD_INPUT, "stackelberg", "--skills", "1,2").startsWith("error: --brackets: is required without --scenario"));
    }
}
