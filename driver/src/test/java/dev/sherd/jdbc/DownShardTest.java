package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ShardPools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One shard is down (its URL points at a TCP port nothing listens on): statements that need it
 * fail in bounded time naming it, never showing the password, and change nothing; statements
 * routed to the healthy shards keep working.
 */
class DownShardTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final int DOWN = 3;

  @TempDir
  static Path dir;
  static String unique;
  static String url;
  static Connection witness;

  @BeforeAll
  static void start() throws Exception {
    unique = "down_" + Long.toHexString(System.nanoTime());
    StringBuilder yaml = new StringBuilder("shards:\n");
    for (int i = 0; i < 4; i++) {
      String shardUrl = i == DOWN ? "jdbc:h2:tcp://127.0.0.1:1/mem:" + unique
          : H2Cluster.shardUrl(unique, i);
      yaml.append("  s").append(i).append(":\n    url: \"").append(shardUrl).append("\"\n")
          .append("    user: sa\n    password: \"").append(H2Cluster.PASSWORD).append("\"\n")
          .append("    pool: { connectionTimeout: 1000, maximumPoolSize: 4 }\n");
    }
    yaml.append("""
        default-shard: s0
        tables:
          t: { sharding-key: id }
          countries: { broadcast: true }
        """);
    Path file = dir.resolve("down.yaml");
    H2Cluster.write(file, yaml.toString());
    url = "jdbc:sherd:" + file;
    for (int i = 0; i < 4; i++) {
      if (i != DOWN) {
        try (Connection c = direct(i); Statement s = c.createStatement()) {
          s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
          s.execute("CREATE TABLE countries(code CHAR(2) PRIMARY KEY, name VARCHAR(40))");
        }
      }
    }
    witness = DriverManager.getConnection(url);
  }

  @AfterAll
  static void stop() throws Exception {
    witness.close();
    for (int i = 0; i < 4; i++) {
      if (i != DOWN) {
        try (Connection c = direct(i); Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
      }
    }
  }

  @AfterEach
  void noLeakedShardConnection() throws Exception {
    ShardPools pools = witness.unwrap(SherdConnection.class).runtime().pools();
    assertEquals(List.of(), ShardLeaks.borrowed(pools, 4));
  }

  @Test
  void scatterQuery_needingTheDownShard_failsInBoundedTimeNamingIt() {
    assertTimeoutPreemptively(BOUND, () -> {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT COUNT(*) FROM t"));
        assertNamesDownShard(e);
      }
    });
  }

  @Test
  void routedStatements_toHealthyShards_keepWorking() {
    assertTimeoutPreemptively(BOUND, () -> {
      List<Integer> healthy = keysOn(false, 6);
      try (Connection c = DriverManager.getConnection(url);
          PreparedStatement insert = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)");
          PreparedStatement select = c.prepareStatement("SELECT v FROM t WHERE id = ?");
          PreparedStatement delete = c.prepareStatement("DELETE FROM t WHERE id = ?")) {
        for (int id : healthy) {
          insert.setInt(1, id);
          insert.setString(2, "ok" + id);
          assertEquals(1, insert.executeUpdate());
          select.setInt(1, id);
          try (ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("ok" + id, rs.getString(1));
          }
          delete.setInt(1, id);
          assertEquals(1, delete.executeUpdate());
        }
      }
    });
  }

  @Test
  void routedStatements_toTheDownShard_failNamingIt() {
    assertTimeoutPreemptively(BOUND, () -> {
      int id = keysOn(true, 1).get(0);
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        assertNamesDownShard(assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT * FROM t WHERE id = " + id)));
        assertNamesDownShard(assertThrows(SQLException.class,
            () -> s.executeUpdate("INSERT INTO t (id, v) VALUES (" + id + ", 'x')")));
        // the healthy shards are still fine on the same connection afterwards
        try (ResultSet rs = s.executeQuery("SELECT 1")) {
          assertTrue(rs.next());
        }
      }
    });
  }

  @Test
  void multiShardWrites_includingTheDownShard_failAndChangeNothingOnHealthyShards() {
    assertTimeoutPreemptively(BOUND, () -> {
      List<Integer> keys = new ArrayList<>(keysOn(false, 3));
      keys.add(keysOn(true, 1).get(0));
      StringBuilder sql = new StringBuilder("INSERT INTO t (id, v) VALUES ");
      for (int i = 0; i < keys.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(").append(keys.get(i)).append(", 'm')");
      }
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        assertNamesDownShard(assertThrows(SQLException.class,
            () -> s.executeUpdate(sql.toString())));
        assertNamesDownShard(assertThrows(SQLException.class,
            () -> s.executeUpdate("INSERT INTO countries (code, name) VALUES ('DE', 'x')")));
        assertNamesDownShard(assertThrows(SQLException.class,
            () -> s.executeUpdate("UPDATE t SET v = 'u'")));
      }
      for (int i = 0; i < 4; i++) {
        if (i != DOWN) {
          try (Connection c = direct(i); Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(
                  "SELECT (SELECT COUNT(*) FROM t) + (SELECT COUNT(*) FROM countries)")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "rows written on healthy shard s" + i);
          }
        }
      }
    });
  }

  @Test
  void transaction_onAHealthyShard_commitsWhileAnotherShardIsDown() {
    assertTimeoutPreemptively(BOUND, () -> {
      int id = keysOn(false, 1).get(0);
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        assertEquals(1, s.executeUpdate("INSERT INTO t (id, v) VALUES (" + id + ", 'tx')"));
        c.commit();
        c.setAutoCommit(true);
        assertEquals(1, s.executeUpdate("DELETE FROM t WHERE id = " + id));
      }
    });
  }

  /**
   * An unavailable shard is a connection exception (SQLState class 08) every time, whether or not
   * the pool has already seen the shard's own connect error (H2 reports that as vendor state
   * 90067): applications decide on retry by the class, and it must not depend on timing.
   */
  @Test
  void unavailableShard_sqlState_isConnectionClass08EveryTime() {
    assertTimeoutPreemptively(BOUND, () -> {
      int id = keysOn(true, 1).get(0);
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        for (int attempt = 0; attempt < 3; attempt++) {
          SQLException e = assertThrows(SQLException.class,
              () -> s.executeQuery("SELECT * FROM t WHERE id = " + id));
          assertNamesDownShard(e);
          assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("08"),
              "attempt " + attempt + ": SQLState " + e.getSQLState() + " of " + e);
        }
      }
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static void assertNamesDownShard(SQLException e) {
    assertTrue(e.getMessage().contains("s" + DOWN), "error should name shard s" + DOWN + ": "
        + e.getMessage());
    NoSecrets.assertAbsent(H2Cluster.PASSWORD, e);
  }

  /** {@code n} keys of t that route to the down shard (or to healthy shards), via EXPLAIN. */
  private static List<Integer> keysOn(boolean down, int n) throws SQLException {
    List<Integer> keys = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (int id = 1; keys.size() < n; id++) {
        String shard = RoutingTest.routeShards(
            s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id)).get(0);
        if (shard.equals("s" + DOWN) == down) {
          keys.add(id);
        }
      }
    }
    return keys;
  }

  private static Connection direct(int shard) throws SQLException {
    return DriverManager.getConnection(H2Cluster.shardUrl(unique, shard), H2Cluster.USER,
        H2Cluster.PASSWORD);
  }
}
