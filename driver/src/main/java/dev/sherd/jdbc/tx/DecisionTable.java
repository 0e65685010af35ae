package dev.sherd.jdbc.tx;

import dev.sherd.metadata.DialectFamily;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable commit decisions, one small table per shard holding a row per global transaction
 * whose decision lives on that shard and whose branches are not all resolved yet. It lives in its
 * own schema ({@code sherd.tx_decisions}) on H2 and PostgreSQL, so it never appears among the
 * application's tables (migration tools check that schema is empty); on MySQL/MariaDB, where a
 * schema is a database, it is {@code sherd_tx_decisions} in the shard's database.
 *
 * <p>Why a table on a participant (as Citus and Vitess do): the coordinator inserts the COMMIT row
 * inside the decision shard's own branch, so that branch's local commit IS the decision — atomic
 * with its data, readable by every driver instance that shares the cluster, no log server. The
 * primary key settles a race with recovery: recovery aborts a stale branch by inserting an ABORT row
 * for its transaction, so of a late coordinator and recovery exactly one wins (the other hits the
 * key, or waits for the row lock and then does). COMMIT rows are deleted once every branch is
 * committed; ABORT rows after a retention period far longer than any coordinator may wait, so the
 * table stays small. Immutable.
 */
public final class DecisionTable {

  /** The table's name on MySQL/MariaDB (hidden from the logical metadata). */
  public static final String MYSQL_TABLE = "sherd_tx_decisions";
  static final String COMMIT = "C";
  static final String ABORT = "A";

  private final String schema;
  private final String table;
  private final String insertSql;
  private final String outcomeSql;

  /** The decision table of a family's shards (public for tests and operators' tooling). */
  public static DecisionTable of(DialectFamily family) {
    return new DecisionTable(family);
  }

  DecisionTable(DialectFamily family) {
    this.schema = family == DialectFamily.MYSQL ? null : "sherd";
    this.table = family == DialectFamily.MYSQL ? MYSQL_TABLE : "sherd.tx_decisions";
    this.insertSql = "INSERT INTO " + table + " (gtid, outcome, decided_millis) VALUES (?, ?, ?)";
    this.outcomeSql = "SELECT outcome FROM " + table + " WHERE gtid = ?";
  }

  /** The table's qualified name. */
  public String name() {
    return table;
  }

  public void ensureExists(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      }
      s.execute("CREATE TABLE IF NOT EXISTS " + table + " (gtid VARCHAR(64) NOT NULL PRIMARY KEY,"
          + " outcome CHAR(1) NOT NULL, decided_millis BIGINT NOT NULL)");
    }
  }

  /**
   * Inserts the decision (in the caller's transaction).
   *
   * @throws SQLIntegrityConstraintViolationException when a decision for {@code gtid} exists
   *     (whatever class the shard's driver uses for a key violation: PostgreSQL's has none)
   */
  void insert(Connection c, String gtid, String outcome, long nowMillis)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertSql)) {
      ps.setString(1, gtid);
      ps.setString(2, outcome);
      ps.setLong(3, nowMillis);
      ps.executeUpdate();
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (!(e instanceof SQLIntegrityConstraintViolationException) && state != null
          && state.startsWith("23")) {
        throw new SQLIntegrityConstraintViolationException(e.getMessage(), state,
            e.getErrorCode(), e);
      }
      throw e;
    }
  }

  /** The recorded outcome of {@code gtid}, or null when none is recorded. */
  String outcome(Connection c, String gtid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(outcomeSql)) {
      ps.setString(1, gtid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Rows per DELETE of {@link #delete}: one statement per chunk, not per decision. */
  static final int DELETE_CHUNK = 500;

  /** Deletes the decisions of {@code gtids} (in auto-commit); returns how many were deleted. */
  int delete(Connection c, List<String> gtids) throws SQLException {
    int deleted = 0;
    for (int from = 0; from < gtids.size(); from += DELETE_CHUNK) {
      List<String> chunk = gtids.subList(from, Math.min(gtids.size(), from + DELETE_CHUNK));
      StringBuilder sql = new StringBuilder(40 + table.length() + 3 * chunk.size())
          .append("DELETE FROM ").append(table).append(" WHERE gtid IN (");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        deleted += ps.executeUpdate();
      }
    }
    return deleted;
  }

  /** Decisions recorded on this shard: {gtid, outcome, decided_millis}. */
  List<Object[]> all(Connection c) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT gtid, outcome, decided_millis FROM " + table)) {
      while (rs.next()) {
        rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
      }
    }
    return rows;
  }

  /** Deletes ABORT rows decided before {@code cutoffMillis}. */
  int purgeAborts(Connection c, long cutoffMillis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
        + " WHERE outcome = 'A' AND decided_millis < ?")) {
      ps.setLong(1, cutoffMillis);
      return ps.executeUpdate();
    }
  }
}
