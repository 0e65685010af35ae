package dev.sherd.metadata;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/*
 * Range sharding over contiguous half-open ranges [from, to) that together cover every value: range 0 has no lower
 * bound, the last no upper bound, and range i starts where range i-1 ends. So the ranges are fully described by the
 * n-1 inner boundaries, and finding a key's range is a binary search. The loader guarantees the ranges are
 * contiguous and ascending; a shard may own several ranges.
 *
 * Interval pruning assumes a dense domain: for an exclusive lower bound x the range holding x still overlaps
 * (x, ...), since that range holds values just above x. For integers this can include one shard too many, never
 * one too few.
 */
/** Range sharding. Immutable and thread-safe. */
final class RangeSharding implements ShardingFunction {
    private final String table;
    private final KeyDomain domain;
    /** boundaries[i] is where range i+1 starts (and range i ends); ascending. */
    private final Object[] boundaries;
    /** shards[i] owns range i; one more entry than boundaries. */
    private final int[] shards;

    RangeSharding(String table, KeyDomain domain, List<Object> boundaries, int[] shards) {
        this.table = Objects.requireNonNull(table, "table");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.boundaries = boundaries.toArray();
        this.shards = shards.clone();
        if (this.shards.length != this.boundaries.length + 1) {
            throw new IllegalArgumentException(shards.length + " ranges need " + (shards.length - 1) + " boundaries");
        }
        for (int i = 1; i < this.boundaries.length; i++) {
            if (domain.compare(this.boundaries[i - 1], this.boundaries[i]) >= 0) {
                throw new IllegalArgumentException("range boundaries of " + table + " are not ascending");
            }
        }
    }

    @Override
    public int shardOf(Object keyValue) {
        if (boundaries.length == 0) { // one range covering everything: any non-null key of any type
            if (keyValue == null) {
                throw new IllegalArgumentException("NULL sharding key");
            }
            return shards[0];
        }
        return shards[rangeAtOrBelow(domain.fromKey(keyValue, table))];
    }

    @Override
    public ShardSet shardsForRange(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        if (boundaries.length == 0) {
            return ShardSet.single(shards[0]);
        }
        Object lo = lower == null ? null : domain.fromKey(lower, table);
        Object hi = upper == null ? null : domain.fromKey(upper, table);
        if (lo != null && hi != null) {
            int c = domain.compare(lo, hi);
            if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive))) {
                return ShardSet.none();
            }
        }
        int first = lo == null ? 0 : rangeAtOrBelow(lo);
        // An exclusive upper bound equal to a boundary stops short of the range starting there.
        int last = hi == null ? shards.length - 1 : upperInclusive ? rangeAtOrBelow(hi) : rangeBelow(hi);
        long mask = 0L;
        for (int r = first; r <= last; r++) {
            mask |= 1L << shards[r];
        }
        return ShardSet.ofMask(mask);
    }

    @Override
    public boolean prunesRanges() {
        return true;
    }

    KeyDomain domain() {
        return domain;
    }

    /** "[,2024-03-01)→0 [2024-03-01,)→1": the canonical description used in toString and the fingerprint. */
    String describeRanges() {
        StringJoiner j = new StringJoiner(" ");
        for (int r = 0; r < shards.length; r++) {
            String from = r == 0 ? "" : domain.format(boundaries[r - 1]);
            String to = r == boundaries.length ? "" : domain.format(boundaries[r]);
            j.add("[" + from + "," + to + ")->" + shards[r]);
        }
        return j.toString();
    }

    @Override
    public String toString() {
        return "range(" + domain.label() + ": " + describeRanges() + ")";
    }

    /** The range holding v: the number of boundaries ≤ v. */
    private int rangeAtOrBelow(Object v) {
        int lo = 0;
        int hi = boundaries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (domain.compare(boundaries[mid], v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The last range holding values below v: the number of boundaries < v. */
    private int rangeBelow(Object v) {
        int lo = 0;
        int hi = boundaries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (domain.compare(boundaries[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
