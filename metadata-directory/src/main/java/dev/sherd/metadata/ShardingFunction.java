package dev.sherd.metadata;

/**
 * Maps sharding key values of one table (or co-location group) to shards. Implementations must be thread-safe;
 * the ones this module builds are immutable.
 *
 * <p>Key values may be Integer, Long, Short, Byte, BigInteger, BigDecimal, Double, Float, String,
 * {@code java.sql.Date}/{@code Timestamp}, LocalDate, LocalDateTime, OffsetDateTime, UUID or Boolean. Values that
 * are equal as SQL values map to the same shard whatever their Java type (Integer 7, "7" and 7.00 included).
 */
public interface ShardingFunction {

    /**
     * The shard holding rows whose sharding key equals {@code keyValue}.
     *
     * @throws IllegalArgumentException if {@code keyValue} is null (message "NULL sharding key"), of an unsupported
     *     type, or not comparable with a range table's bounds
     */
    int shardOf(Object keyValue);

    /**
     * Every shard that may hold a key in the interval between {@code lower} and {@code upper}; a null bound means
     * unbounded on that side. Hash functions return every shard they map to; range functions return only the shards
     * whose ranges overlap the interval, and {@link ShardSet#none()} for an empty interval (e.g. {@code k > 5 AND k < 5}):
     * no shard can hold a matching row. The result may be a superset (never a subset) of the shards holding matches.
     *
     * @throws IllegalArgumentException if a bound is not comparable with a range table's bounds
     */
    ShardSet shardsForRange(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive);

    /** Whether {@link #shardsForRange} can narrow the shards: false for hash, true for range. */
    boolean prunesRanges();
}
