package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.merge.MergeDialect;
import dev.sherd.jdbc.merge.MergePipeline;
import dev.sherd.jdbc.merge.StringCollation;
import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.jdbc.result.ShardCursor;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.sql.plan.AggregateCall;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.Refusals;
import dev.sherd.sql.plan.ShardSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Runs a SELECT plan. One shard: the application's own SQL on one connection, its result set
 * passed through ({@link DirectResultSet}) — no merge objects, no copies. Several shards: the per-shard SQL on every shard in
 * parallel, then the plan's merge steps over the shard cursors. Every connection leased for a result
 * is released when the result set closes (or at once when execution fails). Stateless.
 */
final class QueryRunner {

  private QueryRunner() {}

  static ResultSet run(ShardSession session, QueryPlan plan, Parameters params,
      StatementOptions options, Statement owner) throws SQLException {
    ClusterRuntime runtime = session.runtime();
    ClusterConfig config = runtime.config();
    ShardSet shards = plan.route().shards(config.shardCount(), params.values());
    if (shards.size() <= 1) {
      // An empty route means no shard can hold a matching row; one shard still answers, with the
      // right columns and an empty (or aggregate-of-nothing) result.
      int shard = shards.isEmpty() ? config.defaultShard() : shards.first();
      return single(session, shard, plan.direct(), params, options, owner);
    }
    return scatter(session, plan, shards, params, options, owner);
  }

  /** Runs {@code sql} on one shard and adapts its result set. */
  static ResultSet single(ShardSession session, int shard, ShardSql sql, Parameters params,
      StatementOptions options, Statement owner) throws SQLException {
    String name = session.runtime().config().shard(shard).name();
    Lease lease = session.lease(shard);
    try {
      ShardStatement statement = ShardStatements.prepareQuery(lease, sql, params, options);
      try {
        return new DirectResultSet(statement.executeQuery(), statement, owner, lease);
      } catch (SQLException | RuntimeException e) {
        statement.close();
        throw e;
      }
    } catch (SQLException e) {
      lease.release();
      throw ShardErrors.wrap(name, e);
    } catch (RuntimeException e) {
      lease.release();
      throw e;
    }
  }

  private static ResultSet scatter(ShardSession session, QueryPlan plan, ShardSet shards,
      Parameters params, StatementOptions options, Statement owner) throws SQLException {
    ClusterRuntime runtime = session.runtime();
    ClusterConfig config = runtime.config();
    ShardSql sql = plan.scatter();
    List<Lease> leases = new ArrayList<>();
    try {
      for (int shard : shards.toArray()) {
        leases.add(session.lease(shard));
      }
      List<ShardResult> results = FanOut.run(runtime.scatterExecutor(), config, shards.toArray(),
          shard -> execute(leases, shard, sql, params, options, config),
          r -> closeQuietly(r.cursor()));
      List<RowCursor> inputs = new ArrayList<>(results.size());
      for (ShardResult r : results) {
        inputs.add(r.cursor());
      }
      ResultSetMetaData md = results.get(0).metaData();
      int width = md.getColumnCount();
      List<MergeStep> steps = new ArrayList<>(plan.mergeSteps(width));
      if (options.maxRows() > 0) {
        steps.add(new MergeStep.Limit(null, new MergeExpr.Literal(options.maxRows())));
      }
      List<ColumnInfo> columns = plan.aggregated()
          ? aggregatedColumns(runtime, plan, leases.get(0))
          : ColumnInfo.from(md, width - plan.hiddenColumns());
      StringCollation collation = collation(runtime, leases.get(0));
      RowCursor merged;
      try {
        checkStringComparisons(collation, steps, md, plan);
        merged = MergePipeline.build(inputs, steps, params.values(),
            MergeDialect.of(config.dialect()), collation, plan.aggregated() ? columns : null);
      } catch (SQLException | RuntimeException e) {
        for (RowCursor c : inputs) {
          closeQuietly(c);
        }
        throw e;
      }
      return new CursorResultSet(merged, columns, owner, () -> {
        releaseAll(leases);
        ResultOwner.notifyClosed(owner);
      });
    } catch (SQLException | RuntimeException e) {
      releaseAllQuietly(leases);
      throw e;
    }
  }

