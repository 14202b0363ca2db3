package org.econlab.population;

import org.econlab.cli.LabCli;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11, finding 4: the skill order is a primitive sort with the boxed sort's result; a run too big is refused. */
class SkillOrderTest {

    @Test
    void theRadixOrderEqualsTheStableComparatorOrderTiesAndSignsIncluded() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 2, 17, 5_000, 70_001}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (r.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> Math.floor(r.nextDouble() * 10); // many ties
                    case 3 -> -r.nextDouble() * 1e6;
                    case 4 -> Double.MIN_VALUE * r.nextInt(3);
                    default -> r.nextDouble() * 1e6;
                };
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble(i -> v[i])).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, SkillOrder.ascending(v), "n=" + n);
        }
    }

    @Test
    void aRunThatCannotFitInTheHeapIsRefusedAtOnceWithTheXmxToUse() throws Exception {
        Path out = Files.createTempDirectory("huge").resolve("never");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        long t0 = System.nanoTime();
        int code = LabCli.execute(new PrintWriter(o), new PrintWriter(e), "run", "sample-scenarios/us-fed-100.json",
                "--agents", "50000000", "--steps", "2", "--out", out.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(2, code, o.toString() + e);
        String line = e.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("50,000,000 learning workers need about") && line.contains("java -Xmx"), line);
        assertTrue(seconds < 10, "refused in " + seconds + " s, before drawing any skill");
        assertFalse(Files.exists(out), "no record folder for a refused run");
    }
}
