package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.exec.ShardSession;
import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.jdbc.result.SherdResultSetMetaData;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Describes a logical prepared statement without running it: the default shard prepares the
 * statement's single-shard form (the application's own text, parameters in their own order) and
 * its driver's description is copied. A sharded table has the same definition on every shard, so
 * one shard's description is the logical one — also for merged results, whose columns are coerced
 * to exactly these types. Stateless and thread-safe.
 */
public final class StatementDescriber {

  private StatementDescriber() {}

  /**
   * The columns of the statement's result as the default shard describes them; null for a
   * statement without a result set (or one the shard's driver cannot describe before running).
   */
  public static ResultSetMetaData resultColumns(ShardSession session, StatementPlan plan)
      throws SQLException {
    String sql = plan instanceof QueryPlan || plan instanceof PassthroughPlan
        ? singleShardSql(plan) : null;
    if (sql == null) {
      return null;
    }
    int shard = session.runtime().config().defaultShard();
    Lease lease = session.lease(shard);
    try (PreparedStatement ps = lease.connection().prepareStatement(sql)) {
      ResultSetMetaData md = ps.getMetaData();
      return md == null ? null : new SherdResultSetMetaData(ColumnInfo.from(md));
    } catch (SQLException e) {
      throw ShardErrors.wrap(session.runtime().config().shard(shard).name(), e);
    } finally {
      lease.release();
    }
  }

  /**
   * The statement's parameters as the default shard describes them; "unknown" answers where it
   * cannot (a statement it cannot prepare, a driver that describes no parameter types).
   */
  public static ParameterMetaData parameters(ShardSession session, StatementPlan plan)
      throws SQLException {
    int count = plan.parameterCount();
    String sql = count == 0 ? null : singleShardSql(plan);
    if (sql == null) {
      return SherdParameterMetaData.unknown(count);
    }
    int shard = session.runtime().config().defaultShard();
    Lease lease = session.lease(shard);
    try (PreparedStatement ps = lease.connection().prepareStatement(sql)) {
      ParameterMetaData md = ps.getParameterMetaData();
      return md == null || md.getParameterCount() != count ? SherdParameterMetaData.unknown(count)
          : SherdParameterMetaData.copyOf(md, count);
    } catch (SQLException e) {
      if (session.inTransaction()) {
        // the failed describe may have aborted the shard's transaction (PostgreSQL): say so
        throw ShardErrors.wrap(session.runtime().config().shard(shard).name(), e);
      }
      return SherdParameterMetaData.unknown(count);
    } finally {
      lease.release();
    }
  }

  /**
   * The text one shard would run, when its parameters are the statement's own in their own
   * order; null otherwise.
   */
  private static String singleShardSql(StatementPlan plan) {
    ShardSql sql;
    if (plan instanceof QueryPlan q) {
      sql = q.direct();
    } else if (plan instanceof WritePlan w) {
      sql = w.statement();
    } else if (plan instanceof InsertPlan i) {
      sql = i.direct();
    } else if (plan instanceof PassthroughPlan p) {
      sql = ShardSql.verbatim(p.sql(), p.parameterCount());
    } else {
      return null;
    }
    return sql.bindsVerbatim() && sql.parameters().size() == plan.parameterCount()
        ? sql.sql() : null;
  }
}
