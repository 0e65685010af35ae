package dev.sherd.jdbc.tx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: {@code PREPARE TRANSACTION} detaches the branch from its session, so any connection
 * can finish it with {@code COMMIT PREPARED}/{@code ROLLBACK PREPARED}; {@code pg_prepared_xacts}
 * lists in-doubt branches. Prepared transactions need {@code max_prepared_transactions > 0}, which
 * is 0 by default: that error is translated into one naming the setting.
 */
final class PostgresBranches implements BranchProtocol {

  private final int timeoutSeconds;

  PostgresBranches(int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public void begin(Connection c, Xid xid) {
    // a local transaction (auto-commit off) is PostgreSQL's branch until it is prepared
  }

  @Override
  public void prepare(Connection c, Xid xid) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(timeoutSeconds);
      s.execute("PREPARE TRANSACTION '" + xid.name() + "'");
    } catch (SQLException e) {
      if ("55000".equals(e.getSQLState()) && (String.valueOf(e.getMessage())
          .contains("prepared transactions are disabled") || preparedTransactionsDisabled(c))) {
        throw new SQLException("PostgreSQL has max_prepared_transactions = 0, so it cannot take part"
            + " in a transaction that writes to several shards: set max_prepared_transactions to"
            + " at least the number of concurrent cross-shard transactions (e.g. ALTER SYSTEM SET"
            + " max_prepared_transactions = 64) and restart the server", "55000", e);
      }
      throw e;
    }
  }

  /**
   * Asks the server, for a server whose messages are not in English (the failed PREPARE
   * TRANSACTION ended the transaction, so the session can still answer).
   */
  private static boolean preparedTransactionsDisabled(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('max_prepared_transactions')")) {
      return rs.next() && "0".equals(rs.getString(1));
    } catch (SQLException unknown) {
      return false;
    }
  }

  @Override
  public void commitPrepared(Connection c, Xid xid, boolean owner) throws SQLException {
    finish(c, "COMMIT PREPARED '" + xid.name() + "'");
  }

  @Override
  public void rollbackPrepared(Connection c, Xid xid, boolean owner) throws SQLException {
    finish(c, "ROLLBACK PREPARED '" + xid.name() + "'");
  }

  /** COMMIT/ROLLBACK PREPARED cannot run inside a transaction block. */
  private void finish(Connection c, String sql) throws SQLException {
    boolean auto = c.getAutoCommit();
    if (!auto) {
      c.setAutoCommit(true);
    }
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(timeoutSeconds);
      s.execute(sql);
    } finally {
      if (!auto) {
        c.setAutoCommit(false);
      }
    }
  }

  @Override
  public void commitOnePhase(Connection c, Xid xid) throws SQLException {
    c.commit();
  }

  @Override
  public void rollbackUnprepared(Connection c, Xid xid) throws SQLException {
    c.rollback();
  }

  @Override
  public List<String> inDoubt(Connection c, String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT gid FROM pg_prepared_xacts"
        + " WHERE database = current_database() AND gid LIKE ?")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }
}
