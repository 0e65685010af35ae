package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.runtime.PooledStatements;
import dev.sherd.sql.plan.ShardSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares and binds the physical statement of one execution on a leased shard connection,
 * applying the logical statement's options (query timeout, fetch size, row limit). A reusable
 * statement is taken from the connection's kept statements when one has the same text and kept
 * there after the execution, in auto-commit and inside a transaction alike (kept statements run
 * out of the pool's sight, so the pool cannot tell a connection holds uncommitted work: a
 * transaction rolls back every branch it did not end before its connections go back). Stateless.
 */
final class ShardStatements {

  private ShardStatements() {}

  /** A reusable statement with no row limit: one shard's part of a scatter, or a write. */
  static ShardStatement prepare(Lease lease, ShardSql sql, Parameters params,
      StatementOptions options) throws SQLException {
    return prepare(lease, sql, params, options, 0, true);
  }

  /** A reusable statement limited to the logical statement's max rows: a routed query. */
  static ShardStatement prepareQuery(Lease lease, ShardSql sql, Parameters params,
      StatementOptions options) throws SQLException {
    return prepare(lease, sql, params, options, options.maxRows(), true);
  }

  /**
   * A statement closed after this execution, for uses that leave state on it (batches) or run
   * any SQL (pass-through). {@code params} null: the caller binds.
   */
  static ShardStatement prepareOnce(Lease lease, ShardSql sql, Parameters params,
      StatementOptions options) throws SQLException {
    return prepare(lease, sql, params, options, 0, false);
  }

  private static ShardStatement prepare(Lease lease, ShardSql sql, Parameters params,
      StatementOptions options, long maxRows, boolean reusable) throws SQLException {
    PooledStatements kept = lease.statements();
    boolean keys = options.returnGeneratedKeys();
    PooledStatements.Entry entry = reusable
        ? kept.take(sql.sql(), keys, lease.schemaGeneration())
        : null;
    if (entry == null) {
      try {
        entry = create(reusable ? kept.physical() : lease.connection(), sql.sql(), keys);
      } catch (SQLException e) {
        throw reusable ? lease.evictIfFatal(e) : e;
      }
    }
    ShardStatement statement = new ShardStatement(lease, reusable ? kept : null, entry);
    try {
      kept.queryTimeout(entry, options.queryTimeoutSeconds());
      entry.limits(options.fetchSize(), maxRows);
      if (params != null) {
        params.bind(entry.statement(), sql);
      }
      return statement;
    } catch (SQLException e) {
      statement.failed(e);
      statement.close();
      throw e;
    }
  }

  private static PooledStatements.Entry create(Connection c, String sql, boolean generatedKeys)
      throws SQLException {
    PreparedStatement ps = generatedKeys
        ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
        : c.prepareStatement(sql);
    try {
      return new PooledStatements.Entry(sql, generatedKeys, ps);
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
