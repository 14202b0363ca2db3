package org.econlab.ui.editor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.LinearSoftmaxPolicy;
import org.econlab.population.CensusTable;
import org.econlab.population.DeltaDistribution;
import org.econlab.random.RandomSource;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.econlab.ui.LabApp;
import org.econlab.ui.widgets.FieldHelp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 in the editor, without a stage: δ is chosen as one number or a distribution, each choice says what it
 * means, problems name their field, and a scenario goes through the editor and back to its file unchanged (its own
 * deltas, its {@code random} source and a trained planner's policy included).
 */
class DeltaEditsTest {

    private final Scenario sample = ScenarioCodec.readResource(LabApp.DEFAULT_SCENARIO);

    @Test
    void oneNumberIsThePapersFormAndSaysItsElasticity() {
        ScenarioDraft d = new ScenarioDraft(sample);
        DeltaEdits edits = new DeltaEdits(d);
        assertEquals(DeltaEdits.Form.NUMBER, edits.form());
        assertEquals("Every worker has δ = 3.5: labour elasticity 1/(δ − 1) = 0.40 (the paper).", edits.meaning());
        d.set("utility.delta", 2);
        assertEquals("Every worker has δ = 2: labour elasticity 1/(δ − 1) = 1.00.", edits.meaning());
        assertNull(d.scenarioProperty().get().population().deltas());
    }

    @Test
    void aUniformDistributionIsDrawnPerWorkerAndABadBoundIsNamedAtItsField() {
        ScenarioDraft d = new ScenarioDraft(sample);
        DeltaEdits edits = new DeltaEdits(d);
        edits.choose(DeltaEdits.Form.UNIFORM);
        assertTrue(d.validProperty().get(), d.errorMessageProperty().get());
        assertEquals(DeltaEdits.Form.UNIFORM, edits.form());
        assertEquals(JsonParser.parseString("{\"dist\":\"uniform\",\"min\":2.5,\"max\":4.5}"), d.get("utility.delta"));
        assertEquals(DeltaDistribution.uniform(2.5, 4.5), d.scenarioProperty().get().population().deltas());
        assertEquals("Each worker draws δ uniformly from 2.5 to 4.5: labour elasticities 1/(δ − 1) from 0.29 to 0.67.",
                edits.meaning());
        double[] own = Simulation.populationOf(d.scenarioProperty().get()).deltas();
        assertTrue(Arrays.stream(own).allMatch(x -> x >= 2.5 && x <= 4.5)
                && Arrays.stream(own).distinct().count() == own.length, "each worker its own delta in [2.5, 4.5]");

        d.set("utility.delta.max", 2);
        assertFalse(d.validProperty().get());
        assertEquals("utility.delta.max", d.errorPathProperty().get());
        assertEquals("utility.delta.max: 2 is below min (2.5)", d.errorMessageProperty().get());
        assertEquals("Labour exponent δ, to: 2 is below min (2.5) (utility.delta.max)", d.problemsProperty().get()
                .get(0).human());
        assertEquals("", edits.meaning(), "no meaning for an invalid δ: the problem is shown instead");
        d.set("utility.delta.min", 0.5);
        assertEquals("utility.delta.min", d.errorPathProperty().get());
        d.undo();
        d.undo();
        assertTrue(d.validProperty().get());

        edits.choose(DeltaEdits.Form.NUMBER);
        assertEquals(3.5, d.get("utility.delta").getAsDouble(), "back to one number: the distribution's centre");
        assertNull(d.scenarioProperty().get().population().deltas());
    }

    @Test
    void aLognormalSaysWhereNinetyPercentOfWorkersAre() {
        ScenarioDraft d = new ScenarioDraft(sample);
        d.set("utility.delta", 3);
        DeltaEdits edits = new DeltaEdits(d);
        edits.choose(DeltaEdits.Form.LOGNORMAL);
        assertEquals(DeltaDistribution.lognormal(3, 0.3), d.scenarioProperty().get().population().deltas());
        assertEquals("δ − 1 is log-normal: median δ = 3 (elasticity 0.50); 90% of workers have δ from 2.22 to 4.28"
                + " (elasticities 0.31 to 0.82).", edits.meaning());
        d.set("utility.delta.sigma", 9);
        assertEquals("utility.delta.sigma", d.errorPathProperty().get());
    }

    @Test
    void aTableByAgeSwitchesPersonasOnAndEachBandIsEditedInItsRow() {
        ScenarioDraft d = new ScenarioDraft(sample);
        DeltaEdits edits = new DeltaEdits(d);
        edits.choose(DeltaEdits.Form.BY_AGE);
        assertTrue(d.validProperty().get(), d.errorMessageProperty().get());
        assertTrue(d.scenarioProperty().get().population().personas(), "a table needs personas");
        assertEquals(CensusTable.AGE_BANDS, edits.tableRows().stream().map(DeltaEdits.TableRow::key).toList());
        assertTrue(edits.tableRows().stream().allMatch(r -> r.delta().isEmpty()));
        edits.setTableValue("25-34", "2.5");
        edits.setTableValue("65-74", "6");
        assertEquals(DeltaDistribution.table("age", Map.of("25-34", 2.5, "65-74", 6.0), 3.5),
                d.scenarioProperty().get().population().deltas());
        assertEquals("2.5", edits.tableRows().get(2).delta());
        assertEquals("δ by the worker's age band: 2 of 8 age bands given (elasticities 0.20 to 0.67), the others"
                + " δ = 3.5 (elasticity 0.40); workers play census personas.", edits.meaning());
        edits.setTableValue("25-34", "fast");
        assertEquals("utility.delta.values.25-34", d.errorPathProperty().get());
        assertTrue(d.problemsProperty().get().get(0).human().startsWith("δ table, 25-34: "),
                d.problemsProperty().get().get(0).human());
        edits.setTableValue("25-34", "");
        assertTrue(d.validProperty().get(), d.errorMessageProperty().get());
        assertEquals(Map.of("65-74", 6.0), d.scenarioProperty().get().population().deltas().values());

        edits.choose(DeltaEdits.Form.BY_OCCUPATION);
        assertEquals(22, edits.tableKeys().size(), "the census table's occupations");
        edits.setTableValue(edits.tableKeys().get(0), "2");
        assertEquals("occupation", d.scenarioProperty().get().population().deltas().by());
        d.remove("utility.delta.otherwise");
        assertEquals("utility.delta.otherwise", d.errorPathProperty().get());
        assertTrue(d.errorMessageProperty().get().contains("is required: the table has no delta for"));
    }

    @Test
    void aDistributionGoesThroughTheEditorAndBackToItsFileUnchanged(@TempDir Path dir) throws Exception {
        Path source = Path.of("sample-scenarios/hetero-us-fed-100.json");
        ScenarioDraft d = new ScenarioDraft(sample);
        d.open(source);
        DeltaEdits edits = new DeltaEdits(d);
        assertEquals(DeltaEdits.Form.UNIFORM, edits.form());
        assertFalse(d.dirtyProperty().get());
        Path out = dir.resolve("saved.json");
        d.save(out);
        Scenario original = ScenarioCodec.read(source);
        Scenario saved = ScenarioCodec.read(out);
        assertEquals(original, saved);
        assertEquals(DeltaDistribution.uniform(3, 5), saved.population().deltas());
        assertEquals(object(source).getAsJsonObject("utility").get("delta"),
                object(out).getAsJsonObject("utility").get("delta"));

        // a table (by occupation) and a log-normal also survive save and open
        for (DeltaEdits.Form f : new DeltaEdits.Form[] {DeltaEdits.Form.BY_OCCUPATION, DeltaEdits.Form.LOGNORMAL}) {
            edits.choose(f);
            if (f.isTable()) {
                edits.setTableValue(edits.tableKeys().get(3), "2.25");
            }
            assertTrue(d.validProperty().get(), d.errorMessageProperty().get());
            Path p = dir.resolve(f + ".json");
            d.save(p);
            ScenarioDraft again = new ScenarioDraft(sample);
            again.open(p);
            assertEquals(d.scenarioProperty().get(), again.scenarioProperty().get(), f.toString());
            assertEquals(d.get("utility.delta"), again.get("utility.delta"), f.toString());
            assertEquals(f, new DeltaEdits(again).form());
        }
    }

    @Test
    void theRandomSourceAndATrainedPlannersPolicyAreKeptWhenAScenarioIsEditedAndSaved(@TempDir Path dir)
            throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, LinearSoftmaxPolicy.uniform(7).toJson().toString());
        JsonObject json = ScenarioCodec.toJson(sample);
        json.addProperty("random", "numpy");
        json.getAsJsonObject("brackets").remove("cutoffs");
        json.getAsJsonObject("brackets").addProperty("preset", "us_fed_2024");
        json.getAsJsonObject("brackets").add("rates", JsonParser.parseString("[10,12,22,24,32,35,37]"));
        JsonObject planner = new JsonObject();
        planner.addProperty("kind", "policy_gradient");
        planner.addProperty("policy", policy.toString().replace('\\', '/'));
        planner.addProperty("play", "mode");
        json.add("planner", planner);
        Path source = dir.resolve("trained.json");
        Files.writeString(source, json.toString());

        ScenarioDraft d = new ScenarioDraft(sample);
        d.open(source);
        assertTrue(d.validProperty().get(), d.errorMessageProperty().get());
        d.set("seed", 7);
        d.set("steps", 200);
        new DeltaEdits(d).choose(DeltaEdits.Form.UNIFORM);
        assertTrue(d.validProperty().get(), d.errorMessageProperty().get());
        Path out = dir.resolve("edited.json");
        d.save(out);

        JsonObject saved = object(out);
        assertEquals("numpy", saved.get("random").getAsString());
        assertEquals(planner, saved.get("planner"));
        Scenario s = ScenarioCodec.read(out);
        assertEquals(RandomSource.NUMPY, s.random());
        assertEquals("policy_gradient", s.planner().kind());
        assertEquals(7, s.seed());
        // it plays: the trained planner acts at the first tax year on workers with their own deltas
        Simulation sim = new Simulation(s, false);
        assertArrayEquals(new double[] {10, 12, 22, 24, 32, 35, 37}, sim.step().ratesPercent(), 1e-9);
        assertTrue(sim.population().hasOwnDeltas());
    }

    private static JsonObject object(Path p) throws Exception {
        JsonElement e = JsonParser.parseString(Files.readString(p));
        return e.getAsJsonObject();
    }

    @Test
    void everyDeltaFieldHasItsMeaningAndItsNameInProblems() {
        for (String f : new String[] {"dist", "min", "max", "median", "sigma", "values", "otherwise"}) {
            assertFalse(FieldHelp.of("utility.delta." + f).isEmpty(), f);
        }
        assertEquals("Labour exponent δ, median", FieldHelp.where("utility.delta.median"));
    }
}
