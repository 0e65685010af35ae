package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardedTable;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An INSERT. Into a sharded table each VALUES row goes to the shard of its sharding-key value (a
 * literal or a parameter); rows for different shards are split into one INSERT per shard. Into a
 * broadcast table the statement goes to every shard and reports one copy's count; into an unlisted
 * table to the default shard ({@link #fixedRoute()}).
 */
public final class InsertPlan implements StatementPlan {

  private final String sql;
  private final int parameterCount;
  private final String table;
  private final RouteSpec fixedRoute;
  private final boolean broadcast;
  private final ShardedTable target;
  private final List<MergeExpr> rowKeys;
  private final Function<int[], ShardSql> rowSubset;
  private final ShardSql direct;

  private InsertPlan(String sql, int parameterCount, String table, RouteSpec fixedRoute,
      boolean broadcast, ShardedTable target, List<MergeExpr> rowKeys,
      Function<int[], ShardSql> rowSubset) {
    this.sql = sql;
    this.parameterCount = parameterCount;
    this.table = table;
    this.fixedRoute = fixedRoute;
    this.broadcast = broadcast;
    this.target = target;
    this.rowKeys = rowKeys == null ? List.of() : List.copyOf(rowKeys);
    this.rowSubset = rowSubset;
    this.direct = ShardSql.verbatim(sql, parameterCount);
  }

  /** An INSERT whose shards do not depend on its rows (broadcast, unlisted table). */
  public static InsertPlan fixed(String sql, int parameterCount, String table, RouteSpec route,
      boolean broadcast) {
    return new InsertPlan(sql, parameterCount, table, route, broadcast, null, null, null);
  }

  /**
   * An INSERT into a sharded table.
   *
   * @param rowKeys   each VALUES row's sharding-key value
   * @param rowSubset renders the INSERT restricted to the given rows (0-based, ascending)
   */
  public static InsertPlan sharded(String sql, int parameterCount, ShardedTable target,
      List<MergeExpr> rowKeys, Function<int[], ShardSql> rowSubset) {
    return new InsertPlan(sql, parameterCount, target.name(), null, false, target, rowKeys,
        rowSubset);
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  /** The written table (lower case when configured, as written otherwise). */
  public String table() {
    return table;
  }

  public Set<String> tables() {
    return Set.of(table);
  }

  /** Non-null when the target shards do not depend on the rows. */
  public RouteSpec fixedRoute() {
    return fixedRoute;
  }

  public boolean broadcast() {
    return broadcast;
  }

  public ShardedTable target() {
    return target;
  }

  public int rowCount() {
    return rowKeys.size();
  }

  /** The shard that row {@code row} belongs to. */
  public int shardOfRow(int row, Object[] params) throws SQLException {
    MergeExpr key = rowKeys.get(row);
    Object v = key instanceof MergeExpr.Literal l ? l.value()
        : params[((MergeExpr.Param) key).index()];
    if (v == null) {
      throw new SQLIntegrityConstraintViolationException("INSERT into " + target.name()
          + ": row " + (row + 1) + " has a NULL sharding key " + target.shardingKey()
          + ", which no shard can hold", "23502");
    }
    try {
      return target.function().shardOf(v);
    } catch (IllegalArgumentException e) {
      throw new java.sql.SQLDataException("INSERT into " + target.name() + ": row " + (row + 1)
          + " has sharding key " + target.shardingKey() + " = " + v + ", which cannot be routed: "
          + e.getMessage(), "22018", e);
    }
  }

  /** The INSERT restricted to {@code rows}, for one shard. */
  public ShardSql sqlForRows(int[] rows) {
    return rowSubset.apply(rows);
  }

  /** The statement as written (all rows). */
  public ShardSql direct() {
    return direct;
  }
}
