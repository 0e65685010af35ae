package dev.sherd.sql;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.sql.plan.DdlPlan;
import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.Refusals;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.TransactionPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Describes what the planner does with one statement and one set of parameter values, as the
 * key/value lines of a golden case: the plan kind, the shards the route evaluates to, the SQL and
 * parameter mapping each shard receives, the merge steps, or the refusal or error. It follows the
 * driver's execution rules: a query routed to at most one shard runs its direct SQL (an empty route
 * runs on the default shard); on several shards it runs the scatter SQL and the merge steps.
 *
 * <p>It also checks two invariants for every shard SQL, reported under the key {@code invariant}:
 * the number of {@code ?} markers equals the number of parameter bindings, and every binding refers
 * to a parameter the application binds. Not thread-safe.
 */
final class PlanDescriber {

  private final Planner planner;
  private final ClusterConfig config;
  private final Map<String, List<String>> out = new LinkedHashMap<>();
  private int parameterCount;

  PlanDescriber(Planner planner) {
    this.planner = planner;
    this.config = planner.config();
  }

  Map<String, List<String>> describe(String sql, Object[] params) {
    out.clear();
    StatementPlan plan;
    try {
      plan = planner.plan(sql);
    } catch (SQLException | RuntimeException e) {
      failure(e);
      return out;
    }
    parameterCount = plan.parameterCount();
    put("param-count", String.valueOf(plan.parameterCount()));
    try {
      describe(plan, params);
    } catch (SQLException | RuntimeException e) {
      failure(e);
    }
    return out;
  }

  private void describe(StatementPlan plan, Object[] params) throws SQLException {
    if (plan instanceof QueryPlan q) {
      query(q, params);
    } else if (plan instanceof WritePlan w) {
      put("kind", "write");
      put("tables", sorted(w.tables()));
      put("broadcast", String.valueOf(w.broadcast()));
      ShardSet shards = w.route().shards(config.shardCount(), params);
      put("shards", names(shards));
      w.checkKeyChange(shards, config.shardCount(), params);
      sql("", w.statement());
    } else if (plan instanceof InsertPlan i) {
      insert(i, params);
    } else if (plan instanceof DdlPlan d) {
      put("kind", "ddl");
      put("tables", sorted(d.tables()));
      put("shards", names(d.shards()));
      sql("", ShardSql.verbatim(d.sql(), 0));
    } else if (plan instanceof PassthroughPlan p) {
      put("kind", "passthrough");
      put("shards", names(ShardSet.single(p.shard())));
      sql("", ShardSql.verbatim(p.sql(), p.parameterCount()));
    } else if (plan instanceof TransactionPlan t) {
      put("kind", "transaction");
      put("verb", t.verb());
    } else if (plan instanceof ExplainPlan e) {
      put("kind", "explain");
      put("inner-kind", e.inner().getClass().getSimpleName());
      for (String[] row : new ExplainRenderer(config).render(e, params)) {
        put("explain", oneLine(String.join(" | ", row)));
      }
    } else {
      put("kind", plan.getClass().getSimpleName());
    }
  }

  private void query(QueryPlan q, Object[] params) throws SQLException {
    put("kind", "query");
    put("tables", sorted(q.tables()));
    put("locking", String.valueOf(q.locking()));
    ShardSet shards = q.route().shards(config.shardCount(), params);
    put("shards", names(shards));
    if (shards.size() <= 1) {
      sql("", q.direct());
      put("merge", "none");
      return;
    }
    sql("", q.scatter());
    if (q.mergeSteps().isEmpty()) {
      put("merge", "concat");
    }
    for (MergeStep step : q.mergeSteps()) {
      put("merge", step.toString());
    }
  }

