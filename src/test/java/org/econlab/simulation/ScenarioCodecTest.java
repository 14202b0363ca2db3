package org.econlab.simulation;

import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario files: every field validated; a bad file names the field path and the reason. */
class ScenarioCodecTest {

    private static String refuse(String json) {
        return assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(json)).getMessage();
    }

    private static String base(String brackets, String extra) {
        return """
            { "schemaVersion": 1, "population": { "agents": 5 }, "brackets": %s,
              "worker": { "kind": "rational" }, "planner": { "kind": "saez" } %s }
            """.formatted(brackets, extra);
    }

    @Test
    void aRateAboveHundredNamesItsIndex() {
        assertEquals("brackets.rates[2]: 150 is outside 0..100",
                refuse(base("{ \"preset\": \"three\", \"rates\": [10, 20, 150] }", "")));
    }

    @Test
    void descendingCutoffsNameTheCutoff() {
        assertEquals("brackets.cutoffs[2]: 500 must be greater than the cutoff before it (1000)",
                refuse(base("{ \"cutoffs\": [0, 1000, 500, 10000000] }", "")));
    }

    @Test
    void wrongRateCount() {
        assertEquals("brackets.rates: needs 3 rates (one per bracket), got 2",
                refuse(base("{ \"preset\": \"three\", \"rates\": [10, 20] }", "")));
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        String m = refuse(base("{ \"preset\": \"four\" }", ""));
        assertTrue(m.startsWith("brackets.preset: unknown bracket preset \"four\""), m);
        assertTrue(m.contains("us_fed_2024"), m);
    }

    @Test
    void aTypoIsAnUnknownFieldNotASilentDefault() {
        String m = refuse(base("{ \"preset\": \"three\" }", ", \"stpes\": 10"));
        assertTrue(m.startsWith("stpes: unknown field"), m);
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals("population.agents: must be a number, was \"many\"",
                refuse(base("{ \"preset\": \"three\" }", "").replace("\"agents\": 5", "\"agents\": \"many\"")));
        assertEquals("population.agents: 2.5 is not a whole number",
                refuse(base("{ \"preset\": \"three\" }", "").replace("\"agents\": 5", "\"agents\": 2.5")));
    }

    @Test
    void plannerParametersAreValidated() {
        String m = refuse(base("{ \"preset\": \"three\" }", "").replace("{ \"kind\": \"saez\" }",
                "{ \"kind\": \"saez\", \"elasticity\": [0.1, 0.2] }"));
        assertEquals("planner.elasticity: needs 1 value or 3 (one per bracket), got 2", m);
        assertTrue(refuse(base("{ \"preset\": \"three\" }", "").replace("\"saez\"", "\"oracle\""))
                .startsWith("planner.kind: unknown planner kind \"oracle\""));
        assertEquals("planner.kind: us_fed needs the us_fed_2024 brackets; this scenario has 3 other brackets",
                refuse(base("{ \"preset\": \"three\" }", "").replace("\"saez\"", "\"us_fed\"")));
    }

    @Test
    void missingSchemaVersionAndBrokenJsonAreClear() {
        assertTrue(refuse("{}").startsWith("schemaVersion: is required"));
        assertTrue(refuse("{ \"schemaVersion\": 1, ").startsWith("not valid JSON"));
        assertTrue(refuse("{ \"schemaVersion\": 9 }").startsWith("schemaVersion: 9 is not supported"));
    }

    @Test
    void utilityMixMustSumToHundred() {
        String m = refuse(base("{ \"preset\": \"three\" }", "").replace("\"agents\": 5",
                "\"agents\": 5, \"utilityMix\": { \"egotistical\": 50, \"altruistic\": 10 }"));
        assertEquals("population.utilityMix: percentages must sum to 100, they sum to 60", m);
    }

    @Test
    void writingAndReadingBackGivesTheSameScenario() {
        Scenario s = ScenarioCodec.parse(base("{ \"cutoffs\": [0, 20000, 80000, 10000000], \"rates\": [5, 15.5, 40] }",
                ", \"seed\": 9, \"utility\": { \"delta\": 2.5, \"swf\": \"utilitarian\" }"));
        Scenario again = ScenarioCodec.parse(ScenarioCodec.write(s));
        assertEquals(ScenarioCodec.write(s), ScenarioCodec.write(again));
        assertEquals(s.startSchedule(), again.startSchedule());
        assertEquals(s.labour(), again.labour());
        assertEquals(9, again.seed());
    }

    @Test
    void everySampleScenarioIsValid() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("sample-scenarios"))) {
            long n = files.filter(p -> p.toString().endsWith(".json")).peek(p -> ScenarioCodec.read(p)).count();
            assertTrue(n >= 3);
        }
    }

    @Test
    void welfareFunctionsAreReadWithTheirParameterAndWrittenBack() {
        Scenario s = ScenarioCodec.parse(base("{ \"preset\": \"three\" }",
                ", \"utility\": { \"swf\": \"atkinson\", \"atkinsonEpsilon\": 2 }"));
        assertEquals(org.econlab.economy.WelfareFunction.atkinson(2), s.swf());
        assertEquals(s.swf(), ScenarioCodec.fromJson(ScenarioCodec.toJson(s)).swf());
        assertEquals(org.econlab.economy.WelfareFunction.INVERSE_SKILL, ScenarioCodec.parse(base(
                "{ \"preset\": \"three\" }", ", \"utility\": { \"swf\": \"inverse_skill\" }")).swf());
        assertEquals(org.econlab.economy.WelfareFunction.PAPER, ScenarioCodec.parse(base("{ \"preset\": \"three\" }", "")).swf());
    }

    @Test
    void badWelfareFieldsAreNamed() {
        String m = refuse(base("{ \"preset\": \"three\" }", ", \"utility\": { \"swf\": \"rawls\" }"));
        assertTrue(m.startsWith("utility.swf: unknown welfare function \"rawls\""), m);
        assertTrue(m.contains("inverse_skill") && m.contains("maximin") && m.contains("atkinson"), m);
        assertEquals("utility.atkinsonEpsilon: is only used with swf \"atkinson\"", refuse(base("{ \"preset\": \"three\" }",
                ", \"utility\": { \"swf\": \"maximin\", \"atkinsonEpsilon\": 2 }")));
        assertTrue(refuse(base("{ \"preset\": \"three\" }",
                ", \"utility\": { \"swf\": \"atkinson\", \"atkinsonEpsilon\": -1 }")).startsWith("utility.atkinsonEpsilon: -1"));
    }

    @Test
    void saezElasticityIsTheModelsByDefaultANumberOrEstimated() {
        String three = "{ \"preset\": \"three\" }";
        String plannerModel = "{ \"schemaVersion\": 1, \"population\": { \"agents\": 5 }, \"brackets\": " + three
                + ", \"worker\": { \"kind\": \"rational\" }, \"planner\": { \"kind\": \"saez\", \"elasticity\": %s } }";
        ScenarioCodec.parse(plannerModel.formatted("\"model\""));
        ScenarioCodec.parse(plannerModel.formatted("\"estimated\""));
        ScenarioCodec.parse(plannerModel.formatted("3.0"));
        ScenarioCodec.parse(plannerModel.formatted("[0.18, 0.11, 0.57]"));
        String m = assertThrows(InvalidInputException.class, () -> ScenarioCodec.parse(plannerModel.formatted("\"guess\""))).getMessage();
        assertEquals("planner.elasticity: \"guess\" is not one of model, mean, estimated", m);
        assertEquals("worker.rebate: \"realised\" is not one of own_share, price_taking", refuse(base(three, "")
                .replace("{ \"kind\": \"rational\" }", "{ \"kind\": \"rational\", \"rebate\": \"realised\" }")));
    }
}
