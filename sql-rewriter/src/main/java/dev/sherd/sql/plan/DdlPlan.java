package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import java.util.Set;

/**
 * DDL, forwarded verbatim (Calcite parses almost none of it): to every shard for sharded and
 * broadcast tables, to the default shard otherwise.
 */
public record DdlPlan(String sql, ShardSet shards, Set<String> tables) implements StatementPlan {

  public DdlPlan {
    tables = Set.copyOf(tables);
  }

  @Override
  public int parameterCount() {
    return 0;
  }
}
