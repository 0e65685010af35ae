package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.jdbc.runtime.ShardPools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction whose shard dies before the commit: the failure is reported naming the shard, and
 * the logical connection is left in a state its own getters describe truthfully — never one that
 * throws NullPointerException on the next commit or rollback. Each test gets a fresh cluster,
 * because it shuts a shard database down.
 */
class TransactionFailureTest {

  private static final int VICTIM = 1;

  @TempDir
  Path dir;
  H2Cluster cluster;
  int victimKey;
  int healthyKey;

  @BeforeEach
  void start() throws Exception {
    cluster = H2Cluster.start(dir, "txfail", H2Cluster.DEFAULT_TABLES, true);
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
    victimKey = keyOn(VICTIM);
    healthyKey = keyOn(0);
  }

  @AfterEach
  void stop() throws Exception {
    ShardPools pools = cluster.runtime().pools();
    assertEquals(List.of(), ShardLeaks.borrowed(pools, H2Cluster.SHARDS));
    cluster.close();
  }

  @Test
  void commit_afterTheWrittenShardDied_failsNamingItAndReleasesEverything() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(victimKey)));
      killVictim();
      SQLException e = assertThrows(SQLException.class, c::commit);
      assertTrue(e.getMessage().contains("s" + VICTIM), e.getMessage());
      // the transaction is over; a new one on a healthy shard works
      assertEquals(1, s.executeUpdate(insert(healthyKey)));
      c.commit();
    }
    assertEquals(Set.of(healthyKey), cluster.ids(0, "t"));
  }

  /**
   * Two shards written; the one that does not hold the decision dies before the commit: its
   * prepare fails, so the transaction rolls back everywhere — the surviving shard keeps nothing.
   */
  @Test
  void commit_afterASecondWrittenShardDied_rollsBackTheSurvivingShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(healthyKey))); // first shard: holds the decision
      assertEquals(1, s.executeUpdate(insert(victimKey)));
      killVictim();
      SQLException e = assertThrows(SQLException.class, c::commit);
      assertInstanceOf(SQLTransactionRollbackException.class, e, e::toString);
      assertTrue(e.getMessage().contains("s" + VICTIM), e.getMessage());
      assertEquals(Set.of(), cluster.ids(0, "t"), "all-or-nothing: s0 must not keep its row");
      assertEquals(0, cluster.uncommittedSessions(0));
      assertEquals(0, cluster.inDoubtBranches(0));
      // the connection is usable for a new transaction
      assertEquals(1, s.executeUpdate(insert(healthyKey)));
      c.commit();
    }
    assertEquals(Set.of(healthyKey), cluster.ids(0, "t"));
  }

  @Test
  void setAutoCommitTrue_whenItsCommitFails_leavesAConsistentConnection() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(1, s.executeUpdate(insert(victimKey)));
      killVictim();
      SQLException e = assertThrows(SQLException.class, () -> c.setAutoCommit(true));
      assertTrue(e.getMessage().contains("s" + VICTIM), e.getMessage());
      boolean autoCommit = c.getAutoCommit();
      if (!autoCommit) {
        noRuntimeException("rollback() after a failed setAutoCommit(true)", c::rollback);
        noRuntimeException("commit() after a failed setAutoCommit(true)", c::commit);
      }
      assertEquals(1, s.executeUpdate(insert(healthyKey)));
      if (!autoCommit) {
        c.rollback();
        assertEquals(Set.of(), cluster.ids(0, "t"), "getAutoCommit() said false, but the insert"
            + " was not part of a transaction");
      } else {
        assertEquals(Set.of(healthyKey), cluster.ids(0, "t"));
      }
    }
  }

  private static void noRuntimeException(String what, Executable call) {
    try {
      call.execute();
    } catch (SQLException expectedOrNot) {
      // an SQLException is an acceptable answer
    } catch (Throwable t) {
      fail(what + " threw " + t, t);
    }
  }

  private void killVictim() throws SQLException {
    try (Connection c = cluster.direct(VICTIM); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  private int keyOn(int shard) throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      for (int id = 1; ; id++) {
        if (RoutingTest.routeShards(s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id))
            .equals(List.of("s" + shard))) {
          return id;
        }
      }
    }
  }

  private static String insert(int id) {
    return "INSERT INTO t (id, v) VALUES (" + id + ", 'v')";
  }
}
