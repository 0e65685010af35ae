package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cluster runtime per config, shared by every connection on it and released by the last one;
 * once everything is closed no Sherd or HikariCP thread is left running. These tests run without
 * a witness connection, since they are about the runtime going away.
 */
class ClusterLifecycleTest {

  @TempDir
  static Path dir;
  static H2Cluster cluster;
  static H2Cluster other;

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "lifecycle", H2Cluster.DEFAULT_TABLES, false);
    other = H2Cluster.start(dir, "lifecycle_other", H2Cluster.DEFAULT_TABLES, false);
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
    other.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
    other.close();
  }

  @Test
  void twoConnections_sameConfig_shareOneRuntime() throws Exception {
    int before = ClusterRegistry.liveRuntimes();
    try (Connection a = cluster.connect(); Connection b = cluster.connect()) {
      assertEquals(before + 1, ClusterRegistry.liveRuntimes());
      assertSame(runtime(a), runtime(b));
    }
    assertEquals(before, ClusterRegistry.liveRuntimes());
  }

  @Test
  void closingTheLastConnection_releasesTheRuntime() throws Exception {
    int before = ClusterRegistry.liveRuntimes();
    Connection a = cluster.connect();
    Connection b = cluster.connect();
    ClusterRuntime runtime = runtime(a);
    a.close();
    assertEquals(before + 1, ClusterRegistry.liveRuntimes(), "b still uses the runtime");
    query(b);
    b.close();
    assertEquals(before, ClusterRegistry.liveRuntimes());
    try (Connection c = cluster.connect()) {
      assertNotSame(runtime, runtime(c), "a closed runtime was handed out again");
      query(c);
    }
  }

  @Test
  void close_twice_releasesOnce() throws Exception {
    int before = ClusterRegistry.liveRuntimes();
    try (Connection keep = cluster.connect()) {
      Connection c = cluster.connect();
      c.close();
      c.close();
      assertEquals(before + 1, ClusterRegistry.liveRuntimes(), "second close released again");
      query(keep);
    }
    assertEquals(before, ClusterRegistry.liveRuntimes());
  }

  @Test
  void differentConfigs_getDifferentRuntimes() throws Exception {
    int before = ClusterRegistry.liveRuntimes();
    try (Connection a = cluster.connect(); Connection b = other.connect()) {
      assertNotSame(runtime(a), runtime(b));
      assertEquals(before + 2, ClusterRegistry.liveRuntimes());
    }
    assertEquals(before, ClusterRegistry.liveRuntimes());
  }

  @Test
  void dataSource_keepsRuntimeUntilClosed_evenWithoutConnections() throws Exception {
    int before = ClusterRegistry.liveRuntimes();
    SherdDataSource ds = new SherdDataSource(cluster.url());
    ClusterRuntime first;
    try (Connection c = ds.getConnection()) {
      first = runtime(c);
    }
    assertEquals(before + 1, ClusterRegistry.liveRuntimes(), "the data source pins its runtime");
    try (Connection c = ds.getConnection()) {
      assertSame(first, runtime(c));
      ds.close();
      assertEquals(before + 1, ClusterRegistry.liveRuntimes(), "an open connection still uses it");
      query(c);
    }
    assertEquals(before, ClusterRegistry.liveRuntimes());
  }

  @Test
  void closedConnection_rejectsUse_with08003() throws Exception {
    Connection c = cluster.connect();
    Statement s = c.createStatement();
    c.close();
    assertTrue(c.isClosed());
    assertTrue(s.isClosed(), "closing a connection closes its statements");
    SQLException e = assertThrows(SQLException.class, c::createStatement);
    assertEquals("08003", e.getSQLState());
  }

  @Test
  void closingEverything_leavesNoSherdOrHikariThreadRunning() throws Exception {
    Set<String> before = poolThreads();
    int runtimesBefore = ClusterRegistry.liveRuntimes();
    SherdDataSource ds = new SherdDataSource(other.url());
    Connection a = cluster.connect();
    Connection b = cluster.connect();
    Connection c = ds.getConnection();
    for (Connection conn : List.of(a, b, c)) {
      for (int i = 0; i < 20; i++) {
        query(conn); // scatter: starts the scatter executor's threads too
      }
    }
    Set<String> running = poolThreads();
    running.removeAll(before);
    assertTrue(running.stream().anyMatch(n -> n.contains("scatter")),
        "expected scatter threads while connections are open: " + running);
    assertTrue(running.stream().anyMatch(n -> n.contains("housekeeper")),
        "expected pool threads while connections are open: " + running);
    a.close();
    b.close();
    c.close();
    ds.close();
    assertEquals(runtimesBefore, ClusterRegistry.liveRuntimes(), "runtimes left open");
    Supplier<Set<String>> leftOver = () -> {
      Set<String> now = poolThreads();
      now.removeAll(before);
      return now;
    };
    awaitTrue(Duration.ofSeconds(10), () -> leftOver.get().isEmpty(),
        () -> "threads still alive 10 s after everything was closed: " + leftOver.get());
  }

  @Test
  void closingEverything_withAShardDown_leavesNoThreadRunning() throws Exception {
    Set<String> before = poolThreads();
    int runtimesBefore = ClusterRegistry.liveRuntimes();
    String unique = "lifecycle_down_" + Long.toHexString(System.nanoTime());
    StringBuilder yaml = new StringBuilder("shards:\n");
    for (int i = 0; i < 4; i++) {
      yaml.append("  s").append(i).append(": { url: \"")
          .append(i == 3 ? "jdbc:h2:tcp://127.0.0.1:1/mem:" + unique : H2Cluster.shardUrl(unique, i))
          .append("\", user: sa, password: \"").append(H2Cluster.PASSWORD)
          .append("\", pool: { connectionTimeout: 1000 } }\n");
    }
    yaml.append("tables:\n  t: { sharding-key: id }\n");
    Path file = dir.resolve("down-lifecycle.yaml");
    H2Cluster.write(file, yaml.toString());
    try (Connection c = DriverManager.getConnection("jdbc:sherd:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE plain_local(id INT)"); // default shard s0: works
      assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT COUNT(*) FROM t"));
    }
    assertEquals(runtimesBefore, ClusterRegistry.liveRuntimes(), "runtimes left open");
    Supplier<Set<String>> leftOver = () -> {
      Set<String> now = poolThreads();
      now.removeAll(before);
      return now;
    };
    awaitTrue(Duration.ofSeconds(10), () -> leftOver.get().isEmpty(),
        () -> "threads still alive 10 s after everything was closed: " + leftOver.get());
    for (int i = 0; i < 3; i++) {
      try (Connection d = DriverManager.getConnection(H2Cluster.shardUrl(unique, i),
          H2Cluster.USER, H2Cluster.PASSWORD); Statement s = d.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  /** Names of live threads a Sherd runtime or a HikariCP pool may have started. */
  static Set<String> poolThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String n = t.getName();
      if (t.isAlive() && (n.startsWith("sherd-") || n.startsWith("HikariPool")
          || n.contains("sherd-"))) {
        names.add(n);
      }
    }
    return names;
  }

  /** Polls {@code condition} until it holds or {@code limit} passes. */
  static void awaitTrue(Duration limit, BooleanSupplier condition, Supplier<String> message)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(message.get());
      }
      Thread.sleep(20);
    }
  }

  private static ClusterRuntime runtime(Connection c) throws SQLException {
    return c.unwrap(SherdConnection.class).runtime();
  }

  private static void query(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      assertTrue(rs.next());
    }
  }
}
