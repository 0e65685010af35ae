package dev.sherd.jdbc.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SHOW CACHE} and the stats object agree, and neither touches a shard. */
class ShowCacheTest {

  @TempDir
  static Path dir;
  static CacheCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = CacheCluster.start(dir, "show", "cache:\n  max-bytes: 8MiB\n  ttl: 90s\n");
    cluster.createTables();
  }

  @AfterAll
  static void stop() throws SQLException {
    cluster.close();
  }

  private static Map<String, String> show(Statement s, String sql) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      assertEquals("NAME", rs.getMetaData().getColumnLabel(1));
      assertEquals("VALUE", rs.getMetaData().getColumnLabel(2));
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  @Test
  void showCache_reportsSettingsAndCounters() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      CacheCluster.rows(c, "SELECT SUM(v) FROM t");
      CacheCluster.rows(c, "SELECT SUM(v) FROM t");
      Map<String, String> shown = show(s, "show cache;");
      ResultCacheStats stats = cluster.stats();
      assertEquals("true", shown.get("enabled"));
      assertEquals(String.valueOf(8L << 20), shown.get("max_bytes"));
      assertEquals("90.0", shown.get("ttl_seconds"));
      assertEquals("audit", shown.get("excluded_tables"));
      assertEquals(String.valueOf(stats.hits()), shown.get("hits"));
      assertEquals(String.valueOf(stats.misses()), shown.get("misses"));
      assertEquals(String.valueOf(stats.entries()), shown.get("entries"));
      assertTrue(Long.parseLong(shown.get("bytes")) > 0);
      assertTrue(Double.parseDouble(shown.get("hit_rate")) > 0);
      assertTrue(shown.keySet().containsAll(java.util.List.of("evictions", "expirations",
          "invalidations", "bypasses", "stores", "rejections", "stale")));
      assertEquals(shown.keySet(), show(s, "  SHOW SHERD CACHE").keySet());
    }
  }

  @Test
  void isShowCache_onlyMatchesTheStatement() {
    assertTrue(CacheStatements.isShowCache("SHOW CACHE"));
    assertTrue(CacheStatements.isShowCache(" show  cache ; "));
    assertFalse(CacheStatements.isShowCache("SHOW CACHES"));
    assertFalse(CacheStatements.isShowCache("SELECT * FROM cache"));
    assertFalse(CacheStatements.isShowCache("SHOW TABLES"));
  }
}
