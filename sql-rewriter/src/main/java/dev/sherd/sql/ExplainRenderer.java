package dev.sherd.sql;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.sql.plan.DdlPlan;
import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.MergeDescriptions;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.RouteSpec;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.TransactionPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Describes a plan as rows of (STEP, SHARDS, DETAIL) for {@code EXPLAIN}: the route and why, the
 * SQL each shard receives, and the merge steps — without executing anything. With parameter
 * values the route is evaluated; without them a parameter-dependent route is shown as its rule.
 * Stateless.
 */
public final class ExplainRenderer {

  /** Column labels of EXPLAIN's result. */
  public static final List<String> COLUMNS = List.of("STEP", "SHARDS", "DETAIL");

  private final ClusterConfig config;

  public ExplainRenderer(ClusterConfig config) {
    this.config = config;
  }

  /**
   * @param params the bound parameter values, or null when none are bound
   */
  public List<String[]> render(StatementPlan plan, Object[] params) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    StatementPlan p = plan instanceof ExplainPlan e ? e.inner() : plan;
    if (p instanceof QueryPlan q) {
      query(q, params, rows);
    } else if (p instanceof WritePlan w) {
      ShardSet shards = route(w.route(), params, w.parameterCount(), rows);
      if (shards != null) {
        w.checkKeyChange(shards, config.shardCount(), params);
      }
      sql(rows, shards, w.statement());
      rows.add(row("merge", "", w.broadcast() ? "update count of one copy (broadcast table)"
          : "sum of update counts"));
    } else if (p instanceof InsertPlan i) {
      insert(i, params, rows);
    } else if (p instanceof DdlPlan d) {
      rows.add(row("route", names(d.shards()), d.shards().size() > 1
          ? "DDL on a sharded or broadcast table: every shard" : "DDL: default shard"));
      sql(rows, d.shards(), ShardSql.verbatim(d.sql(), 0));
    } else if (p instanceof PassthroughPlan pt) {
      ShardSet s = ShardSet.single(pt.shard());
      rows.add(row("route", names(s), "names no configured table: default shard"));
      sql(rows, s, ShardSql.verbatim(pt.sql(), pt.parameterCount()));
    } else if (p instanceof TransactionPlan t) {
      rows.add(row("transaction", "", t.verb() + " on the logical connection"));
    }
    return rows;
  }

  private void query(QueryPlan q, Object[] params, List<String[]> rows) throws SQLException {
    ShardSet shards = route(q.route(), params, q.parameterCount(), rows);
    if (shards != null && shards.size() <= 1) {
      ShardSet target = shards.isEmpty() ? ShardSet.single(config.defaultShard()) : shards;
      if (shards.isEmpty()) {
        rows.add(row("note", names(target), "no shard can hold a matching row; one shard answers"
            + " for the result's columns"));
      }
      sql(rows, target, q.direct());
      rows.add(row("merge", "", "none: single shard, rows streamed as they come"));
      return;
    }
    if (q.scatterRefusal() != null) {
      rows.add(row("single shard only", "", q.scatterRefusal()));
      sql(rows, shards, q.direct());
      return;
    }
    ShardSql scatter;
    try {
      scatter = q.scatter();
    } catch (SQLFeatureNotSupportedException e) {
      rows.add(row("refused", "", e.getMessage()));
      return;
    }
    sql(rows, shards, scatter);
    if (q.mergeSteps().isEmpty()) {
      rows.add(row("merge", "", "concatenate the shards' rows"));
    }
    for (MergeStep step : q.mergeSteps()) {
      rows.add(row("merge", "", MergeDescriptions.describe(step)));
    }
  }

  private void insert(InsertPlan i, Object[] params, List<String[]> rows) throws SQLException {
    if (i.fixedRoute() != null) {
      ShardSet shards = route(i.fixedRoute(), params, i.parameterCount(), rows);
      sql(rows, shards, i.direct());
      rows.add(row("merge", "", i.broadcast() ? "update count of one copy (broadcast table)"
          : "update count"));
      return;
    }
    if (params == null && i.parameterCount() > 0) {
      rows.add(row("route", "per row", "each row to the shard of its " + i.target().shardingKey()
          + " value (bind parameters to see the shards)"));
      return;
    }
    Map<Integer, List<Integer>> byShard = new TreeMap<>();
    for (int r = 0; r < i.rowCount(); r++) {
      byShard.computeIfAbsent(i.shardOfRow(r, params), k -> new ArrayList<>()).add(r);
    }
    rows.add(row("route", names(ShardSet.of(byShard.keySet().stream().mapToInt(x -> x).toArray())),
        "rows routed by " + i.target().name() + "." + i.target().shardingKey()));
    for (Map.Entry<Integer, List<Integer>> e : byShard.entrySet()) {
      ShardSql s = byShard.size() == 1 ? i.direct()
          : i.sqlForRows(e.getValue().stream().mapToInt(x -> x).toArray());
      rows.add(row("shard sql", config.shard(e.getKey()).name(), s.sql()));
    }
    rows.add(row("merge", "", "sum of update counts"));
  }

  /** Adds the route row; returns the shards, or null when they depend on unbound parameters. */
  private ShardSet route(RouteSpec route, Object[] params, int parameterCount, List<String[]> rows)
      throws SQLException {
    if (params == null && parameterCount > 0 && !route.isFixed()) {
      rows.add(row("route", "depends on parameters", route.toString()));
      return null;
    }
    ShardSet shards = route.shards(config.shardCount(), params);
    String why = route.isFixed() ? route.toString()
        : shards.size() == config.shardCount() ? "scatter: " + route : "pruned: " + route;
    rows.add(row("route", shards.isEmpty() ? "none" : names(shards), why));
    return shards;
  }

  private void sql(List<String[]> rows, ShardSet shards, ShardSql sql) {
    String target = shards == null ? "each routed shard" : names(shards);
    rows.add(row("shard sql", target, sql.sql()));
  }

  private String names(ShardSet shards) {
    StringBuilder sb = new StringBuilder();
    for (int i : shards.toArray()) {
      sb.append(sb.length() == 0 ? "" : ",").append(config.shard(i).name());
    }
    return sb.toString();
  }

  private static String[] row(String step, String shards, String detail) {
    return new String[] {step, shards, detail};
  }
}
