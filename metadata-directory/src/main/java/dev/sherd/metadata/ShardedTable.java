package dev.sherd.metadata;

import java.util.Objects;

/**
 * A table split across shards by the value of one column, its sharding key.
 *
 * <p>Tables declared {@code colocated-with} another hash table form a co-location group named after the root of the
 * chain; the whole group shares one {@link ShardingFunction} instance, so rows with equal keys land on the same
 * shard and joins on the key can run shard-locally.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShardedTable implements TableRule {
    private final String declaredName;
    private final String name;
    private final String declaredShardingKey;
    private final String shardingKey;
    private final ShardingFunction function;
    private final String colocationGroup;

    ShardedTable(String declaredName, String declaredShardingKey, ShardingFunction function, String colocationGroup) {
        this.declaredName = Objects.requireNonNull(declaredName, "declaredName");
        this.name = Names.lower(declaredName);
        this.declaredShardingKey = Objects.requireNonNull(declaredShardingKey, "declaredShardingKey");
        this.shardingKey = Names.lower(declaredShardingKey);
        this.function = Objects.requireNonNull(function, "function");
        this.colocationGroup = Names.lower(colocationGroup);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String declaredName() {
        return declaredName;
    }

    /** The sharding key column in lower case. */
    public String shardingKey() {
        return shardingKey;
    }

    /** The sharding key column as spelled in the configuration. */
    public String declaredShardingKey() {
        return declaredShardingKey;
    }

    public ShardingFunction function() {
        return function;
    }

    /** The lower-case name of the root table of this table's {@code colocated-with} chain; its own name if none. */
    public String colocationGroup() {
        return colocationGroup;
    }

    /**
     * Whether rows of this table and {@code other} with equal sharding keys always live on the same shard: same
     * co-location group and the same sharding function. True for a table and itself.
     */
    public boolean isColocatedWith(ShardedTable other) {
        return other != null && colocationGroup.equals(other.colocationGroup) && function == other.function;
    }

    @Override
    public String toString() {
        return "ShardedTable[" + name + " by " + shardingKey + ", " + function + "]";
    }
}
