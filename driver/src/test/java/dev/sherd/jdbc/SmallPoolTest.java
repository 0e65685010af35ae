package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shard pools of one connection each ({@code maximumPoolSize: 1}) are a valid configuration: one
 * logical connection at a time must be able to do everything, including a transaction that writes
 * to several shards — nothing may need a second connection to a shard it already holds.
 */
class SmallPoolTest {

  @TempDir
  static Path dir;
  static String unique;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    unique = "smallpool_" + Long.toHexString(System.nanoTime());
    StringBuilder yaml = new StringBuilder("shards:\n");
    for (int i = 0; i < 4; i++) {
      yaml.append("  s").append(i).append(": { url: \"").append(H2Cluster.shardUrl(unique, i))
          .append("\", user: sa, password: \"").append(H2Cluster.PASSWORD)
          .append("\", pool: { maximumPoolSize: 1, connectionTimeout: 1000 } }\n");
    }
    yaml.append("tables:\n  t: { sharding-key: id }\n");
    Path file = dir.resolve("small-pool.yaml");
    H2Cluster.write(file, yaml.toString());
    url = "jdbc:sherd:" + file;
    for (int i = 0; i < 4; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (int i = 0; i < 4; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  @BeforeEach
  void empty() throws Exception {
    for (int i = 0; i < 4; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        s.execute("DELETE FROM t");
      }
    }
  }

  @Test
  void scatterQueriesAndMultiShardWrites_inAutoCommit_work() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        assertEquals(8, s.executeUpdate("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'),"
            + " (3, 'c'), (4, 'd'), (5, 'e'), (6, 'f'), (7, 'g'), (8, 'h')"));
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          assertTrue(rs.next());
          assertEquals(8, rs.getLong(1));
        }
        assertEquals(8, s.executeUpdate("DELETE FROM t"));
      }
    });
  }

  @Test
  void transactionWritingSeveralShards_commits() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      List<Integer> keys = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        for (int id = 1; keys.size() < 2; id++) {
          String shard = RoutingTest.routeShards(
              s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id)).get(0);
          if (keys.isEmpty() || !shard.equals(RoutingTest.routeShards(s.executeQuery(
              "EXPLAIN SELECT * FROM t WHERE id = " + keys.get(0))).get(0))) {
            keys.add(id);
          }
        }
        c.setAutoCommit(false);
        for (int id : keys) {
          assertEquals(1, s.executeUpdate("INSERT INTO t (id, v) VALUES (" + id + ", 'tx')"));
        }
        c.commit();
        c.setAutoCommit(true);
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          assertTrue(rs.next());
          assertEquals(2, rs.getLong(1));
        }
        assertEquals(2, s.executeUpdate("DELETE FROM t"));
      }
    });
  }

  private static Connection direct(int shard) throws SQLException {
    return DriverManager.getConnection(H2Cluster.shardUrl(unique, shard), H2Cluster.USER,
        H2Cluster.PASSWORD);
  }
}
