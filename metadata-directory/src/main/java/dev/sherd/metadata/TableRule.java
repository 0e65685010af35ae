package dev.sherd.metadata;

/**
 * How one logical table is placed on the shards: split by a sharding key ({@link ShardedTable}) or copied whole to
 * every shard ({@link BroadcastTable}). Tables without a rule live whole on the default shard.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface TableRule permits ShardedTable, BroadcastTable {

    /** The table name in lower case, as used for lookups. */
    String name();

    /** The table name as spelled in the configuration. */
    String declaredName();
}
