package dev.sherd.metadata;

import java.util.Arrays;
import java.util.Objects;

/**
 * Maps each of {@value #BUCKETS} hash buckets to a shard. Hash sharding goes key → 64-bit hash → bucket →
 * shard, so moving data later means reassigning buckets rather than rehashing every key.
 *
 * <p>Guarantees: every bucket maps to exactly one shard in 0..63; the map never changes after construction.
 * Co-located tables share one instance, which is what makes equal keys land on the same shard.
 *
 * <p>Immutable and thread-safe.
 */
public final class BucketMap {
    /** The number of hash buckets. Part of the on-disk data layout: changing it moves rows. */
    public static final int BUCKETS = 1024;

    private final byte[] shardOfBucket;
    private final ShardSet shards;

    private BucketMap(byte[] shardOfBucket) {
        this.shardOfBucket = shardOfBucket;
        long mask = 0L;
        for (byte s : shardOfBucket) {
            mask |= 1L << s;
        }
        this.shards = ShardSet.ofMask(mask);
    }

    /**
     * Splits the buckets into {@code shardCount} contiguous blocks whose sizes differ by at most one: bucket
     * {@code b} goes to shard {@code b * shardCount / BUCKETS}.
     *
     * @throws IllegalArgumentException if {@code shardCount} is not in 1..64
     */
    public static BucketMap evenlyOver(int shardCount) {
        if (shardCount < 1 || shardCount > ShardSet.MAX_SHARDS) {
            throw new IllegalArgumentException("shard count " + shardCount + " is not in 1.." + ShardSet.MAX_SHARDS);
        }
        byte[] map = new byte[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            map[b] = (byte) (b * shardCount / BUCKETS);
        }
        return new BucketMap(map);
    }

    /**
     * A map with an explicit assignment: {@code shardOfBucket[b]} is the shard of bucket {@code b}. The array is
     * copied.
     *
     * @throws IllegalArgumentException if the array does not have {@value #BUCKETS} entries or an entry is not in 0..63
     */
    public static BucketMap of(int[] shardOfBucket) {
        Objects.requireNonNull(shardOfBucket, "shardOfBucket");
        if (shardOfBucket.length != BUCKETS) {
            throw new IllegalArgumentException("a bucket map needs " + BUCKETS + " entries, got " + shardOfBucket.length);
        }
        byte[] map = new byte[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            int s = shardOfBucket[b];
            if (s < 0 || s >= ShardSet.MAX_SHARDS) {
                throw new IllegalArgumentException("bucket " + b + " maps to shard " + s + ", not in 0.." + (ShardSet.MAX_SHARDS - 1));
            }
            map[b] = (byte) s;
        }
        return new BucketMap(map);
    }

    /** The shard of {@code bucket}. @throws IndexOutOfBoundsException if the bucket is not in 0..1023 */
    public int shardOf(int bucket) {
        return shardOfBucket[Objects.checkIndex(bucket, BUCKETS)];
    }

    /** Every shard that at least one bucket maps to. */
    public ShardSet shards() {
        return shards;
    }

    /** Exact run-length description, "0-255:0 256-511:1 ...", for the config fingerprint. */
    String runs() {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (int b = 1; b <= BUCKETS; b++) {
            if (b == BUCKETS || shardOfBucket[b] != shardOfBucket[start]) {
                sb.append(start).append('-').append(b - 1).append(':').append(shardOfBucket[start]).append(' ');
                start = b;
            }
        }
        return sb.toString().trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketMap other && Arrays.equals(other.shardOfBucket, shardOfBucket);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shardOfBucket);
    }

    @Override
    public String toString() {
        return "BucketMap[" + BUCKETS + " buckets over " + shards + "]";
    }
}
