package org.econlab.economy;

import org.econlab.random.NumpyRandomState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PairwiseSum} is NumPy's {@code np.sum}, to the last bit. */
class PairwiseSumTest {

    /** NumPy's own sums, printed by NumPy 2.4 for arrays its legacy generator draws (reproduced here bit for bit). */
    @Test
    void equalsNumpysPrintedSums() throws IOException {
        int checked = 0;
        int sequentialDiffers = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/numpy/pairwise-sums.txt"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            int n = Integer.parseInt(f[0]);
            double[] a = new NumpyRandomState(2026).uniform(0, 1, n);
            for (int i = 0; i < n; i++) {
                a[i] = (a[i] - 0.5) * 1e6;
            }
            assertEquals(Double.parseDouble(f[1]), PairwiseSum.of(a), "n=" + n);
            double s = 0;
            for (double x : a) {
                s += x;
            }
            sequentialDiffers += s != PairwiseSum.of(a) ? 1 : 0;
            checked++;
        }
        assertEquals(171, checked);
        assertTrue(sequentialDiffers > 20, "the arrays must tell the two orders apart: " + sequentialDiffers);
    }

    /** Every length 1..10,000 against a second, independent transcription of NumPy's {@code pairwise_sum}. */
    @Test
    void equalsAReferenceImplementationForEveryLengthUpTo10000() {
        SplittableRandom r = new SplittableRandom(22);
        double[] pool = new double[10_000];
        for (int i = 0; i < pool.length; i++) { // magnitudes over 12 decades, both signs: order matters
            pool[i] = (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-6, 6));
        }
        for (int n = 1; n <= pool.length; n++) {
            assertEquals(reference(pool, 0, n), PairwiseSum.of(pool, 0, n), "n=" + n);
        }
        assertEquals(reference(pool, 17, 9_000), PairwiseSum.of(pool, 17, 9_000));
        assertEquals(0.0, PairwiseSum.of(new double[0]));
    }

    /** NumPy's numpy/_core/src/umath/loops_utils.h.src {@code pairwise_sum}, written out from its description. */
    private static double reference(double[] a, int from, int to) {
        int n = to - from;
        if (n < 8) {
            double res = 0.;
            for (int i = from; i < to; i++) {
                res += a[i];
            }
            return res;
        } else if (n <= 128) { // PW_BLOCKSIZE
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            while (i < n - (n % 8)) {
                for (int k = 0; k < 8; k++) {
                    r[k] += a[from + i + k];
                }
                i += 8;
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            while (i < n) {
                res += a[from + i++];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return reference(a, from, from + n2) + reference(a, from + n2, to);
    }
}
