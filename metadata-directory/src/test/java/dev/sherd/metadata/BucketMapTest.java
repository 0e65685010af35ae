package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BucketMapTest {

    @Test
    void evenlyOver_fourShards_givesContiguousQuarters() {
        BucketMap map = BucketMap.evenlyOver(4);
        for (int b = 0; b < BucketMap.BUCKETS; b++) {
            assertEquals(b / 256, map.shardOf(b), "bucket " + b);
        }
        assertEquals(ShardSet.all(4), map.shards());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 10, 63, 64})
    void evenlyOver_anyCount_blocksAreContiguousAndBalanced(int shards) {
        BucketMap map = BucketMap.evenlyOver(shards);
        int[] sizes = new int[shards];
        int previous = 0;
        for (int b = 0; b < BucketMap.BUCKETS; b++) {
            int s = map.shardOf(b);
            assertTrue(s == previous || s == previous + 1, "contiguous at bucket " + b);
            previous = s;
            sizes[s]++;
        }
        int min = Arrays.stream(sizes).min().orElseThrow();
        int max = Arrays.stream(sizes).max().orElseThrow();
        assertTrue(max - min <= 1, "sizes " + Arrays.toString(sizes));
        assertEquals(ShardSet.all(shards), map.shards());
    }

    @Test
    void evenlyOver_invalidCount_throws() {
        assertThrows(IllegalArgumentException.class, () -> BucketMap.evenlyOver(0));
        assertThrows(IllegalArgumentException.class, () -> BucketMap.evenlyOver(65));
    }

    @Test
    void shardOf_bucketOutOfRange_throws() {
        BucketMap map = BucketMap.evenlyOver(2);
        assertThrows(IndexOutOfBoundsException.class, () -> map.shardOf(BucketMap.BUCKETS));
        assertThrows(IndexOutOfBoundsException.class, () -> map.shardOf(-1));
    }

    @Test
    void of_explicitAssignment_isCopiedAndValidated() {
        int[] assignment = new int[BucketMap.BUCKETS];
        Arrays.fill(assignment, 5);
        BucketMap map = BucketMap.of(assignment);
        assignment[0] = 1;
        assertEquals(5, map.shardOf(0));
        assertEquals(ShardSet.single(5), map.shards());
        assertThrows(IllegalArgumentException.class, () -> BucketMap.of(new int[10]));
        int[] bad = new int[BucketMap.BUCKETS];
        bad[3] = 64;
        assertThrows(IllegalArgumentException.class, () -> BucketMap.of(bad));
    }

    @Test
    void equals_sameAssignment_isEqual() {
        assertEquals(BucketMap.evenlyOver(3), BucketMap.evenlyOver(3));
        assertEquals(BucketMap.evenlyOver(3).hashCode(), BucketMap.evenlyOver(3).hashCode());
    }
}
