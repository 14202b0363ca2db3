package org.econlab.ui.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.econlab.agents.WorkerKinds;
import org.econlab.economy.SaezOptimalRates;
import org.econlab.economy.StackelbergSearch;
import org.econlab.economy.TaxBrackets;
import org.econlab.population.Population;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.ScenarioCodec;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Issue 20: the window's reference lines for workers with their own deltas are the core's — Saez with the bracket
 * elasticities (or the one mean for a saez planner with {@code "mean"}), Stackelberg with each worker's best response
 * to its own delta.
 */
class RunReferencesTest {

    /** The heterogeneous sample with rational workers on three brackets (a Stackelberg search the test can afford). */
    private static Scenario hetero(String planner) throws Exception {
        JsonObject o = JsonParser.parseString(Files.readString(Path.of("sample-scenarios/hetero-us-fed-100.json")))
                .getAsJsonObject();
        o.add("brackets", JsonParser.parseString("{\"preset\": \"three\"}"));
        o.add("worker", JsonParser.parseString("{\"kind\": \"rational\"}"));
        o.add("planner", JsonParser.parseString(planner));
        o.addProperty("steps", 50);
        return ScenarioCodec.parse(o.toString());
    }

    @Test
    void theSaezAndStackelbergLinesUseEachWorkersOwnDelta() throws Exception {
        Simulation sim = new Simulation(hetero("{\"kind\": \"icrl\"}"), false);
        Population pop = sim.population();
        assertNotNull(pop.deltas());
        TaxBrackets b = sim.scenario().brackets();
        Map<String, double[]> lines = RunReferences.rates(sim);

        double[] elasticities = SaezOptimalRates.bracketElasticities(pop.skills(), pop.deltas(), b);
        double[] saez = SaezOptimalRates.ratesPercent(pop.skills(), b, elasticities);
        assertArrayEquals(saez, lines.get("Saez"), 1e-12);
        double[] oneDelta = SaezOptimalRates.ratesPercent(pop.skills(), b, sim.scenario().labour().frischElasticity());
        assertFalse(Arrays.equals(oneDelta, lines.get("Saez")), "not the line of one delta for all");

        StackelbergSearch.Problem own = new StackelbergSearch.Problem(pop.skills(), b, sim.scenario().labour(),
                sim.scenario().swf(), WorkerKinds.rebateOf(sim.scenario().worker().json()), pop.deltas());
        assertArrayEquals(StackelbergSearch.optimum(own).ratesPercent(), lines.get("Stackelberg"), 1e-12);
        StackelbergSearch.Problem shared = new StackelbergSearch.Problem(pop.skills(), b, sim.scenario().labour(),
                sim.scenario().swf(), WorkerKinds.rebateOf(sim.scenario().worker().json()));
        assertFalse(Arrays.equals(StackelbergSearch.optimum(shared).ratesPercent(), lines.get("Stackelberg")),
                "not the optimum for workers who all have the centre delta");
    }

    @Test
    void aSaezPlannerWithTheMeanElasticityDrawsTheMeansLine() throws Exception {
        Simulation sim = new Simulation(hetero("{\"kind\": \"saez\", \"elasticity\": \"mean\"}"), false);
        Population pop = sim.population();
        double mean = SaezOptimalRates.meanElasticity(pop.skills(), pop.deltas());
        assertArrayEquals(SaezOptimalRates.ratesPercent(pop.skills(), sim.scenario().brackets(), mean),
                RunReferences.rates(sim).get("Saez"), 1e-12);
        assertArrayEquals(new double[] {mean}, RunReferences.saezElasticity(sim), 0);
        // a saez planner's own numbers still win
        Simulation given = new Simulation(hetero("{\"kind\": \"saez\", \"elasticity\": [0.3, 0.4, 0.5]}"), false);
        assertArrayEquals(new double[] {0.3, 0.4, 0.5}, RunReferences.saezElasticity(given), 0);
    }
}
