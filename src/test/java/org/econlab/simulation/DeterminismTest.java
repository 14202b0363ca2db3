package org.econlab.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same scenario + seed gives byte-identical steps.csv, whether the agent loop runs in parallel or not. */
class DeterminismTest {

    private static final int AGENTS = 3 * Simulation.CHUNK + 123; // several chunks, a ragged last one

    private static byte[] run(Scenario s, boolean parallel, Path dir) throws IOException {
        Simulation sim = new Simulation(s, parallel);
        sim.addListener(new RunRecordWriter(dir));
        sim.runToEnd();
        return Files.readAllBytes(dir.resolve(RunRecordWriter.STEPS));
    }

    @Test
    void parallelAndSequentialRunsWriteIdenticalSteps(@TempDir Path tmp) throws IOException {
        Scenario s = TestScenarios.scenario(AGENTS, 6, "us_fed_2024", "{\"kind\": \"fixed\"}", "{\"kind\": \"saez\"}");
        byte[] parallel = run(s, true, tmp.resolve("p"));
        byte[] sequential = run(s, false, tmp.resolve("s"));
        assertTrue(parallel.length > 100);
        assertArrayEquals(sequential, parallel);
    }

    @Test
    void rationalWorkersToo(@TempDir Path tmp) throws IOException {
        Scenario s = TestScenarios.scenario(AGENTS, 4, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"uniform\", \"rate\": 30}");
        assertArrayEquals(run(s, false, tmp.resolve("s")), run(s, true, tmp.resolve("p")));
    }

    @Test
    void everyWelfareFunctionIsAddedTheSameWayInParallel(@TempDir Path tmp) throws IOException {
        Scenario base = TestScenarios.scenario(AGENTS, 3, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"uniform\", \"rate\": 60}");
        for (org.econlab.economy.WelfareFunction w : new org.econlab.economy.WelfareFunction[] {
            org.econlab.economy.WelfareFunction.INVERSE_SKILL, org.econlab.economy.WelfareFunction.MAXIMIN,
            org.econlab.economy.WelfareFunction.atkinson(2), org.econlab.economy.WelfareFunction.INVERSE_INCOME_AVERAGE}) {
            Scenario s = base.withSwf(w);
            assertArrayEquals(run(s, false, tmp.resolve(w.id() + "-s")), run(s, true, tmp.resolve(w.id() + "-p")), w.id());
        }
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers(@TempDir Path tmp) throws IOException {
        Scenario s = TestScenarios.scenario(200, 3, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        byte[] a = run(s, true, tmp.resolve("a"));
        byte[] b = run(s, true, tmp.resolve("b"));
        byte[] c = run(s.withSeed(7), true, tmp.resolve("c"));
        assertArrayEquals(a, b);
        assertNotEquals(new String(a), new String(c));
    }

    @Test
    void populationDependsOnlyOnSpecAndSeed() {
        Scenario s = TestScenarios.scenario(AGENTS, 1, "three", "{\"kind\": \"rational\"}", "{\"kind\": \"saez\"}");
        var p1 = org.econlab.population.Population.generate(s.population(), 42);
        var p2 = org.econlab.population.Population.generate(s.population(), 42);
        assertArrayEquals(p1.skills(), p2.skills());
        assertEquals(AGENTS, p1.size());
    }
}