  private static StringCollation collation(ClusterRuntime runtime, Lease lease)
      throws SQLException {
    StringCollation known = runtime.collation();
    if (known == null) {
      known = CollationProbe.probe(lease.connection(), runtime.config().dialect());
      runtime.collation(known);
    }
    return known;
  }

  /**
   * Refuses a merge that would compare strings under a collation it cannot reproduce (a
   * case-insensitive or linguistic one): the order or grouping would silently differ.
   */
  private static void checkStringComparisons(StringCollation collation, List<MergeStep> steps,
      ResultSetMetaData md, QueryPlan plan) throws SQLException {
    if (collation.exact()) {
      return;
    }
    Set<Integer> compared = new HashSet<>();
    boolean all = false;
    for (MergeStep step : steps) {
      if (step instanceof MergeStep.MergeSorted s) {
        s.keys().forEach(k -> compared.add(k.column()));
      } else if (step instanceof MergeStep.Aggregate a) {
        for (int g : a.groupColumns()) {
          compared.add(g);
        }
        for (AggregateCall call : a.calls()) {
          if (call.kind() != AggregateCall.Kind.COUNT && call.kind() != AggregateCall.Kind.SUM) {
            compared.add(call.column());
          }
        }
      } else if (step instanceof MergeStep.Distinct || step instanceof MergeStep.Sort) {
        all = true;
      }
    }
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if ((all || compared.contains(i - 1)) && isString(md.getColumnType(i))) {
        throw Refusals.unsupported("comparing the text column " + md.getColumnLabel(i)
            + " across shards under collation " + collation.name() + ", which the merge cannot"
            + " reproduce (use a binary collation, or a query that routes to one shard) [SQL: "
            + plan.sql() + "]");
      }
    }
  }

  private static boolean isString(int sqlType) {
    switch (sqlType) {
      case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR: case Types.NCHAR:
      case Types.NVARCHAR: case Types.LONGNVARCHAR: case Types.CLOB: case Types.NCLOB:
        return true;
      default:
        return false;
    }
  }

  /** A shard's open cursor and the description of its columns. */
  private record ShardResult(ShardCursor cursor, ResultSetMetaData metaData) {}

  private static ShardResult execute(List<Lease> leases, int shard, ShardSql sql,
      Parameters params, StatementOptions options, ClusterConfig config) throws SQLException {
    Lease lease = null;
    for (Lease l : leases) {
      if (l.shard() == shard) {
        lease = l;
      }
    }
    ShardStatement statement = ShardStatements.prepare(lease, sql, params, options);
    try {
      ResultSet rs = statement.executeQuery();
      return new ShardResult(new ShardCursor(config.shard(shard).name(), rs, statement),
          rs.getMetaData());
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /**
   * Labels and types of an aggregated result: the shard database's own description of the
   * statement as written (merged values are then coerced to those types), cached by SQL text.
   */
  private static List<ColumnInfo> aggregatedColumns(ClusterRuntime runtime, QueryPlan plan,
      Lease lease) throws SQLException {
    List<ColumnInfo> known = runtime.resultColumns().getIfPresent(plan.sql());
    if (known != null) {
      return known;
    }
    try (PreparedStatement ps = lease.connection().prepareStatement(plan.direct().sql())) {
      ResultSetMetaData md = ps.getMetaData();
      if (md == null) {
        throw new SQLException("shard " + runtime.config().shard(lease.shard()).name()
            + " cannot describe the result of: " + plan.sql(), "HY000");
      }
      List<ColumnInfo> columns = ColumnInfo.from(md);
      runtime.resultColumns().put(plan.sql(), columns);
      return columns;
    }
  }

  private static void closeQuietly(RowCursor cursor) {
    try {
      cursor.close();
    } catch (SQLException ignored) {
      // the first failure is what the application sees
    }
  }

  static void releaseAll(List<Lease> leases) throws SQLException {
    SQLException first = null;
    for (Lease l : leases) {
      try {
        l.release();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  static void releaseAllQuietly(List<Lease> leases) {
    try {
      releaseAll(leases);
    } catch (SQLException ignored) {
      // releasing after a failure: the failure is what matters
    }
  }
}
