package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.PooledStatements;
import dev.sherd.jdbc.runtime.ShardPools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbc.JdbcResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Physical statements kept on pooled shard connections (runtime.PooledStatements): a routed
 * statement executed again reuses its physical statement, and nothing one execution set on it or
 * on its connection (timeout, row limit, fetch size) reaches the next. Shard pools of one connection
 * each, so every execution on a shard meets the same physical connection.
 */
class KeptStatementsTest {

  private static final String SETTING = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
      + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'";

  @TempDir
  static Path dir;
  static H2Cluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "kept", "tables:\n  t: { sharding-key: id }\n",
        "{ maximumPoolSize: 1, connectionTimeout: 2000 }", true);
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
      s.execute("CREATE TABLE notes(id INT PRIMARY KEY)"); // unlisted: on the default shard
      s.executeUpdate("INSERT INTO t (id, v) VALUES (1, 'one'), (2, 'two')");
      s.executeUpdate("INSERT INTO notes (id) VALUES (1), (2), (3)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @AfterEach
  void noLeakedShardConnection() throws Exception {
    assertEquals(List.of(), ShardLeaks.borrowed(cluster.runtime().pools(), H2Cluster.SHARDS));
  }

  @Test
  void routedQuery_executedAgain_reusesItsPhysicalStatement() throws SQLException {
    try (Connection c = cluster.connect()) {
      PreparedStatement first;
      try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
        first = physical(ps, 1, "one");
        assertSame(first, physical(ps, 1, "one"));
      }
      try (PreparedStatement again = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
        assertSame(first, physical(again, 1, "one"), "a new logical statement, the same text");
      }
      assertFalse(first.isClosed(), "kept open between executions");
    }
  }

  @Test
  void transactionStatements_reuseKeptStatements_andLeaveNothingOpenOnTheConnection()
      throws SQLException {
    String select = "SELECT v FROM t WHERE id = ?";
    try (Connection c = cluster.connect()) {
      PreparedStatement kept;
      try (PreparedStatement ps = c.prepareStatement(select)) {
        kept = physical(ps, 1, "one");
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(select);
          PreparedStatement update = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
        assertSame(kept, physical(ps, 1, "one"), "inside a transaction, the kept statement");
        update.setString(1, "uno");
        update.setInt(2, 1);
        assertEquals(1, update.executeUpdate());
        assertSame(kept, physical(ps, 1, "uno"), "the transaction sees its own write");
        c.rollback();
        assertEquals(1, update.executeUpdate());
        c.commit();
        update.setString(1, "one");
        assertEquals(1, update.executeUpdate());
        c.rollback(); // undone before the connection goes back to its pool (one per shard)
      }
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement(select)) {
        assertSame(kept, physical(ps, 1, "uno"), "committed once, then rolled back");
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE t SET v = 'one' WHERE id = 1");
      }
    }
  }

  @Test
  void statementWithoutTimeout_afterOneWithTimeout_runsWithoutTimeout() throws SQLException {
    // H2 keeps the query timeout per session: a pooled connection must not carry one over
    try (Connection c = cluster.connect()) {
      try (PreparedStatement timed = c.prepareStatement(SETTING)) {
        timed.setQueryTimeout(7);
        assertEquals("7000", single(timed));
      }
      try (PreparedStatement same = c.prepareStatement(SETTING)) {
        assertEquals("0", single(same), "the same text without a timeout");
      }
      try (PreparedStatement timed = c.prepareStatement(SETTING)) {
        timed.setQueryTimeout(7);
        assertEquals("7000", single(timed));
      }
      try (PreparedStatement other = c.prepareStatement(SETTING + " AND 1 = 1")) {
        assertEquals("0", single(other), "another text without a timeout");
      }
    }
  }

  @Test
  void rowLimitAndFetchSize_ofOneExecution_doNotReachTheNext() throws SQLException {
    String sql = "SELECT id FROM notes ORDER BY id";
    try (Connection c = cluster.connect()) {
      int defaultFetchSize;
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        defaultFetchSize = physicalOf(rs).getFetchSize();
      }
      try (PreparedStatement limited = c.prepareStatement(sql)) {
        limited.setMaxRows(1);
        limited.setFetchSize(defaultFetchSize + 7);
        try (ResultSet rs = limited.executeQuery()) {
          assertEquals(defaultFetchSize + 7, physicalOf(rs).getFetchSize());
          assertEquals(1, count(rs));
        }
      }
      try (PreparedStatement plain = c.prepareStatement(sql);
          ResultSet rs = plain.executeQuery()) {
        assertEquals(defaultFetchSize, physicalOf(rs).getFetchSize());
        assertEquals(3, count(rs));
      }
    }
  }

  @Test
  void ddlThroughTheDriver_preparesKeptStatementsAgain() throws SQLException {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
      PreparedStatement before = physical(ps, 2, "two");
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX notes_by_id ON notes(id)");
      }
      PreparedStatement after = physical(ps, 2, "two");
      assertNotSame(before, after);
      assertTrue(before.isClosed(), "a statement of the old schema generation is closed");
      try (Statement s = c.createStatement()) {
        s.execute("DROP INDEX notes_by_id");
      }
    }
  }

  @Test
  void failedExecution_closesItsStatement_andTheNextPreparesAnew() throws SQLException {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT 6 / ? FROM notes WHERE id = 1")) {
      ps.setInt(1, 3);
      PreparedStatement before;
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        before = physicalOf(rs);
      }
      ps.setInt(1, 0);
      assertThrows(SQLException.class, ps::executeQuery);
      assertTrue(before.isClosed(), "a statement whose execution failed is not kept");
      ps.setInt(1, 2);
      PreparedStatement after;
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
        after = physicalOf(rs);
      }
      assertNotSame(before, after);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertSame(after, physicalOf(rs), "the new statement is kept in its place");
      }
    }
  }

  @Test
  void keptStatements_perConnection_areBounded() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      for (int k = 0; k < 100; k++) {
        try (ResultSet rs = s.executeQuery("SELECT id + " + k + " FROM notes WHERE id = 1")) {
          assertTrue(rs.next());
          assertEquals(1 + k, rs.getInt(1));
        }
      }
    }
    ShardPools pools = cluster.runtime().pools();
    try (Connection s0 = pools.borrow(0)) {
      int kept = pools.statementsOf(s0).keptCount();
      assertTrue(kept > 0 && kept <= PooledStatements.CAPACITY, kept + " kept statements");
    }
  }

  /** Runs {@code ps} for {@code id}, checks the value, returns the shard's statement. */
  private static PreparedStatement physical(PreparedStatement ps, int id, String expected)
      throws SQLException {
    ps.setInt(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      assertEquals(expected, rs.getString(1));
      return physicalOf(rs);
    }
  }

  private static PreparedStatement physicalOf(ResultSet rs) throws SQLException {
    return (PreparedStatement) rs.unwrap(JdbcResultSet.class).getStatement();
  }

  private static String single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }
}
