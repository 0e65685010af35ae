package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.sql.plan.DdlPlan;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.WritePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs INSERT, UPDATE, DELETE and DDL plans.
 *
 * <p>Counts: the sum over shards, except for broadcast tables, whose copies all change the same
 * rows: one copy's count. Atomicity in auto-commit mode: a write that touches several shards runs
 * as a local transaction on each, committed only when every shard succeeded and rolled back on all
 * of them otherwise; a failure during the commits themselves (a shard dying between two commits)
 * is reported naming the shards that did and did not commit — closing that window is two-phase
 * commit's job. Inside an explicit transaction the writes join the transaction's shard connection.
 * DDL is not transactional on the shard databases: it runs on each shard and a failure names them.
 */
final class WriteRunner {

  private WriteRunner() {}

  static UpdateResult write(ShardSession session, WritePlan plan, Parameters params,
      StatementOptions options) throws SQLException {
    ClusterConfig config = session.runtime().config();
    ShardSet shards = plan.route().shards(config.shardCount(), params.values());
    plan.checkKeyChange(shards, config.shardCount(), params.values());
    if (shards.isEmpty()) {
      return new UpdateResult(0, null);
    }
    if (shards.size() == 1) {
      return routed(session, shards.first(), plan.statement(), params, options, plan.sql());
    }
    session.beforeWrite(shards, plan.sql());
    Map<Integer, ShardSql> perShard = new TreeMap<>();
    for (int shard : shards.toArray()) {
      perShard.put(shard, plan.statement());
    }
    return run(session, perShard, params, options, plan.broadcast(), true);
  }