  private void insert(InsertPlan i, Object[] params) throws SQLException {
    put("kind", "insert");
    put("tables", sorted(i.tables()));
    put("broadcast", String.valueOf(i.broadcast()));
    if (i.fixedRoute() != null) {
      put("shards", names(i.fixedRoute().shards(config.shardCount(), params)));
      sql("", i.direct());
      return;
    }
    Map<Integer, List<Integer>> rowsByShard = new TreeMap<>();
    for (int r = 0; r < i.rowCount(); r++) {
      rowsByShard.computeIfAbsent(i.shardOfRow(r, params), k -> new ArrayList<>()).add(r);
    }
    put("shards", names(ShardSet.of(rowsByShard.keySet().stream().mapToInt(x -> x).toArray())));
    if (rowsByShard.size() == 1) {
      sql("", i.direct());
      return;
    }
    for (Map.Entry<Integer, List<Integer>> e : rowsByShard.entrySet()) {
      String shard = " " + config.shard(e.getKey()).name();
      StringJoiner rows = new StringJoiner(", ");
      e.getValue().forEach(r -> rows.add(String.valueOf(r + 1)));
      put("rows" + shard, rows.toString());
      sql(shard, i.sqlForRows(e.getValue().stream().mapToInt(x -> x).toArray()));
    }
  }

  private void sql(String shardSuffix, ShardSql s) {
    put("shard-sql" + shardSuffix, oneLine(s.sql()));
    put("shard-params" + shardSuffix, params(s.parameters()));
    int markers = SqlTokenizer.countParameters(SqlTokenizer.tokenize(s.sql()));
    if (markers != s.parameters().size()) {
      put("invariant", "shard SQL has " + markers + " ? markers but " + s.parameters().size()
          + " bindings: " + oneLine(s.sql()));
    }
    for (MergeExpr p : s.parameters()) {
      if (!refersToBoundParameters(p)) {
        put("invariant", "binding " + expr(p) + " refers to a parameter the statement does not"
            + " have (" + parameterCount + " parameters)");
      }
    }
  }

  private boolean refersToBoundParameters(MergeExpr e) {
    if (e instanceof MergeExpr.Param p) {
      return p.index() >= 0 && p.index() < parameterCount;
    }
    if (e instanceof MergeExpr.Arithmetic a) {
      return refersToBoundParameters(a.left()) && refersToBoundParameters(a.right());
    }
    return true;
  }

  private void failure(Exception e) {
    if (e instanceof SQLFeatureNotSupportedException f && Refusals.SQLSTATE.equals(f.getSQLState())) {
      put("refused", f.getMessage());
    } else {
      String state = e instanceof SQLException s ? " " + s.getSQLState() : "";
      put("error", e.getClass().getSimpleName() + state + ": " + e.getMessage());
    }
  }

  private void put(String key, String value) {
    out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private String names(ShardSet shards) {
    if (shards.isEmpty()) {
      return "none";
    }
    StringJoiner j = new StringJoiner(", ");
    for (int i : shards.toArray()) {
      j.add(config.shard(i).name());
    }
    return j.toString();
  }

  /** {@code ?1, ?3, (?3 + ?2)}: 1-based original parameter positions; "none" when empty. */
  static String params(List<MergeExpr> parameters) {
    if (parameters.isEmpty()) {
      return "none";
    }
    StringJoiner j = new StringJoiner(", ");
    parameters.forEach(p -> j.add(expr(p)));
    return j.toString();
  }

  static String expr(MergeExpr e) {
    if (e instanceof MergeExpr.Param p) {
      return "?" + (p.index() + 1);
    }
    if (e instanceof MergeExpr.Literal l) {
      return String.valueOf(l.value());
    }
    if (e instanceof MergeExpr.Arithmetic a) {
      return "(" + expr(a.left()) + " " + a.op() + " " + expr(a.right()) + ")";
    }
    return e.toString();
  }

  private static String sorted(Set<String> tables) {
    return String.join(", ", new TreeSet<>(tables));
  }

  /** Calcite starts clauses on new lines; the cases compare statements on one line. */
  static String oneLine(String sql) {
    return sql.replace("\r\n", " ").replace('\n', ' ');
  }
}
