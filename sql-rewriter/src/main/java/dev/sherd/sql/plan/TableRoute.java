package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardedTable;
import java.sql.SQLDataException;

/**
 * One reference to a sharded table in a statement (an alias in FROM, a subquery's table, a write's
 * target) and what the statement's predicates say about its sharding key.
 *
 * @param restricts true when the predicate restricts the statement's own rows (the outermost FROM,
 *                  a write's target); false for a subquery's or derived table's table, whose
 *                  predicate says which rows the subquery reads but not which rows the statement
 *                  returns (think NOT EXISTS)
 */
public record TableRoute(ShardedTable table, String alias, KeyPredicate predicate,
    boolean restricts) {

  ShardSet shards(int shardCount, Object[] params) throws SQLDataException {
    try {
      return predicate.shards(table.function(), shardCount, params);
    } catch (IllegalArgumentException e) {
      throw new SQLDataException("cannot route " + table.name() + "." + table.shardingKey() + " "
          + predicate + ": " + e.getMessage(), "22018", e);
    }
  }

  @Override
  public String toString() {
    boolean aliased = alias != null && !alias.equalsIgnoreCase(table.name());
    return table.name() + (aliased ? " " + alias : "") + "." + table.shardingKey() + ": "
        + predicate;
  }
}
