package dev.sherd.jdbc.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result set answered from the cache behaves as the one the shards give: the same metadata, the
 * same value from every getter (or the same failure), the same {@code wasNull}, and the JDBC
 * life cycle of a result set. Compared column by column, getter by getter, against a connection
 * that opted out of the cache.
 */
class CachedResultSetTest {

  @TempDir
  static Path dir;
  static CacheCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = CacheCluster.start(dir, "resultset", "cache: true\n");
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(40),"
          + " big BIGINT, amount DECIMAL(12,2), ratio DOUBLE PRECISION, flag BOOLEAN,"
          + " code CHAR(3), d DATE, tm TIME, ts TIMESTAMP, zoned TIMESTAMP WITH TIME ZONE,"
          + " bytes VARBINARY(8), uid UUID)");
      s.execute("INSERT INTO t (id, v, note, big, amount, ratio, flag, code, d, tm, ts,"
          + " zoned, bytes, uid) VALUES (1, 10, 'one', 9000000000, 12.50, 0.25, TRUE, 'abc',"
          + " DATE '2024-02-29', TIME '13:14:15', TIMESTAMP '2024-02-29 13:14:15.123456',"
          + " TIMESTAMP WITH TIME ZONE '2024-02-29 13:14:15+02:00', X'0102ff',"
          + " '123e4567-e89b-12d3-a456-426614174000')");
      s.execute("INSERT INTO t (id, v) VALUES (2, 20)"); // every other column NULL
      s.execute("INSERT INTO t (id, v, note, amount, flag) VALUES (3, -3, '42', -0.01, FALSE)");
      s.execute("INSERT INTO t (id, v, note, amount) VALUES (4, 40, '4.5', 100)");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    cluster.close();
  }

  @AfterEach
  void nothingLeaked() throws SQLException {
    assertEquals(0, cluster.activeShardConnections(), "leaked shard connections");
  }

  /**
   * Where the driver's own result sets (every merged result, and every cached one) differ from
   * H2's: a TIME read as a timestamp gets today's date from H2 and a conversion error (22) from
   * the driver (dev.sherd.jdbc.result.TemporalValues). A one-shard result uncached is H2's own.
   */
  private static final java.util.Set<String> KNOWN = java.util.Set.of("TM.getTimestamp",
      "TM.getObject(LocalDateTime)", "TM.getObject(OffsetDateTime)");

  /** Getters applied to every column; each yields a value or the failure's class and SQLState. */
  private static final List<String> GETTERS = List.of("getObject", "getString", "getInt",
      "getLong", "getShort", "getByte", "getDouble", "getFloat", "getBigDecimal", "getBoolean",
      "getBytes", "getDate", "getTime", "getTimestamp", "getObject(String)",
      "getObject(LocalDateTime)", "getObject(OffsetDateTime)", "getObject(LocalDate)");

  private static Object apply(ResultSet rs, String getter, int i) {
    try {
      Object v = switch (getter) {
        case "getObject" -> rs.getObject(i);
        case "getString" -> rs.getString(i);
        case "getInt" -> rs.getInt(i);
        case "getLong" -> rs.getLong(i);
        case "getShort" -> rs.getShort(i);
        case "getByte" -> rs.getByte(i);
        case "getDouble" -> rs.getDouble(i);
        case "getFloat" -> rs.getFloat(i);
        case "getBigDecimal" -> rs.getBigDecimal(i);
        case "getBoolean" -> rs.getBoolean(i);
        case "getBytes" -> rs.getBytes(i);
        case "getDate" -> rs.getDate(i);
        case "getTime" -> rs.getTime(i);
        case "getTimestamp" -> rs.getTimestamp(i);
        case "getObject(String)" -> rs.getObject(i, String.class);
        case "getObject(LocalDateTime)" -> rs.getObject(i, java.time.LocalDateTime.class);
        case "getObject(OffsetDateTime)" -> rs.getObject(i, java.time.OffsetDateTime.class);
        case "getObject(LocalDate)" -> rs.getObject(i, java.time.LocalDate.class);
        default -> throw new IllegalArgumentException(getter);
      };
      Object shown = v instanceof byte[] b ? Arrays.toString(b) : v;
      return shown + " wasNull=" + rs.wasNull();
    } catch (SQLException e) {
      return "fails " + (e.getSQLState() == null ? "" : e.getSQLState().substring(0, 2));
    }
  }

  /** Everything observable about the result, row by row. */
  private static List<String> observe(ResultSet rs) throws SQLException {
    List<String> seen = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      seen.add("column " + i + ": " + md.getColumnLabel(i) + " " + md.getColumnName(i) + " "
          + md.getColumnType(i) + " " + md.getColumnTypeName(i) + " " + md.getPrecision(i) + " "
          + md.getScale(i) + " " + md.isNullable(i) + " " + md.getColumnClassName(i) + " "
          + md.getTableName(i) + " " + md.isSigned(i) + " " + md.getColumnDisplaySize(i));
    }
    while (rs.next()) {
      seen.add("row " + rs.getRow());
      for (int i = 1; i <= md.getColumnCount(); i++) {
        for (String g : GETTERS) {
          seen.add(md.getColumnLabel(i) + "." + g + " = " + apply(rs, g, i));
        }
      }
      seen.add("by label: " + Objects.toString(rs.getObject(md.getColumnLabel(1).toLowerCase())));
    }
    return seen;
  }

  private static List<String> observe(Connection c, String sql, Object param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setObject(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return observe(rs);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM t WHERE id = ?",                        // one shard: the shard's own set
      "SELECT * FROM t WHERE id IN (1, 2, 3, 4) ORDER BY id", // merged across shards
      "SELECT flag, COUNT(*) AS n, SUM(amount) AS total, AVG(v) AS mean, MIN(note) AS lo"
          + " FROM t GROUP BY flag ORDER BY flag"})
  void cachedResult_isObservablyTheSameAsTheShardsResult(String sql) throws SQLException {
    Object param = sql.contains("?") ? 1 : null;
    try (Connection cached = cluster.connect(); Connection direct = cluster.connect()) {
      direct.setClientInfo(CacheSession.PROPERTY, "off");
      List<String> expected = observe(direct, sql, param);
      long hits = cluster.stats().hits();
      observe(cached, sql, param); // fills
      List<String> fromCache = observe(cached, sql, param);
      assertEquals(hits + 1, cluster.stats().hits(), "answered from the cache");
      assertEquals(expected.size(), fromCache.size());
      List<String> differences = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        if (!expected.get(i).equals(fromCache.get(i)) && !KNOWN.contains(expected.get(i)
            .replaceAll(" = .*", ""))) {
          differences.add("shards: " + expected.get(i) + " | cache: " + fromCache.get(i));
        }
      }
      assertEquals(List.of(), differences);
    }
  }

  @Test
  void cachedResult_nullsReportWasNull() throws SQLException {
    try (Connection c = cluster.connect()) {
      String sql = "SELECT note, amount, flag FROM t WHERE id = 2";
      CacheCluster.rows(c, sql);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(2));
        assertTrue(rs.wasNull());
        assertFalse(rs.getBoolean(3));
        assertTrue(rs.wasNull());
        assertEquals(null, rs.getString("NOTE"));
        assertTrue(rs.wasNull());
      }
    }
  }

  @Test
  void cachedResult_lifeCycle() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      String sql = "SELECT id, bytes FROM t WHERE id = 1";
      CacheCluster.rows(c, sql);
      ResultSet rs = s.executeQuery(sql);
      assertSame(s, rs.getStatement());
      assertTrue(rs.isBeforeFirst());
      assertTrue(rs.next());
      assertTrue(rs.isFirst());
      byte[] bytes = rs.getBytes(2);
      bytes[0] = 99; // the caller's own copy: the kept rows are untouched
      assertFalse(rs.next());
      assertTrue(rs.isAfterLast());
      assertThrows(SQLException.class, () -> rs.getInt(1), "no current row");
      rs.close();
      assertTrue(rs.isClosed());
      assertThrows(SQLException.class, rs::next);
      rs.close(); // twice: harmless
      try (ResultSet again = s.executeQuery(sql)) {
        again.next();
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, again.getBytes(2));
      }
      ResultSet open = s.executeQuery(sql);
      s.executeQuery("SELECT 1"); // re-executing closes the previous result set
      assertTrue(open.isClosed());
    }
  }

  @Test
  void sharedRows_manyReadersAtOnce() throws SQLException {
    try (Connection c = cluster.connect(); Statement a = c.createStatement();
        Statement b = c.createStatement()) {
      String sql = "SELECT id, v FROM t ORDER BY id";
      CacheCluster.rows(c, sql);
      try (ResultSet ra = a.executeQuery(sql); ResultSet rb = b.executeQuery(sql)) {
        assertTrue(ra.next());
        assertTrue(rb.next());
        assertTrue(rb.next());
        assertEquals(1, ra.getInt(1));
        assertEquals(2, rb.getInt(1));
      }
    }
  }
}
