package dev.sherd.jdbc.tx;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB/MySQL XA: a branch must be an XA transaction from its first statement
 * ({@code XA START}), so every branch of a transaction with auto-commit off starts as one; a branch
 * that ends up alone commits with {@code XA COMMIT … ONE PHASE}, which is a local commit. A prepared
 * branch survives its connection (MariaDB 10.5+) and any connection finishes it;
 * {@code XA RECOVER} lists in-doubt branches and needs the XA_RECOVER_ADMIN privilege (MySQL 8) —
 * its absence is reported as such.
 */
final class MysqlBranches implements BranchProtocol {

  private final int timeoutSeconds;

  MysqlBranches(int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public void begin(Connection c, Xid xid) throws SQLException {
    run(c, "XA START " + literal(xid));
  }

  @Override
  public void prepare(Connection c, Xid xid) throws SQLException {
    run(c, "XA END " + literal(xid));
    run(c, "XA PREPARE " + literal(xid));
  }

  @Override
  public void commitPrepared(Connection c, Xid xid, boolean owner) throws SQLException {
    run(c, "XA COMMIT " + literal(xid));
  }

  @Override
  public void rollbackPrepared(Connection c, Xid xid, boolean owner) throws SQLException {
    run(c, "XA ROLLBACK " + literal(xid));
  }

  @Override
  public void commitOnePhase(Connection c, Xid xid) throws SQLException {
    run(c, "XA END " + literal(xid));
    run(c, "XA COMMIT " + literal(xid) + " ONE PHASE");
  }

  @Override
  public void rollbackUnprepared(Connection c, Xid xid) throws SQLException {
    try {
      run(c, "XA END " + literal(xid));
    } catch (SQLException e) {
      // already ended (a failed prepare): the rollback below still applies
    }
    run(c, "XA ROLLBACK " + literal(xid));
  }

  @Override
  public List<String> inDoubt(Connection c, String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("XA RECOVER")) {
      while (rs.next()) {
        int gtridLength = rs.getInt("gtrid_length");
        String data = rs.getString("data");
        String gtrid = data.substring(0, gtridLength);
        if (gtrid.startsWith(prefix)) {
          names.add(gtrid + "_b" + data.substring(gtridLength));
        }
      }
    } catch (SQLException e) {
      if (e.getErrorCode() == 1227 || e.getErrorCode() == 1044) {
        throw new SQLException("XA RECOVER is not permitted for this shard's user, so in-doubt"
            + " cross-shard transactions cannot be recovered: grant XA_RECOVER_ADMIN (MySQL 8) or"
            + " use a user allowed to run XA RECOVER: " + e.getMessage(), "42000", e.getErrorCode(), e);
      }
      throw e;
    }
    return names;
  }

  /** {@code 'gtrid','bqual'}: the global id and the shard, so XA RECOVER splits them back. */
  private static String literal(Xid xid) {
    return "'" + xid.global + "','" + xid.shard + "'";
  }

  private void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(timeoutSeconds);
      s.execute(sql);
    }
  }
}
