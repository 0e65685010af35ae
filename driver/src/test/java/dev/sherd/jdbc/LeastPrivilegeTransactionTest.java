package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ShardPools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
 * Shards reached with a least-privilege user: it may read and write the application's tables but
 * not create tables (so the driver cannot create its two-phase-commit decision table). Whatever a
 * cross-shard commit then does, it must be atomic: either it commits every shard, or it throws and
 * no shard keeps anything.
 */
class LeastPrivilegeTransactionTest {

  private static final String APP_USER = "APP";

  @TempDir
  static Path dir;
  static String unique;
  static String url;
  static Connection witness;

  @BeforeAll
  static void start() throws Exception {
    unique = "leastpriv_" + Long.toHexString(System.nanoTime());
    StringBuilder yaml = new StringBuilder("shards:\n");
    for (int i = 0; i < 4; i++) {
      try (Connection c = admin(i); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
        s.execute("CREATE USER " + APP_USER + " PASSWORD '" + H2Cluster.PASSWORD + "'");
        s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON t TO " + APP_USER);
      }
      // no DB_CLOSE_DELAY for the app user: setting it needs admin rights (the admin's first
      // connection already made the database outlive its connections)
      yaml.append("  s").append(i).append(": { url: \"jdbc:h2:mem:").append(unique).append("_s")
          .append(i)
          .append("\", user: ").append(APP_USER).append(", password: \"")
          .append(H2Cluster.PASSWORD).append("\", pool: { connectionTimeout: 2000 } }\n");
    }
    yaml.append("tables:\n  t: { sharding-key: id }\n");
    Path file = dir.resolve("least-privilege.yaml");
    H2Cluster.write(file, yaml.toString());
    url = "jdbc:sherd:" + file;
    witness = DriverManager.getConnection(url);
  }

  @AfterAll
  static void stop() throws Exception {
    witness.close();
    for (int i = 0; i < 4; i++) {
      try (Connection c = admin(i); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  @AfterEach
  void noLeakedShardConnection() throws Exception {
    ShardPools pools = witness.unwrap(SherdConnection.class).runtime().pools();
    assertEquals(List.of(), ShardLeaks.borrowed(pools, 4));
    for (int i = 0; i < 4; i++) {
      try (Connection c = admin(i); Statement s = c.createStatement()) {
        s.execute("DELETE FROM t");
      }
    }
  }

  @Test
  void singleShardWork_worksWithoutCreateRights() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        assertEquals(4, s.executeUpdate("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'),"
            + " (3, 'c'), (4, 'd')"));
        c.setAutoCommit(false);
        assertEquals(1, s.executeUpdate("UPDATE t SET v = 'x' WHERE id = 1"));
        c.commit();
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t WHERE v = 'x'")) {
          assertTrue(rs.next());
          assertEquals(1, rs.getLong(1));
        }
      }
    });
  }

  @Test
  void crossShardCommit_eitherCommitsEverywhereOrLeavesNothing() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      List<Integer> keys = keysOnTwoShards();
      SQLException failure = null;
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        for (int id : keys) {
          assertEquals(1, s.executeUpdate("INSERT INTO t (id, v) VALUES (" + id + ", 'tx')"));
        }
        try {
          c.commit();
        } catch (SQLException e) {
          failure = e;
        }
      }
      int present = 0;
      for (int i = 0; i < 4; i++) {
        try (Connection c = admin(i); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          assertTrue(rs.next());
          present += rs.getInt(1);
        }
      }
      if (failure == null) {
        assertEquals(2, present, "commit() succeeded, so both rows must be there");
      } else {
        assertEquals(0, present, "commit() threw (" + failure + ") but rows were committed");
      }
    });
  }

  /** Two keys of t on different shards, found through EXPLAIN. */
  private static List<Integer> keysOnTwoShards() throws SQLException {
    List<Integer> keys = new ArrayList<>();
    String first = null;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (int id = 1; keys.size() < 2; id++) {
        String shard = RoutingTest.routeShards(
            s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id)).get(0);
        if (first == null || !first.equals(shard)) {
          first = first == null ? shard : first;
          keys.add(id);
        }
      }
    }
    return keys;
  }

  private static Connection admin(int shard) throws SQLException {
    return DriverManager.getConnection(H2Cluster.shardUrl(unique, shard), H2Cluster.USER,
        H2Cluster.PASSWORD);
  }
}
