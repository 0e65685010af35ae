package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PreparedStatement parameters: every common setter binds the same value through a routed (one
 * shard) and a scattered (every shard) statement; LIMIT and OFFSET take parameters; a missing
 * parameter is SQLState 07001.
 */
class ParameterTest {

  private static final String COLUMNS = "bo, ti, si, i, bi, re, dp, de, vc, vb, d, tm, ts, u";
  private static final String TYPED_DDL = "CREATE TABLE typed(id INT PRIMARY KEY, bo BOOLEAN,"
      + " ti TINYINT, si SMALLINT, i INT, bi BIGINT, re REAL, dp DOUBLE PRECISION,"
      + " de DECIMAL(12,3), vc VARCHAR(50), vb VARBINARY(20), d DATE, tm TIME, ts TIMESTAMP(6),"
      + " u UUID, cl CLOB, bl BLOB)";

  @TempDir
  static Path dir;
  static H2Cluster cluster;
  static Connection plain;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "params", """
        tables:
          t: { sharding-key: id }
          typed: { sharding-key: id }
          cal: { sharding-key: id }
        """, true);
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))", TYPED_DDL,
        "CREATE TABLE cal(id INT PRIMARY KEY, d DATE, tm TIME, ts TIMESTAMP)");
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      StringBuilder sql = new StringBuilder("INSERT INTO t (id, v) VALUES ");
      for (int id = 1; id <= 50; id++) {
        sql.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'v").append(id)
            .append("')");
      }
      s.executeUpdate(sql.toString());
    }
    plain = DriverManager.getConnection("jdbc:h2:mem:params_plain_" + System.nanoTime());
    try (Statement s = plain.createStatement()) {
      s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
      s.execute("INSERT INTO t SELECT X, 'v' || X FROM SYSTEM_RANGE(1, 50)");
      s.execute("CREATE TABLE cal(id INT PRIMARY KEY, d DATE, tm TIME, ts TIMESTAMP)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    cluster.close();
  }

  // ---- every common type ----------------------------------------------------------------------

  /** The values of row {@code id}; each row differs so a wrong match is visible. */
  private static Object[] values(int id) {
    return new Object[] {id % 2 == 0, (byte) id, (short) (1000 + id), 100_000 + id,
        10_000_000_000L + id, 1.5f + id, 2.25d + id, new BigDecimal(id + ".125"), "text " + id,
        new byte[] {1, 2, (byte) id}, Date.valueOf(LocalDate.of(2020, 1, id)),
        Time.valueOf(LocalTime.of(10, id, 30)),
        Timestamp.valueOf(LocalDateTime.of(2021, 2, 3, 4, 5, 6, id * 1000)),
        new UUID(0x1234L, id)};
  }

  /** Binds {@code v} with the type-specific setters, from parameter {@code first}. */
  private static void bindWithSetters(PreparedStatement ps, int first, Object[] v)
      throws SQLException {
    int p = first;
    ps.setBoolean(p++, (Boolean) v[0]);
    ps.setByte(p++, (Byte) v[1]);
    ps.setShort(p++, (Short) v[2]);
    ps.setInt(p++, (Integer) v[3]);
    ps.setLong(p++, (Long) v[4]);
    ps.setFloat(p++, (Float) v[5]);
    ps.setDouble(p++, (Double) v[6]);
    ps.setBigDecimal(p++, (BigDecimal) v[7]);
    ps.setString(p++, (String) v[8]);
    ps.setBytes(p++, (byte[]) v[9]);
    ps.setDate(p++, (Date) v[10]);
    ps.setTime(p++, (Time) v[11]);
    ps.setTimestamp(p++, (Timestamp) v[12]);
    ps.setObject(p, v[13]);
  }

  /** Binds {@code v} with setObject and java.time values where JDBC 4.2 allows them. */
  private static void bindWithObjects(PreparedStatement ps, int first, Object[] v)
      throws SQLException {
    int p = first;
    for (int i = 0; i < v.length; i++) {
      Object o = v[i];
      if (o instanceof Date d) {
        o = d.toLocalDate();
      } else if (o instanceof Time t) {
        o = t.toLocalTime();
      } else if (o instanceof Timestamp ts) {
        o = ts.toLocalDateTime();
      }
      ps.setObject(p++, o);
    }
  }

  private static void insertTyped(Connection c, int id, boolean objects) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO typed (id, " + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      if (objects) {
        bindWithObjects(ps, 2, values(id));
      } else {
        bindWithSetters(ps, 2, values(id));
      }
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static final String MATCH_ALL = "bo = ? AND ti = ? AND si = ? AND i = ? AND bi = ?"
      + " AND re = ? AND dp = ? AND de = ? AND vc = ? AND vb = ? AND d = ? AND tm = ? AND ts = ?"
      + " AND u = ?";

  @Test
  void everyCommonSetter_boundThroughRoutedAndScatteredQueries_matchesTheRow() throws Exception {
    try (Connection c = cluster.connect()) {
      for (int id = 1; id <= 8; id++) {
        insertTyped(c, id, false);
      }
      for (int id = 1; id <= 8; id++) {
        try (PreparedStatement routed = c.prepareStatement(
            "SELECT id FROM typed WHERE id = ? AND " + MATCH_ALL)) {
          routed.setInt(1, id);
          bindWithSetters(routed, 2, values(id));
          assertEquals(List.of(id), ids(routed), "routed match of row " + id);
        }
        try (PreparedStatement scattered = c.prepareStatement(
            "SELECT id FROM typed WHERE " + MATCH_ALL)) {
          bindWithSetters(scattered, 1, values(id));
          assertEquals(List.of(id), ids(scattered), "scattered match of row " + id);
        }
        try (PreparedStatement objects = c.prepareStatement(
            "SELECT id FROM typed WHERE " + MATCH_ALL)) {
          bindWithObjects(objects, 1, values(id));
          assertEquals(List.of(id), ids(objects), "setObject/java.time match of row " + id);
        }
      }
      assertRowsReadBack(c, 1, 8);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM typed");
      }
    }
  }

  @Test
  void setObjectWithJavaTimeValues_insertedThenReadBack_equalTheValues() throws Exception {
    try (Connection c = cluster.connect()) {
      for (int id = 11; id <= 16; id++) {
        insertTyped(c, id, true);
      }
      assertRowsReadBack(c, 11, 16);
      try (Statement s = c.createStatement()) {
        assertEquals(6, s.executeUpdate("DELETE FROM typed"));
      }
    }
  }

  private static void assertRowsReadBack(Connection c, int from, int to) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT id, " + COLUMNS + " FROM typed ORDER BY id")) {
      for (int id = from; id <= to; id++) {
        assertTrue(rs.next());
        assertEquals(id, rs.getInt("id"));
        Object[] v = values(id);
        assertEquals(v[0], rs.getBoolean("bo"));
        assertEquals(v[1], rs.getByte("ti"));
        assertEquals(v[2], rs.getShort("si"));
        assertEquals(v[3], rs.getInt("i"));
        assertEquals(v[4], rs.getLong("bi"));
        assertEquals(v[5], rs.getFloat("re"));
        assertEquals(v[6], rs.getDouble("dp"));
        assertEquals(v[7], rs.getBigDecimal("de"));
        assertEquals(v[8], rs.getString("vc"));
        assertArrayEquals((byte[]) v[9], rs.getBytes("vb"));
        assertEquals(v[10], rs.getDate("d"));
        assertEquals(v[11], rs.getTime("tm"));
        assertEquals(v[12], rs.getTimestamp("ts"));
        assertEquals(v[13], rs.getObject("u", UUID.class));
      }
      assertFalse(rs.next());
    }
  }

  @Test
  void setNullOfEveryType_andNullObject_storeNull() throws Exception {
    int[] types = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
        Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.VARCHAR, Types.VARBINARY, Types.DATE,
        Types.TIME, Types.TIMESTAMP, Types.OTHER};
    try (Connection c = cluster.connect()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO typed (id, " + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setInt(1, 21);
        for (int i = 0; i < types.length; i++) {
          ps.setNull(i + 2, types[i]);
        }
        assertEquals(1, ps.executeUpdate());
        ps.setInt(1, 22);
        for (int i = 0; i < types.length; i++) {
          ps.setObject(i + 2, null);
        }
        assertEquals(1, ps.executeUpdate());
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT id, " + COLUMNS + " FROM typed WHERE id IN (21, 22) ORDER BY id")) {
        for (int id = 21; id <= 22; id++) {
          assertTrue(rs.next());
          for (int col = 2; col <= types.length + 1; col++) {
            assertNull(rs.getObject(col), "column " + col + " of row " + id);
            assertTrue(rs.wasNull());
          }
        }
        assertEquals(2, s.executeUpdate("DELETE FROM typed"));
      }
    }
  }

  @Test
  void streamClobBlobAndTypedSetObject_bindTheirContent() throws Exception {
    try (Connection c = cluster.connect()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO typed (id, vc, cl, bl, de, i) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setInt(1, 31);
        ps.setCharacterStream(2, new StringReader("from a reader"));
        ps.setClob(3, new StringReader("a clob"));
        ps.setBinaryStream(4, new ByteArrayInputStream("a blob".getBytes(StandardCharsets.UTF_8)));
        ps.setObject(5, "12.5", Types.DECIMAL);
        ps.setObject(6, "77", JDBCType.INTEGER);
        assertEquals(1, ps.executeUpdate());
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT vc, cl, bl, de, i FROM typed WHERE id = ? AND vc = ?")) {
        ps.setInt(1, 31);
        ps.setNString(2, "from a reader");
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("a clob", rs.getString("cl"));
          assertArrayEquals("a blob".getBytes(StandardCharsets.UTF_8), rs.getBytes("bl"));
          assertEquals(0, new BigDecimal("12.5").compareTo(rs.getBigDecimal("de")));
          assertEquals(77, rs.getInt("i"));
        }
      }
      try (Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("DELETE FROM typed WHERE id = 31"));
      }
    }
  }

  /**
   * setDate/setTime/setTimestamp with a Calendar: the value is interpreted in the calendar's time
   * zone. What lands in the shard must equal what plain H2 stores for the same calls.
   */
  @Test
  void calendarSetters_storeTheSameValuesAsPlainH2() throws Exception {
    Calendar kiritimati = Calendar.getInstance(TimeZone.getTimeZone("Pacific/Kiritimati"));
    Calendar honolulu = Calendar.getInstance(TimeZone.getTimeZone("Pacific/Honolulu"));
    Date date = Date.valueOf("2020-06-15");
    Time time = Time.valueOf("10:20:30");
    Timestamp ts = Timestamp.valueOf("2020-06-15 23:30:00");
    String insert = "INSERT INTO cal (id, d, tm, ts) VALUES (?, ?, ?, ?)";
    String select = "SELECT CAST(d AS VARCHAR), CAST(tm AS VARCHAR), CAST(ts AS VARCHAR)"
        + " FROM cal WHERE id = ?";
    try (Connection c = cluster.connect()) {
      int id = 40;
      for (Calendar cal : List.of(kiritimati, honolulu)) {
        id++;
        for (Connection target : List.of(c, plain)) {
          try (PreparedStatement ps = target.prepareStatement(insert)) {
            ps.setInt(1, id);
            ps.setDate(2, date, cal);
            ps.setTime(3, time, cal);
            ps.setTimestamp(4, ts, cal);
            assertEquals(1, ps.executeUpdate());
          }
        }
        assertEquals(row(plain, select, id), row(c, select, id),
            "calendar " + cal.getTimeZone().getID() + ": sharded vs plain H2");
      }
      try (Statement s = c.createStatement(); Statement p = plain.createStatement()) {
        s.executeUpdate("DELETE FROM cal");
        p.executeUpdate("DELETE FROM cal");
      }
    }
  }

  private static List<Object> row(Connection c, String sql, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        return row;
      }
    }
  }

  // ---- LIMIT and OFFSET -----------------------------------------------------------------------

  @Test
  void limitAndOffsetParameters_onScatteredQuery_pageLikePlainH2() throws Exception {
    String[] queries = {
        "SELECT id FROM t ORDER BY id LIMIT ? OFFSET ?",
        "SELECT id FROM t ORDER BY id DESC LIMIT ? OFFSET ?",
        "SELECT id FROM t ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
        "SELECT id, v FROM t WHERE id > 3 ORDER BY v LIMIT ? OFFSET ?"};
    int[][] pages = {{5, 0}, {5, 10}, {1, 49}, {10, 45}, {0, 0}, {100, 0}, {3, 60}};
    try (Connection c = cluster.connect()) {
      for (String sql : queries) {
        for (int[] page : pages) {
          assertEquals(ids(plain, sql, page[0], page[1]), ids(c, sql, page[0], page[1]),
              sql + " with " + page[0] + ", " + page[1]);
        }
      }
    }
  }

  @Test
  void limitParameter_onRoutedQuery_limitsRows() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id FROM t WHERE id = ? ORDER BY id LIMIT ?")) {
      ps.setInt(1, 9);
      ps.setInt(2, 0);
      assertEquals(List.of(), ids(ps));
      ps.setInt(2, 1);
      assertEquals(List.of(9), ids(ps));
    }
  }

  @Test
  void limitParameter_boundAsLongOrString_isAcceptedLikePlainH2() throws Exception {
    String sql = "SELECT id FROM t ORDER BY id LIMIT ?";
    try (Connection c = cluster.connect(); PreparedStatement ps = c.prepareStatement(sql);
        PreparedStatement p = plain.prepareStatement(sql)) {
      ps.setLong(1, 3L);
      assertEquals(List.of(1, 2, 3), ids(ps));
      p.setString(1, "3");
      assertEquals(List.of(1, 2, 3), ids(p), "plain H2 converts a string LIMIT");
      ps.setString(1, "3");
      assertEquals(List.of(1, 2, 3), ids(ps));
    }
  }

  @Test
  void limitAndOffsetParameters_boundAsStrings_pageLikePlainH2() throws Exception {
    String sql = "SELECT id FROM t ORDER BY id LIMIT ? OFFSET ?";
    try (Connection c = cluster.connect(); PreparedStatement ps = c.prepareStatement(sql);
        PreparedStatement p = plain.prepareStatement(sql)) {
      for (PreparedStatement each : List.of(p, ps)) {
        each.setString(1, "2");
        each.setString(2, "4");
      }
      assertEquals(List.of(5, 6), ids(p), "plain H2 converts string LIMIT and OFFSET");
      assertEquals(List.of(5, 6), ids(ps));
    }
  }

  /** Parameters anywhere in a scattered query, including clauses evaluated by the merge. */
  @Test
  void parametersInSelectListWhereHavingAndLimit_bindLikePlainH2() throws Exception {
    Object[][] cases = {
        {"SELECT id, ? AS tag FROM t WHERE v <> ? ORDER BY id LIMIT 5", "x", "v3"},
        {"SELECT MOD(id, 3) AS m, COUNT(*) AS c FROM t WHERE id > ? GROUP BY MOD(id, 3)"
            + " HAVING COUNT(*) > ? ORDER BY m", 10, 12},
        {"SELECT MAX(id) - ? FROM t WHERE id < ?", 1, 30},
        {"SELECT id FROM t WHERE id BETWEEN ? AND ? ORDER BY v DESC", 5, 9},
        {"SELECT id FROM t WHERE v LIKE ? ORDER BY id OFFSET ? ROWS", "v1%", 3},
        {"SELECT id, v FROM t WHERE id IN (?, ?, ?) ORDER BY id", 3, 33, 44}};
    try (Connection c = cluster.connect()) {
      for (Object[] each : cases) {
        String sql = (String) each[0];
        assertEquals(table(plain, sql, each), table(c, sql, each), sql);
      }
    }
  }

  private static List<List<Object>> table(Connection c, String sql, Object[] params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 1; i < params.length; i++) {
        ps.setObject(i, params[i]);
      }
      List<List<Object>> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int width = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= width; i++) {
            row.add(rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    }
  }

  private static List<Integer> ids(Connection c, String sql, int first, int second)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, first);
      ps.setInt(2, second);
      return ids(ps);
    }
  }

  private static List<Integer> ids(PreparedStatement ps) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  // ---- missing and misplaced parameters -------------------------------------------------------

  @Test
  void unsetParameter_onExecute_throws07001() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement q = c.prepareStatement("SELECT * FROM t WHERE id = ? AND v = ?");
        PreparedStatement u = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
      q.setInt(1, 1);
      assertSqlState("07001", assertThrows(SQLException.class, q::executeQuery));
      assertSqlState("07001", assertThrows(SQLException.class, q::execute));
      u.setString(1, "x");
      assertSqlState("07001", assertThrows(SQLException.class, u::executeUpdate));
      assertSqlState("07001", assertThrows(SQLException.class, u::addBatch));
      q.setString(2, "v1");
      q.clearParameters();
      q.setString(2, "v1");
      assertSqlState("07001", assertThrows(SQLException.class, q::executeQuery));
    }
  }

  @Test
  void parameterIndexOutOfRange_throws07009() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
      assertSqlState("07009", assertThrows(SQLException.class, () -> ps.setInt(2, 1)));
      assertSqlState("07009", assertThrows(SQLException.class, () -> ps.setInt(0, 1)));
      assertEquals(1, ps.getParameterMetaData().getParameterCount());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM t WHERE id = ?", "UPDATE t SET v = 'x' WHERE id = ?",
      "INSERT INTO t (id, v) VALUES (?, 'x')", "SELECT ?"})
  void plainStatementWithParameterMarker_throwsSQLException(String sql) throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertSqlState("07001", assertThrows(SQLException.class, () -> s.execute(sql)));
      assertThrows(SQLException.class, () -> s.executeQuery(sql));
      assertThrows(SQLException.class, () -> s.executeUpdate(sql));
      s.addBatch(sql);
      assertThrows(BatchUpdateException.class, s::executeBatch);
    }
  }

  @Test
  void shardingKeyBoundAsBytes_throwsSQLExceptionNotRuntimeException() throws Exception {
    try (PreparedStatement p = plain.prepareStatement("SELECT * FROM t WHERE id = ?")) {
      p.setBytes(1, new byte[] {1, 2});
      assertThrows(SQLException.class, p::executeQuery, "plain H2: 22018 conversion error");
    }
    List<String> wrong = new ArrayList<>();
    try (Connection c = cluster.connect()) {
      for (String sql : List.of("SELECT * FROM t WHERE id = ?", "UPDATE t SET v = 'b' WHERE id = ?",
          "DELETE FROM t WHERE id = ?", "INSERT INTO t (id, v) VALUES (?, 'b')",
          "EXPLAIN SELECT * FROM t WHERE id = ?")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setBytes(1, new byte[] {1, 2});
          ps.execute();
          wrong.add(sql + ": no exception");
        } catch (SQLException expected) {
          // what JDBC promises
        } catch (RuntimeException e) {
          wrong.add(sql + ": " + e);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setBytes(1, new byte[] {1, 2});
          ps.addBatch();
          ps.executeBatch();
          wrong.add(sql + " as batch: no exception");
        } catch (SQLException expected) {
          // what JDBC promises
        } catch (RuntimeException e) {
          wrong.add(sql + " as batch: " + e);
        }
      }
    }
    assertEquals(List.of(), wrong, "JDBC methods must throw SQLException");
  }

  @Test
  void shardingKeyBoundAsNull_matchesNothingOnSelectAndIsRefusedOnInsert() throws Exception {
    try (Connection c = cluster.connect()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE id = ?")) {
        ps.setNull(1, Types.INTEGER);
        assertEquals(List.of(), ids(ps));
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, 'n')")) {
        ps.setNull(1, Types.INTEGER);
        SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
        assertSqlState("23502", e);
      }
    }
  }

  private static void assertSqlState(String expected, SQLException e) {
    assertEquals(expected, e.getSQLState(), e::toString);
  }
}
