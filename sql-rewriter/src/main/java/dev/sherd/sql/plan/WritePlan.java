package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardedTable;
import java.sql.SQLException;
import java.util.Set;

/**
 * An UPDATE or DELETE (or a vendor write Calcite cannot parse, on an unlisted table): routed by its
 * condition, sent as written to every shard of the route, update counts summed — except for a
 * broadcast table, whose copies all change the same rows: its count is one copy's count.
 */
public final class WritePlan implements StatementPlan {

  /** An UPDATE that assigns the sharding key: allowed only if the row stays on its shard. */
  public record KeyChange(ShardedTable table, MergeExpr newValue) {}

  private final String sql;
  private final int parameterCount;
  private final RouteSpec route;
  private final ShardSql statement;
  private final boolean broadcast;
  private final Set<String> tables;
  private final KeyChange keyChange;

  public WritePlan(String sql, int parameterCount, RouteSpec route, ShardSql statement,
      boolean broadcast, Set<String> tables, KeyChange keyChange) {
    this.sql = sql;
    this.parameterCount = parameterCount;
    this.route = route;
    this.statement = statement;
    this.broadcast = broadcast;
    this.tables = Set.copyOf(tables);
    this.keyChange = keyChange;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  public RouteSpec route() {
    return route;
  }

  public ShardSql statement() {
    return statement;
  }

  /** True when every shard holds the same rows: report one shard's update count. */
  public boolean broadcast() {
    return broadcast;
  }

  /** Tables the statement writes (lower case). */
  public Set<String> tables() {
    return tables;
  }

  /**
   * Checks that an UPDATE of the sharding key leaves every row on its shard.
   *
   * @throws java.sql.SQLFeatureNotSupportedException if a row could move to another shard
   */
  public void checkKeyChange(ShardSet route, int shardCount, Object[] params) throws SQLException {
    if (keyChange == null || route.isEmpty()) {
      return;
    }
    Object v = keyChange.newValue() instanceof MergeExpr.Literal l ? l.value()
        : params[((MergeExpr.Param) keyChange.newValue()).index()];
    if (v == null) {
      throw new java.sql.SQLIntegrityConstraintViolationException("UPDATE of " + keyChange.table().name()
          + " sets sharding key " + keyChange.table().shardingKey() + " to NULL", "23502");
    }
    int target;
    try {
      target = keyChange.table().function().shardOf(v);
    } catch (IllegalArgumentException e) {
      throw new java.sql.SQLDataException("UPDATE of " + keyChange.table().name() + ": "
          + keyChange.table().shardingKey() + " = " + v + " cannot be routed: " + e.getMessage(),
          "22018", e);
    }
    if (route.size() != 1 || route.first() != target) {
      throw Refusals.unsupported("UPDATE of sharding key " + keyChange.table().name() + "."
          + keyChange.table().shardingKey() + " would move rows to another shard; delete and"
          + " re-insert them instead");
    }
  }
}
