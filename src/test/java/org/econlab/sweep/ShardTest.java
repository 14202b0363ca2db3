package org.econlab.sweep;

import org.econlab.config.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shards: "I/N" with 1 <= I <= N; the N slices are disjoint, cover the list, keep its order and are balanced. */
class ShardTest {

    @Test
    void parsesIOverN() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3", "--shard"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 ", "--shard"));
        assertTrue(Shard.parse("1/1", "--shard").isAll());
        assertEquals("7/12", Shard.parse("7/12", "--shard").toString());
    }

    @Test
    void refusesWhatIsNotIOverNWithTheOptionName() {
        assertEquals("--shard: I = 0 is outside 1..3 (shards are numbered from 1)",
                assertThrows(InvalidInputException.class, () -> Shard.parse("0/3", "--shard")).getMessage());
        assertEquals("--shard: I = 4 is outside 1..3 (shards are numbered from 1)",
                assertThrows(InvalidInputException.class, () -> Shard.parse("4/3", "--shard")).getMessage());
        assertEquals("--shard: N = 0 is outside 1..100000",
                assertThrows(InvalidInputException.class, () -> Shard.parse("1/0", "--shard")).getMessage());
        for (String bad : new String[] {"", "3", "a/3", "1/b", "1/2/3", "-1/3", "1.5/3"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Shard.parse(bad, "--shard"), bad);
            assertTrue(e.getMessage().startsWith("--shard: "), e.getMessage());
        }
    }

    @Test
    void theSlicesPartitionTheListInOrderAndAreBalanced() {
        for (int size = 0; size <= 23; size++) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();
            for (int n = 1; n <= 7; n++) {
                List<Integer> union = new ArrayList<>();
                int smallest = Integer.MAX_VALUE;
                int largest = 0;
                for (int i = 1; i <= n; i++) {
                    Shard shard = new Shard(i, n);
                    List<Integer> slice = shard.select(items);
                    for (int k = 1; k < slice.size(); k++) {
                        assertTrue(slice.get(k - 1) < slice.get(k), "canonical order kept");
                    }
                    for (int k = 0; k < size; k++) {
                        assertEquals(slice.contains(k), shard.contains(k), "contains agrees with select");
                    }
                    union.addAll(slice);
                    smallest = Math.min(smallest, slice.size());
                    largest = Math.max(largest, slice.size());
                }
                union.sort(null);
                assertEquals(items, union, size + " items in " + n + " shards: each exactly once");
                assertTrue(largest - smallest <= 1, "balanced");
            }
        }
    }

    @Test
    void neighboursGoToDifferentShards() {
        Shard second = new Shard(2, 3);
        assertEquals(List.of("b", "e", "h"), second.select(List.of("a", "b", "c", "d", "e", "f", "g", "h")));
        assertFalse(second.contains(0));
        assertTrue(second.contains(4));
    }
}
