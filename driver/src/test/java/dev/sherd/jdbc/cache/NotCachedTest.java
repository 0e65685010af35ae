package dev.sherd.jdbc.cache;

import static dev.sherd.jdbc.cache.CacheCluster.rows;
import static dev.sherd.jdbc.cache.CacheCluster.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements that must never be answered from the cache really are not: each is read, the row is
 * changed directly on the shards (behind the driver's back, so no generation moves), and read
 * again — it shows the change, which only the shards knew.
 */
class NotCachedTest {

  @TempDir
  static Path dir;
  static CacheCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = CacheCluster.start(dir, "notcached", "cache: { ttl: 1h, exclude: [u] }\n");
    cluster.createTables();
  }

  @AfterAll
  static void stop() throws SQLException {
    cluster.close();
  }

  @AfterEach
  void nothingLeaked() throws SQLException {
    assertEquals(0, cluster.activeShardConnections(), "leaked shard connections");
  }

  /** Adds 1 to every v of t, u and audit on every shard, without the driver. */
  private static void changeBehindTheDriversBack() throws SQLException {
    for (int i = 0; i < CacheCluster.SHARDS; i++) {
      try (Connection c = cluster.direct(i); Statement s = c.createStatement()) {
        s.execute("UPDATE t SET v = v + 1");
        s.execute("UPDATE u SET v = v + 1");
        s.execute("UPDATE audit SET v = v + 1");
      }
    }
  }

  private static void assertReadsTheShards(Connection c, String sql) throws SQLException {
    List<List<Object>> first = rows(c, sql);
    long hits = cluster.stats().hits();
    changeBehindTheDriversBack();
    assertNotEquals(first, rows(c, sql), "read again from the shards");
    assertEquals(hits, cluster.stats().hits(), "no hit");
  }

  @Test
  void control_aCacheableQueryIsAnsweredFromTheCache() throws SQLException {
    try (Connection c = cluster.connect()) {
      String sql = "SELECT SUM(v) FROM t WHERE id < 6";
      List<List<Object>> first = rows(c, sql);
      changeBehindTheDriversBack();
      assertEquals(first, rows(c, sql), "kept (the TTL bounds this staleness)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT v, CURRENT_TIMESTAMP AS ts FROM t WHERE id = 1",
      "SELECT v, NOW() AS ts FROM t WHERE id = 2",
      "SELECT v, RAND() AS r FROM t WHERE id = 3",
      "SELECT v, RANDOM_UUID() AS u FROM t ORDER BY id",
      "SELECT /* sherd:no_cache */ SUM(v) FROM t",
      "SELECT /*+ sherd_no_cache */ SUM(v) FROM t",
      "SELECT SUM(v) FROM t -- sherd:no_cache",
      "SELECT SUM(v) FROM u",                       // cache.exclude
      "SELECT SUM(v) FROM audit"})                  // tables.audit.cache: false
  void neverCached(String sql) throws SQLException {
    try (Connection c = cluster.connect()) {
      long bypasses = cluster.stats().bypasses();
      assertReadsTheShards(c, sql);
      assertTrue(cluster.stats().bypasses() >= bypasses + 2);
    }
  }

  @Test
  void selectForUpdate_isNeverCached() throws SQLException {
    try (Connection c = cluster.connect()) {
      c.setAutoCommit(false);
      List<List<Object>> first = rows(c, "SELECT v FROM t WHERE id = 5 FOR UPDATE");
      c.commit();
      changeBehindTheDriversBack();
      assertNotEquals(first, rows(c, "SELECT v FROM t WHERE id = 5 FOR UPDATE"));
      c.commit();
      c.setAutoCommit(true);
    }
  }

  @Test
  void connectionThatOptedOut_readsTheShards_andCanOptBackIn() throws SQLException {
    try (Connection c = cluster.connect()) {
      c.setClientInfo(CacheSession.PROPERTY, "off");
      assertReadsTheShards(c, "SELECT SUM(v) FROM t WHERE id > 2");
      c.setClientInfo(CacheSession.PROPERTY, "on");
      List<List<Object>> first = rows(c, "SELECT SUM(v) FROM t WHERE id > 2");
      changeBehindTheDriversBack();
      assertEquals(first, rows(c, "SELECT SUM(v) FROM t WHERE id > 2"));
      assertThrows(SQLClientInfoException.class,
          () -> c.setClientInfo(CacheSession.PROPERTY, "sometimes"));
    }
  }

  @Test
  void repeatableReadTransaction_readsTheShards() throws SQLException {
    try (Connection c = cluster.connect()) {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      List<List<Object>> first = rows(c, "SELECT COUNT(*), MAX(v) FROM t");
      c.commit();
      changeBehindTheDriversBack();
      assertNotEquals(first, rows(c, "SELECT COUNT(*), MAX(v) FROM t"));
      c.commit();
      c.setAutoCommit(true);
    }
  }

  @Test
  void readUncommitted_readsTheShards() throws SQLException {
    try (Connection c = cluster.connect()) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      assertReadsTheShards(c, "SELECT MIN(v) FROM t");
    }
  }

  @Test
  void parameterWithSetters_isNotPartOfAKey_soTheQueryRuns() throws SQLException {
    String sql = "SELECT SUM(v) FROM t WHERE CAST(? AS TIMESTAMP) > TIMESTAMP '2000-01-01 00:00:00'";
    try (Connection c = cluster.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      java.util.Date now = new java.util.Date(); // mutable, and not one of the java.sql classes
      ps.setObject(1, now);
      long before;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        before = rs.getLong(1);
      }
      changeBehindTheDriversBack();
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(before + 8, rs.getLong(1));
      }
    }
  }

  @Test
  void streamParameter_isReadIntoAValue_andKeysTheCacheByIt() throws SQLException {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE note = ?")) {
      ps.setCharacterStream(1, new StringReader("n6"));
      long first;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        first = rs.getLong(1);
      }
      long hits = cluster.stats().hits();
      ps.setCharacterStream(1, new StringReader("n6"));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(first, rs.getLong(1));
      }
      assertEquals(hits + 1, cluster.stats().hits());
    }
  }

  @Test
  void resultHoldingLobs_isReturnedButNotKept() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      long rejections = cluster.stats().rejections();
      for (int round = 0; round < 2; round++) {
        try (ResultSet rs = s.executeQuery(
            "SELECT id, CAST(note AS CLOB) AS doc FROM t WHERE id = 7")) {
          assertTrue(rs.next());
          Clob doc = rs.getClob(2);
          assertEquals("n7", doc.getSubString(1, (int) doc.length()));
        }
      }
      assertEquals(rejections + 2, cluster.stats().rejections());
    }
  }

  @Test
  void maxRows_isPartOfTheKey() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      String sql = "SELECT id FROM t ORDER BY id";
      assertEquals(8, rows(c, sql).size());
      s.setMaxRows(3);
      try (ResultSet rs = s.executeQuery(sql)) {
        assertEquals(3, CacheCluster.rows(rs).size());
      }
      assertEquals(8, scalar(c, "SELECT COUNT(*) FROM t"));
    }
  }
}
