package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import java.util.Set;

/**
 * DDL, forwarded verbatim (Calcite parses almost none of it): to every shard for sharded and
 * broadcast tables, to the default shard otherwise.
 *
 * @param onlyDefaultMustSucceed for a statement that names no table ({@code DROP INDEX i}): it runs
 *                               on the default shard, which holds every table, then on the others,
 *                               where "no such object" means the object belonged to an unlisted table
 */
public record DdlPlan(String sql, ShardSet shards, Set<String> tables,
    boolean onlyDefaultMustSucceed) implements StatementPlan {

  public DdlPlan {
    tables = Set.copyOf(tables);
  }

  public DdlPlan(String sql, ShardSet shards, Set<String> tables) {
    this(sql, shards, tables, false);
  }

  @Override
  public int parameterCount() {
    return 0;
  }
}