  static UpdateResult insert(ShardSession session, InsertPlan plan, Parameters params,
      StatementOptions options) throws SQLException {
    ClusterConfig config = session.runtime().config();
    if (plan.fixedRoute() == null && plan.rowCount() == 1) {
      return routed(session, plan.shardOfRow(0, params.values()), plan.direct(), params, options,
          plan.sql());
    }
    Map<Integer, ShardSql> perShard = new TreeMap<>();
    if (plan.fixedRoute() != null) {
      ShardSet shards = plan.fixedRoute().shards(config.shardCount(), params.values());
      for (int shard : shards.toArray()) {
        perShard.put(shard, plan.direct());
      }
    } else {
      Map<Integer, List<Integer>> rowsByShard = new TreeMap<>();
      for (int row = 0; row < plan.rowCount(); row++) {
        rowsByShard.computeIfAbsent(plan.shardOfRow(row, params.values()), k -> new ArrayList<>())
            .add(row);
      }
      if (rowsByShard.size() == 1) {
        perShard.put(rowsByShard.keySet().iterator().next(), plan.direct());
      } else {
        for (Map.Entry<Integer, List<Integer>> e : rowsByShard.entrySet()) {
          perShard.put(e.getKey(),
              plan.sqlForRows(e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
      }
    }
    if (perShard.isEmpty()) {
      return new UpdateResult(0, null);
    }
    session.beforeWrite(ShardSet.of(perShard.keySet().stream().mapToInt(Integer::intValue)
        .toArray()), plan.sql());
    return run(session, perShard, params, options, plan.broadcast(), true);
  }

  static UpdateResult ddl(ShardSession connection, DdlPlan plan, StatementOptions options)
      throws SQLException {
    ShardSession session = connection.beforeDdl(plan.shards(), plan.sql());
    if (plan.onlyDefaultMustSucceed()) {
      try {
        return dropOnDefaultThenOthers(session, plan, options);
      } finally {
        session.schemaChanged();
      }
    }
    Map<Integer, ShardSql> perShard = new TreeMap<>();
    for (int shard : plan.shards().toArray()) {
      perShard.put(shard, ShardSql.verbatim(plan.sql(), 0));
    }
    try {
      return run(session, perShard, Parameters.none(), options, true, false);
    } finally {
      session.schemaChanged();
    }
  }

  /**
   * A DDL statement that names no table (DROP INDEX i): the default shard must run it; another
   * shard answering "no such object" just never had it (it belonged to an unlisted table).
   */
  private static UpdateResult dropOnDefaultThenOthers(ShardSession session, DdlPlan plan,
      StatementOptions options) throws SQLException {
    int defaultShard = session.runtime().config().defaultShard();
    ShardSql sql = ShardSql.verbatim(plan.sql(), 0);
    UpdateResult result = single(session, defaultShard, sql, Parameters.none(), options);
    for (int shard : plan.shards().toArray()) {
      if (shard == defaultShard) {
        continue;
      }
      try {
        single(session, shard, sql, Parameters.none(), options);
      } catch (SQLException e) {
        if (!isMissingObject(e)) {
          throw e;
        }
      }
    }
    return result;
  }

  /** "No such index/object" in H2 (42S12/42112), PostgreSQL (42704) and MySQL (1091). */
  private static boolean isMissingObject(SQLException e) {
    for (Throwable t = e; t instanceof SQLException s; t = t.getCause()) {
      if ("42S12".equals(s.getSQLState()) || "42704".equals(s.getSQLState())
          || s.getErrorCode() == 42112 || s.getErrorCode() == 1091) {
        return true;
      }
    }
    return false;
  }

  /** Runs one statement per shard; returns the logical count. */
  private static UpdateResult run(ShardSession session, Map<Integer, ShardSql> perShard,
      Parameters params, StatementOptions options, boolean oneCopyCount, boolean transactional)
      throws SQLException {
    ClusterConfig config = session.runtime().config();
    int[] shards = perShard.keySet().stream().mapToInt(Integer::intValue).toArray();
    if (shards.length == 1) {
      return single(session, shards[0], perShard.get(shards[0]), params, options);
    }
    List<Long> counts = onShards(session, shards, transactional, lease -> {
      try (ShardStatement statement = ShardStatements.prepare(lease, perShard.get(lease.shard()),
          params, options)) {
        return statement.executeLargeUpdate();
      }
    });
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return new UpdateResult(oneCopyCount ? counts.get(0) : total, null);
  }

  /** Work done on one shard's leased connection. */
  interface ShardWork<T> {
    T run(Lease lease) throws SQLException;
  }

  /**
   * Runs {@code work} on every shard in parallel. When {@code transactional} and the session is in
   * auto-commit, each shard's work runs in a local transaction committed only if all succeeded.
   * Results are in the order of {@code shards}.
   */
  static <T> List<T> onShards(ShardSession session, int[] shards, boolean transactional,
      ShardWork<T> work) throws SQLException {
    ClusterRuntime runtime = session.runtime();
    ClusterConfig config = runtime.config();
    boolean localTransaction = transactional && !session.inTransaction() && shards.length > 1;
    boolean statementSavepoints = transactional && session.inTransaction() && shards.length > 1;
    List<Lease> leases = new ArrayList<>();
    List<Savepoint> savepoints = new ArrayList<>();
    try {
      for (int shard : shards) {
        Lease lease = session.lease(shard);
        leases.add(lease);
        if (localTransaction) {
          lease.connection().setAutoCommit(false);
        }
        if (statementSavepoints) {
          savepoints.add(lease.connection().setSavepoint());
        }
      }
      List<T> results;
      try {
        results = FanOut.run(runtime.scatterExecutor(), config, shards,
            shard -> work.run(leaseOf(leases, shard)), r -> { });
      } catch (SQLException e) {
        if (localTransaction) {
          rollbackAll(leases, e);
        } else if (statementSavepoints) {
          undoStatement(session, leases, savepoints, e);
        }
        throw e;
      }
      if (statementSavepoints) {
        releaseSavepoints(leases, savepoints);
      }
      if (localTransaction) {
        commitAll(leases, config);
      }
      return results;
    } finally {
      if (localTransaction) {
        for (Lease l : leases) {
          try {
            l.connection().setAutoCommit(true);
          } catch (SQLException ignored) {
            // the pool resets auto-commit on return as well
          }
        }
      }
      QueryRunner.releaseAllQuietly(leases);
    }
  }

  /** The fast path of a write to one shard: no per-shard maps, no fan-out. */
  private static UpdateResult routed(ShardSession session, int shard, ShardSql sql,
      Parameters params, StatementOptions options, String logicalSql) throws SQLException {
    session.beforeWrite(ShardSet.of(shard), logicalSql);
    return single(session, shard, sql, params, options);
  }

  private static UpdateResult single(ShardSession session, int shard, ShardSql sql,
      Parameters params, StatementOptions options) throws SQLException {
    ClusterConfig config = session.runtime().config();
    Lease lease = session.lease(shard);
    try (ShardStatement statement = ShardStatements.prepare(lease, sql, params, options)) {
      long count = statement.executeLargeUpdate();
      ResultSet keys = options.returnGeneratedKeys()
          ? copyKeys(statement.physical().getGeneratedKeys()) : null;
      return new UpdateResult(count, keys);
    } catch (SQLException e) {
      throw ShardErrors.wrap(config.shard(shard).name(), e);
    } finally {
      lease.release();
    }
  }

  /**
   * Inside a transaction a statement that failed on one shard is undone on all of them, as one
   * database undoes a failed statement and keeps the transaction: each shard rolls back to the
   * savepoint set before the statement. If that is impossible the transaction becomes
   * rollback-only rather than commit part of the statement.
   */
  private static void undoStatement(ShardSession session, List<Lease> leases,
      List<Savepoint> savepoints, SQLException failure) {
    for (int i = 0; i < leases.size(); i++) {
      try {
        leases.get(i).connection().rollback(savepoints.get(i));
      } catch (SQLException e) {
        failure.addSuppressed(e);
        session.markRollbackOnly("a statement writing to several shards failed and could not be"
            + " undone on every shard: " + failure.getMessage());
      }
    }
  }

  private static void releaseSavepoints(List<Lease> leases, List<Savepoint> savepoints) {
    for (int i = 0; i < leases.size(); i++) {
      try {
        leases.get(i).connection().releaseSavepoint(savepoints.get(i));
      } catch (SQLException ignored) {
        // a savepoint that cannot be released just lives until the transaction ends
      }
    }
  }

  private static Lease leaseOf(List<Lease> leases, int shard) {
    for (Lease l : leases) {
      if (l.shard() == shard) {
        return l;
      }
    }
    throw new IllegalStateException("no lease for shard " + shard);
  }

  private static void rollbackAll(List<Lease> leases, SQLException failure) {
    for (Lease l : leases) {
      try {
        l.connection().rollback();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void commitAll(List<Lease> leases, ClusterConfig config) throws SQLException {
    List<String> committed = new ArrayList<>();
    for (int i = 0; i < leases.size(); i++) {
      Lease l = leases.get(i);
      try {
        l.connection().commit();
        committed.add(config.shard(l.shard()).name());
      } catch (SQLException e) {
        List<String> pending = new ArrayList<>();
        for (int j = i; j < leases.size(); j++) {
          pending.add(config.shard(leases.get(j).shard()).name());
        }
        if (committed.isEmpty()) {
          rollbackAll(leases, e);
          throw ShardErrors.wrap(config.shard(l.shard()).name(), e);
        }
        rollbackAll(leases.subList(i, leases.size()), e);
        throw new SQLException("multi-shard write committed on " + committed + " but failed to"
            + " commit on " + pending + ": " + e.getMessage(), "40003", e);
      }
    }
  }

  /** Generated keys outlive the physical statement: copy them. */
  private static ResultSet copyKeys(ResultSet keys) throws SQLException {
    if (keys == null) {
      return null;
    }
    try (keys) {
      List<ColumnInfo> columns = ColumnInfo.from(keys.getMetaData());
      List<Object[]> rows = new ArrayList<>();
      while (keys.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = keys.getObject(i + 1);
        }
        rows.add(row);
      }
      return new CursorResultSet(new ListCursor(rows, columns.size()), columns, null, null);
    }
  }
}
