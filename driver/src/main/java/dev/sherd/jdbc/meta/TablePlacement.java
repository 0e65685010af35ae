package dev.sherd.jdbc.meta;

import dev.sherd.metadata.BroadcastTable;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardedTable;
import dev.sherd.metadata.TableRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where one logical table's rows live, as the cluster config says: the row of {@code SHOW
 * SHARDING} and the note appended to its {@code REMARKS} in {@code getTables}. Immutable and
 * thread-safe.
 *
 * @param kind          {@code hash}, {@code range}, {@code broadcast} or {@code unlisted}
 * @param shardingKey   the sharding key as spelled in the config; null unless hash or range
 * @param colocatedWith the other tables of its co-location group, in config order
 * @param shards        names of the shards holding rows (or a copy) of the table
 */
record TablePlacement(String kind, String shardingKey, List<String> colocatedWith,
    List<String> shards) {

  static final String HASH = "hash";
  static final String RANGE = "range";
  static final String BROADCAST = "broadcast";
  static final String UNLISTED = "unlisted";

  /** The placement of the table named {@code table} (looked up as the config does: any case). */
  static TablePlacement of(ClusterConfig config, String table) {
    Optional<TableRule> rule = config.tableRule(table);
    return rule.isEmpty() ? unlisted(config) : of(config, rule.get());
  }

  /** A table (or view) that lives whole on the default shard. */
  static TablePlacement unlisted(ClusterConfig config) {
    return new TablePlacement(UNLISTED, null, List.of(),
        List.of(config.shard(config.defaultShard()).name()));
  }

  static TablePlacement of(ClusterConfig config, TableRule rule) {
    if (rule instanceof BroadcastTable) {
      return new TablePlacement(BROADCAST, null, List.of(), names(config,
          config.allShards().toArray()));
    }
    ShardedTable t = (ShardedTable) rule;
    List<String> group = new ArrayList<>();
    for (TableRule other : config.tableRules()) {
      if (other != t && other instanceof ShardedTable s && t.isColocatedWith(s)) {
        group.add(s.declaredName());
      }
    }
    int[] shards = t.function().shardsForRange(null, true, null, true).toArray();
    return new TablePlacement(t.function().prunesRanges() ? RANGE : HASH,
        t.declaredShardingKey(), List.copyOf(group), names(config, shards));
  }

  private static List<String> names(ClusterConfig config, int[] shards) {
    List<String> names = new ArrayList<>(shards.length);
    for (int s : shards) {
      names.add(config.shard(s).name());
    }
    return List.copyOf(names);
  }

  boolean sharded() {
    return HASH.equals(kind) || RANGE.equals(kind);
  }

  /**
   * The human-readable note: {@code sharded by hash(id) over 4 shards [s0,s1,s2,s3]; colocated
   * with customers}, {@code broadcast to 4 shards}, {@code on default shard s0}.
   */
  String note() {
    switch (kind) {
      case BROADCAST:
        return "broadcast to " + count() + " [" + String.join(",", shards) + "]";
      case UNLISTED:
        return "on default shard " + shards.get(0);
      default:
        String note = "sharded by " + kind + "(" + shardingKey + ") over " + count() + " ["
            + String.join(",", shards) + "]";
        return colocatedWith.isEmpty() ? note
            : note + "; colocated with " + String.join(", ", colocatedWith);
    }
  }

  private String count() {
    return shards.size() == 1 ? "1 shard" : shards.size() + " shards";
  }

  /** The database's own remark (kept) followed by the placement note. */
  static String remarks(String databaseRemark, String note) {
    return databaseRemark == null || databaseRemark.isBlank() ? note
        : databaseRemark + " — " + note;
  }
}
