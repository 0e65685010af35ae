package dev.sherd.metadata;

import java.util.StringJoiner;

/**
 * An immutable set of shard indexes 0..63, held as a {@code long} bitmask (bit {@code i} set means shard
 * {@code i} is in the set). A cluster has at most {@value #MAX_SHARDS} shards, so the mask is enough and set
 * algebra on the routing path allocates one small object at most.
 *
 * <p>Immutable and thread-safe. Equal sets are {@code equals} and have equal hash codes.
 */
public final class ShardSet {
    /** The largest number of shards a cluster may have. */
    public static final int MAX_SHARDS = 64;

    private static final ShardSet NONE = new ShardSet(0L);

    private final long mask;

    private ShardSet(long mask) {
        this.mask = mask;
    }

    /** The empty set. */
    public static ShardSet none() {
        return NONE;
    }

    /** The set holding only shard {@code i}. @throws IllegalArgumentException if {@code i} is not in 0..63 */
    public static ShardSet single(int i) {
        return new ShardSet(bit(i));
    }

    /** Shards {@code 0..count-1}. @throws IllegalArgumentException if {@code count} is not in 0..64 */
    public static ShardSet all(int count) {
        if (count < 0 || count > MAX_SHARDS) {
            throw new IllegalArgumentException("shard count " + count + " is not in 0.." + MAX_SHARDS);
        }
        return count == MAX_SHARDS ? new ShardSet(-1L) : ofMask((1L << count) - 1);
    }

    /** The set of the given indexes (duplicates allowed). @throws IllegalArgumentException for an index outside 0..63 */
    public static ShardSet of(int... indexes) {
        long m = 0L;
        for (int i : indexes) {
            m |= bit(i);
        }
        return ofMask(m);
    }

    /** The set whose bit {@code i} is set in {@code mask}. */
    public static ShardSet ofMask(long mask) {
        return mask == 0L ? NONE : new ShardSet(mask);
    }

    public ShardSet union(ShardSet other) {
        long m = mask | other.mask;
        return m == mask ? this : ofMask(m);
    }

    public ShardSet intersect(ShardSet other) {
        long m = mask & other.mask;
        return m == mask ? this : ofMask(m);
    }

    /** Whether shard {@code i} is in the set; false for any index outside 0..63. */
    public boolean contains(int i) {
        return i >= 0 && i < MAX_SHARDS && (mask & (1L << i)) != 0;
    }

    public int size() {
        return Long.bitCount(mask);
    }

    public boolean isEmpty() {
        return mask == 0L;
    }

    /** The lowest index in the set, or -1 if the set is empty. */
    public int first() {
        return mask == 0L ? -1 : Long.numberOfTrailingZeros(mask);
    }

    /** The indexes in ascending order; a new array on each call. */
    public int[] toArray() {
        int[] out = new int[size()];
        long m = mask;
        for (int k = 0; m != 0; k++) {
            out[k] = Long.numberOfTrailingZeros(m);
            m &= m - 1;
        }
        return out;
    }

    /** The bitmask: bit {@code i} is set when shard {@code i} is in the set. */
    public long mask() {
        return mask;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardSet other && other.mask == mask;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mask);
    }

    /** For example {@code ShardSet[0, 2]}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "ShardSet[", "]");
        for (int i : toArray()) {
            j.add(Integer.toString(i));
        }
        return j.toString();
    }

    private static long bit(int i) {
        if (i < 0 || i >= MAX_SHARDS) {
            throw new IllegalArgumentException("shard index " + i + " is not in 0.." + (MAX_SHARDS - 1));
        }
        return 1L << i;
    }
}
