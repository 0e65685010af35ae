package dev.sherd.jdbc.exec;

import dev.sherd.sql.plan.ShardSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Prepares and binds a physical statement on a leased shard connection, applying the logical
 * statement's options (query timeout, fetch size). Stateless.
 */
final class ShardStatements {

  private ShardStatements() {}

  static PreparedStatement prepare(Lease lease, ShardSql sql, Parameters params,
      StatementOptions options) throws SQLException {
    PreparedStatement ps = options.returnGeneratedKeys()
        ? lease.connection().prepareStatement(sql.sql(), java.sql.Statement.RETURN_GENERATED_KEYS)
        : lease.connection().prepareStatement(sql.sql());
    try {
      if (options.queryTimeoutSeconds() > 0) {
        ps.setQueryTimeout(options.queryTimeoutSeconds());
      }
      if (options.fetchSize() > 0) {
        ps.setFetchSize(options.fetchSize());
      }
      params.bind(ps, sql);
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
