package org.econlab.population;

/**
 * Agent indices in ascending order of a primitive column, ties in index order (the order
 * {@code Comparator.comparingDouble} with a stable sort gives), without boxing: an LSD radix sort over the values'
 * order-preserving 64-bit keys, 11 bits a pass, skipping passes whose digit is the same for every agent. Linear
 * time; 10 million agents sort in a fraction of a second where a boxed {@code Integer} sort took tens of seconds.
 * Pure and thread-safe.
 */
final class SkillOrder {

    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private SkillOrder() {
    }

    /** Indices of {@code values} sorted ascending (by {@link Double#compare}, NaN last), stable. */
    static int[] ascending(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(values[i]);
            // Flip negatives entirely and positives' sign bit: unsigned key order = Double.compare order.
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            order[i] = i;
        }
        if (n < 2) {
            return order;
        }
        long[] keysTmp = new long[n];
        int[] orderTmp = new int[n];
        int[] count = new int[BUCKETS];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
            }
            if (count[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has this digit: the pass would change nothing
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int b = (int) (keys[i] >>> shift) & (BUCKETS - 1);
                int at = count[b]++;
                keysTmp[at] = keys[i];
                orderTmp[at] = order[i];
            }
            long[] k = keys;
            keys = keysTmp;
            keysTmp = k;
            int[] o = order;
            order = orderTmp;
            orderTmp = o;
        }
        return order;
    }
}
