package org.econlab.replication;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void intervalsContainTheEstimateAreReproducibleAndShrinkWithMoreSeeds() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] ten = new double[10];
        double[] hundred = new double[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = 100 + 10 * rnd.nextGaussian();
            if (i < 10) {
                ten[i] = hundred[i];
            }
        }
        for (Bootstrap.Statistic s : Bootstrap.Statistic.values()) {
            Bootstrap.Interval a = Bootstrap.interval(ten, s);
            assertTrue(a.low() <= a.estimate() && a.estimate() <= a.high(), a.toString());
            assertEquals(a, Bootstrap.interval(ten, s));
            Bootstrap.Interval b = Bootstrap.interval(hundred, s);
            assertTrue(b.high() - b.low() < a.high() - a.low(), s.name());
        }
        // a mean of 100 draws with sd 10: the interval is about +-2 wide (1.96 * 10 / sqrt(100))
        Bootstrap.Interval m = Bootstrap.interval(hundred, Bootstrap.Statistic.MEAN);
        assertEquals(3.9, m.high() - m.low(), 0.8);
        assertEquals(new Bootstrap.Interval(5, 5, 5, 1), Bootstrap.interval(new double[] {5}, Bootstrap.Statistic.MEAN));
    }
}
