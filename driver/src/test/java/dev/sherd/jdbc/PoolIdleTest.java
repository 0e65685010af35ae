package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ShardPools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shard connection a statement borrows goes back to its pool: after many scatter queries,
 * after a statement closed with its result set still open, after a connection closed with open
 * statements, and after failures.
 */
class PoolIdleTest {

  @TempDir
  static Path dir;
  static H2Cluster cluster;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "pools");
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      StringBuilder sql = new StringBuilder("INSERT INTO t (id, v) VALUES ");
      for (int id = 1; id <= 100; id++) {
        sql.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'v").append(id)
            .append("')");
      }
      assertEquals(100, s.executeUpdate(sql.toString()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void tenThousandScatterQueries_eachClosed_leaveEveryPoolIdle() throws Exception {
    try (Connection c = cluster.connect()) {
      for (int i = 0; i < 5_000; i++) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          assertTrue(rs.next());
          assertEquals(100, rs.getLong(1));
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id LIMIT 5")) {
          for (int id = 1; id <= 5; id++) {
            assertTrue(rs.next());
            assertEquals(id, rs.getInt("id"));
          }
          assertFalse(rs.next());
        }
      }
      assertPoolsIdle(c);
    }
  }

  @Test
  void preparedScatterQueries_reexecutedWithoutClosingResults_leaveEveryPoolIdle()
      throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE v <> ? ORDER BY id")) {
      for (int i = 0; i < 500; i++) {
        ps.setString(1, "v" + i);
        ResultSet rs = ps.executeQuery(); // the next execution closes it
        assertTrue(rs.next());
      }
    }
    // the invariants check runs after the connection is closed; check while open, too
    try (Connection c = cluster.connect()) {
      assertPoolsIdle(c);
    }
  }

  @Test
  void statementClosed_resultSetLeftOpen_releasesShardConnections() throws Exception {
    try (Connection c = cluster.connect()) {
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id");
      assertTrue(rs.next());
      assertActiveSomewhere(c);
      s.close();
      assertTrue(rs.isClosed(), "closing a statement closes its result set");
      assertPoolsIdle(c);
    }
  }

  @Test
  void connectionClosed_withOpenStatementsAndResultSets_releasesShardConnections()
      throws Exception {
    Connection c = cluster.connect();
    Statement s1 = c.createStatement();
    Statement s2 = c.createStatement();
    PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?");
    ResultSet scatter = s1.executeQuery("SELECT * FROM t ORDER BY id");
    ResultSet aggregate = s2.executeQuery("SELECT COUNT(*), MAX(id) FROM t");
    ps.setInt(1, 7);
    ResultSet routed = ps.executeQuery();
    assertTrue(scatter.next());
    assertTrue(routed.next());
    try (Connection probe = cluster.connect()) {
      assertActiveSomewhere(probe);
      c.close();
      assertTrue(scatter.isClosed() && aggregate.isClosed() && routed.isClosed());
      assertTrue(s1.isClosed() && s2.isClosed() && ps.isClosed());
      assertPoolsIdle(probe);
    }
  }

  @Test
  void failingScatterQuery_releasesShardConnections() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      for (int i = 0; i < 50; i++) {
        assertThrows(SQLException.class, () -> s.executeQuery("SELECT nope FROM t"));
        assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT nope FROM t ORDER BY id LIMIT 3"));
        assertThrows(SQLException.class, () -> s.executeQuery("SELECT nope FROM t WHERE id = 4"));
      }
      assertPoolsIdle(c);
    }
  }

  @Test
  void resultSetReadToTheEnd_thenClosed_releasesShardConnections() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertEquals(100, n);
      }
      assertPoolsIdle(c);
    }
  }

  @Test
  void writesAndMetadataCalls_releaseShardConnections() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      for (int i = 0; i < 100; i++) {
        assertEquals(100, s.executeUpdate("UPDATE t SET v = v"));
        assertEquals(1, s.executeUpdate("UPDATE t SET v = v WHERE id = 3"));
        c.getTransactionIsolation();
        c.getSchema();
        c.getCatalog();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
          assertEquals(2, ps.getMetaData().getColumnCount());
        }
      }
      assertPoolsIdle(c);
    }
  }

  @Test
  void concurrentScatterQueries_fromManyConnections_completeAndLeaveEveryPoolIdle() {
    int threads = 12; // more than the pool size (8) and the scatter executor's threads (4)
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(pool.submit(() -> {
            long sum = 0;
            try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
              for (int i = 0; i < 300; i++) {
                try (ResultSet rs = s.executeQuery("SELECT SUM(id) FROM t")) {
                  rs.next();
                  sum += rs.getLong(1);
                }
                try (ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id DESC LIMIT 2")) {
                  rs.next();
                  sum += rs.getLong(1) - 100;
                }
              }
            }
            return sum;
          }));
        }
        for (Future<Long> f : results) {
          assertEquals(300L * 5050, f.get());
        }
      } finally {
        pool.shutdownNow();
      }
      try (Connection c = cluster.connect()) {
        assertPoolsIdle(c);
      }
    });
  }

  @Test
  void closeOnCompletion_closingTheLastResultSet_closesTheStatement() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.closeOnCompletion();
      ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id");
      rs.close();
      assertTrue(s.isClosed(), "JDBC: closeOnCompletion closes the statement once its result"
          + " sets are closed");
    }
  }

  private static void assertPoolsIdle(Connection c) throws SQLException {
    ShardPools pools = c.unwrap(SherdConnection.class).runtime().pools();
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      assertEquals(0, pools.activeConnections(i), "active connections of shard s" + i);
    }
  }

  private static void assertActiveSomewhere(Connection c) throws SQLException {
    ShardPools pools = c.unwrap(SherdConnection.class).runtime().pools();
    int active = 0;
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      active += pools.activeConnections(i);
    }
    assertTrue(active > 0, "an open result set should hold shard connections");
  }
}
