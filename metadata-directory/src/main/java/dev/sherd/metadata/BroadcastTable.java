package dev.sherd.metadata;

import java.util.Objects;

/**
 * A table with a full copy on every shard ({@code broadcast: true}): reads can go to any one shard, writes go to
 * all of them.
 *
 * <p>Immutable and thread-safe.
 */
public final class BroadcastTable implements TableRule {
    private final String name;
    private final String declaredName;

    BroadcastTable(String declaredName) {
        this.declaredName = Objects.requireNonNull(declaredName, "declaredName");
        this.name = Names.lower(declaredName);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String declaredName() {
        return declaredName;
    }

    @Override
    public String toString() {
        return "BroadcastTable[" + name + "]";
    }
}
