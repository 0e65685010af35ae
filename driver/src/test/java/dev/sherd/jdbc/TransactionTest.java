package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-commit off: a transaction's writes commit or roll back together, on one shard or (through
 * two-phase commit) on several; nothing is visible to others before the commit; reads from any
 * shard work inside it; DDL on several shards is refused inside it.
 */
class TransactionTest {

  @TempDir
  static Path dir;
  static H2Cluster cluster;
  /** Keys of t, grouped by the shard they route to. */
  static List<List<Integer>> keysByShard;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "tx");
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))",
        "CREATE TABLE countries(code CHAR(2) PRIMARY KEY, name VARCHAR(40))");
    keysByShard = new ArrayList<>();
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      keysByShard.add(new ArrayList<>());
    }
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      for (int id = 1; id <= 200; id++) {
        String shard = RoutingTest.routeShards(
            s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id)).get(0);
        keysByShard.get(Integer.parseInt(shard.substring(1))).add(id);
      }
    }
    for (List<Integer> keys : keysByShard) {
      assertTrue(keys.size() >= 5, "every shard needs keys: " + keysByShard);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void empty() throws Exception {
    cluster.onEveryShard("DELETE FROM t", "DELETE FROM countries");
  }

  private static int key(int shard, int n) {
    return keysByShard.get(shard).get(n);
  }

  /** SHOW TRANSACTIONS and RECOVER TRANSACTIONS: the operator's view through the driver. */
  @Test
  void showAndRecoverTransactions_reportTwoPhaseCommitsAndRecovery() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      long before = counter(s, "committed with two-phase commit");
      c.setAutoCommit(false);
      s.executeUpdate(insert(key(0, 0)));
      s.executeUpdate(insert(key(1, 0)));
      c.commit();
      c.setAutoCommit(true);
      assertEquals(before + 1, counter(s, "committed with two-phase commit"));
      try (ResultSet rs = s.executeQuery("RECOVER TRANSACTIONS")) {
        List<String> lines = new ArrayList<>();
        while (rs.next()) {
          lines.add(rs.getString("DECISION") + "=" + rs.getString("VALUE"));
        }
        assertTrue(lines.contains("branches committed=0"), lines.toString());
        assertTrue(lines.contains("branches left to their coordinator (within the grace period)=0"),
            lines.toString());
      }
      try (ResultSet rs = s.executeQuery("SHOW TRANSACTIONS")) {
        while (rs.next()) {
          assertEquals("*", rs.getString("SHARD"), "no branch may be left in doubt");
        }
      }
    }
  }

  private static long counter(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW TRANSACTIONS")) {
      while (rs.next()) {
        if (name.equals(rs.getString("DECISION"))) {
          return Long.parseLong(rs.getString("VALUE"));
        }
      }
    }
    throw new AssertionError("SHOW TRANSACTIONS has no counter " + name);
  }

  @Test
  void writesToOneShard_commit_areVisibleOnThatShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertFalse(c.getAutoCommit());
      assertEquals(1, s.executeUpdate(insert(key(1, 0))));
      assertEquals(2, s.executeUpdate("INSERT INTO t (id, v) VALUES (" + key(1, 1) + ", 'x'), ("
          + key(1, 2) + ", 'x')"));
      assertEquals(1, s.executeUpdate("UPDATE t SET v = 'y' WHERE id = " + key(1, 0)));
      assertEquals(Set.of(), cluster.ids(1, "t"), "uncommitted rows are invisible to others");
      c.commit();
    }
    assertEquals(Set.of(key(1, 0), key(1, 1), key(1, 2)), cluster.ids(1, "t"));
  }

  @Test
  void writesToOneShard_rollback_leaveNothing() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(key(2, 0))));
      assertEquals(1, s.executeUpdate(insert(key(2, 1))));
      c.rollback();
      assertEquals(1, s.executeUpdate(insert(key(2, 2))));
      c.commit();
    }
    assertEquals(Set.of(key(2, 2)), cluster.ids(2, "t"));
  }

  @Test
  void writesToSeveralShards_commit_becomeVisibleOnEveryShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(key(0, 0))));
      assertEquals(1, s.executeUpdate(insert(key(3, 0))));
      assertEquals(1, s.executeUpdate(insert(key(1, 0))));
      assertEquals(Set.of(), cluster.ids(0, "t"), "uncommitted rows are invisible to others");
      assertEquals(Set.of(), cluster.ids(3, "t"), "uncommitted rows are invisible to others");
      c.commit();
    }
    assertEquals(Set.of(key(0, 0)), cluster.ids(0, "t"));
    assertEquals(Set.of(key(1, 0)), cluster.ids(1, "t"));
    assertEquals(Set.of(key(3, 0)), cluster.ids(3, "t"));
  }

  @Test
  void writesToSeveralShards_rollback_leaveNothingOnAnyShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(key(0, 0))));
      assertEquals(1, s.executeUpdate(insert(key(2, 0))));
      c.rollback();
      // the next transaction starts clean and may write anywhere
      assertEquals(1, s.executeUpdate(insert(key(2, 1))));
      assertEquals(1, s.executeUpdate(insert(key(3, 1))));
      c.commit();
    }
    assertEquals(Set.of(), cluster.ids(0, "t"));
    assertEquals(Set.of(key(2, 1)), cluster.ids(2, "t"));
    assertEquals(Set.of(key(3, 1)), cluster.ids(3, "t"));
  }

  @Test
  void multiShardStatements_insideATransaction_areInvisibleUntilCommit() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(2, s.executeUpdate("INSERT INTO t (id, v) VALUES (" + key(0, 0) + ", 'a'), ("
          + key(2, 0) + ", 'b')"));
      assertEquals(1, s.executeUpdate("INSERT INTO countries (code, name) VALUES ('DE', 'x')"));
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, 'c')")) {
        ps.setInt(1, key(1, 0));
        ps.addBatch();
        ps.setInt(1, key(3, 0));
        ps.addBatch();
        assertEquals(2, ps.executeBatch().length);
      }
      assertEquals(4, s.executeUpdate("UPDATE t SET v = 'all'"));
      assertEquals(1, s.executeUpdate("UPDATE countries SET name = 'Germany'"));
      for (int i = 0; i < H2Cluster.SHARDS; i++) {
        assertEquals(Set.of(), cluster.ids(i, "t"), "s" + i + " before commit");
        assertEquals(List.of(0L), cluster.column(i, "SELECT COUNT(*) FROM countries"));
      }
      c.commit();
    }
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      assertEquals(Set.of(key(i, 0)), cluster.ids(i, "t"), "s" + i + " after commit");
      assertEquals(List.of("all"), cluster.column(i, "SELECT DISTINCT v FROM t"));
      assertEquals(List.of("Germany"), cluster.column(i, "SELECT name FROM countries"));
    }
  }

  @Test
  void readsFromOtherShards_insideATransaction_workAndSeeOwnWrites() throws Exception {
    try (Connection setup = cluster.connect(); Statement s = setup.createStatement()) {
      s.executeUpdate("INSERT INTO t (id, v) VALUES (" + key(0, 0) + ", 'a'), (" + key(1, 0)
          + ", 'b'), (" + key(2, 0) + ", 'c'), (" + key(3, 0) + ", 'd')");
    }
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(key(2, 1))));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(rs.next());
        assertEquals(5, rs.getLong(1), "a scatter read in the transaction sees its own insert");
      }
      try (ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = " + key(3, 0))) {
        assertTrue(rs.next());
        assertEquals("d", rs.getString(1));
      }
      try (Connection other = cluster.connect(); Statement o = other.createStatement();
          ResultSet rs = o.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(rs.next());
        assertEquals(4, rs.getLong(1), "another connection does not see the uncommitted insert");
      }
      c.commit();
    }
  }

  @Test
  void setAutoCommitTrue_commitsTheOpenTransaction() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(key(3, 0))));
      assertEquals(1, s.executeUpdate(insert(key(2, 0))));
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
      assertEquals(Set.of(key(3, 0)), cluster.ids(3, "t"));
      assertEquals(Set.of(key(2, 0)), cluster.ids(2, "t"));
      // back in auto-commit, multi-shard writes are allowed again
      assertEquals(2, s.executeUpdate("INSERT INTO t (id, v) VALUES (" + key(0, 0) + ", 'a'), ("
          + key(1, 0) + ", 'b')"));
    }
  }

  @Test
  void closingTheConnection_rollsBackTheOpenTransaction() throws Exception {
    Connection c = cluster.connect();
    Statement s = c.createStatement();
    c.setAutoCommit(false);
    assertEquals(1, s.executeUpdate(insert(key(1, 0))));
    assertEquals(1, s.executeUpdate(insert(key(0, 0))));
    assertEquals(1, cluster.uncommittedSessions(1));
    assertEquals(1, cluster.uncommittedSessions(0));
    c.close();
    assertEquals(0, cluster.uncommittedSessions(1));
    assertEquals(0, cluster.uncommittedSessions(0));
    assertEquals(Set.of(), cluster.ids(1, "t"));
    assertEquals(Set.of(), cluster.ids(0, "t"));
  }

  @Test
  void sqlCommitAndRollbackStatements_controlTheTransaction() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate(insert(key(0, 0)));
      s.execute("ROLLBACK");
      s.executeUpdate(insert(key(0, 1)));
      s.execute("COMMIT");
      assertFalse(c.getAutoCommit());
    }
    assertEquals(Set.of(key(0, 1)), cluster.ids(0, "t"));
  }

  /**
   * H2 commits the open transaction before DDL, and so does the cluster: the DDL then reaches
   * every shard, and the transaction's earlier write is committed, as on one H2 database.
   */
  @Test
  void ddlOnShardedTable_insideATransaction_commitsItFirstThenRunsEverywhere() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate(insert(key(0, 0)));
      s.execute("ALTER TABLE t ADD COLUMN extra INT");
      c.rollback(); // nothing left to roll back: the DDL committed the transaction
    }
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      assertEquals(List.of("EXTRA"), cluster.column(i, "SELECT COLUMN_NAME FROM"
          + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'T' AND COLUMN_NAME = 'EXTRA'"));
    }
    assertEquals(Set.of(key(0, 0)), cluster.ids(0, "t"), "the DDL committed the transaction");
  }

  /**
   * DDL on the default shard inside a transaction that also wrote to another shard: H2 commits the
   * default shard's branch implicitly, so a later rollback would undo only the other shard. Plain H2
   * commits the whole transaction at the DDL; here the shards must at least agree — the DDL refused,
   * or both writes kept, never one of them.
   */
  @Test
  void ddlOnDefaultShard_insideATransactionWritingSeveralShards_neverCommitsHalf()
      throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(key(0, 0)))); // s0 is the default shard
      assertEquals(1, s.executeUpdate(insert(key(1, 0))));
      try {
        s.execute("CREATE TABLE scratch_in_tx(id INT)");
      } catch (SQLException refused) {
        // refusing is a fine answer
      }
      c.rollback();
    } finally {
      cluster.onEveryShard("DROP TABLE IF EXISTS scratch_in_tx");
    }
    boolean onS0 = cluster.ids(0, "t").contains(key(0, 0));
    boolean onS1 = cluster.ids(1, "t").contains(key(1, 0));
    assertEquals(onS0, onS1, "half a transaction survived: s0 has its row " + onS0
        + ", s1 has its row " + onS1);
  }

  /**
   * A result set still open at commit: whatever its holdability says must be what happens —
   * HOLD_CURSORS_OVER_COMMIT keeps delivering the rows, CLOSE_CURSORS_AT_COMMIT closes it.
   */
  @Test
  void resultSetOpenAcrossCommit_behavesAsItsHoldabilitySays() throws Exception {
    try (Connection setup = cluster.connect(); Statement s = setup.createStatement()) {
      for (int shard = 0; shard < H2Cluster.SHARDS; shard++) {
        s.executeUpdate(insert(key(shard, 0)));
        s.executeUpdate(insert(key(shard, 1)));
      }
    }
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id");
      assertTrue(rs.next());
      int holdability = rs.getHoldability();
      c.commit();
      if (holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT) {
        int n = 1;
        while (rs.next()) {
          n++;
        }
        assertEquals(8, n, "a held cursor delivers every row after the commit");
      } else {
        assertTrue(rs.isClosed(), "CLOSE_CURSORS_AT_COMMIT: the result set is closed by commit");
      }
      rs.close();
    }
  }

  @Test
  void commitAndRollback_inAutoCommit_throw() throws Exception {
    try (Connection c = cluster.connect()) {
      assertThrows(SQLException.class, c::commit);
      assertThrows(SQLException.class, c::rollback);
    }
  }

  @Test
  void isolationLevel_changeInsideAnOpenTransaction_isRefused() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      c.setAutoCommit(false);
      s.executeUpdate(insert(key(0, 0)));
      assertThrows(SQLException.class,
          () -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
      c.rollback();
    }
  }

  private static String insert(int id) {
    return "INSERT INTO t (id, v) VALUES (" + id + ", 'v')";
  }
}
