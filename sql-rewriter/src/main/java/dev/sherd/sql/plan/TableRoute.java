package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardedTable;

/**
 * One reference to a sharded table in a statement (an alias in FROM, a subquery's table, a write's
 * target) and what the statement's predicates say about its sharding key. Immutable.
 */
public record TableRoute(ShardedTable table, String alias, KeyPredicate predicate) {

  ShardSet shards(int shardCount, Object[] params) {
    return predicate.shards(table.function(), shardCount, params);
  }

  @Override
  public String toString() {
    boolean aliased = alias != null && !alias.equalsIgnoreCase(table.name());
    return table.name() + (aliased ? " " + alias : "") + "." + table.shardingKey() + ": "
        + predicate;
  }
}
