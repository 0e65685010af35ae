package dev.sherd.metadata;

import java.util.Objects;

/*
 * Hash sharding: canonical key → XXH64 → bucket → shard through a BucketMap. Not key % shardCount, so that adding
 * shards later reassigns buckets instead of moving nearly every row. One instance serves a whole co-location group;
 * sharing it is what guarantees that equal keys of co-located tables land on the same shard.
 */
/** Hash sharding over a {@link BucketMap}. Immutable and thread-safe. */
final class HashSharding implements ShardingFunction {
    private final BucketMap buckets;
    private final String group;

    HashSharding(BucketMap buckets, String group) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.group = Objects.requireNonNull(group, "group");
    }

    @Override
    public int shardOf(Object keyValue) {
        return buckets.shardOf(ShardingHash.bucketOf(keyValue));
    }

    @Override
    public ShardSet shardsForRange(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        return buckets.shards(); // hashing scatters neighbouring keys: no pruning possible
    }

    @Override
    public boolean prunesRanges() {
        return false;
    }

    BucketMap bucketMap() {
        return buckets;
    }

    /** The lower-case name of the co-location group's root table. */
    String group() {
        return group;
    }

    @Override
    public String toString() {
        return "hash(group=" + group + ", " + buckets + ")";
    }
}
