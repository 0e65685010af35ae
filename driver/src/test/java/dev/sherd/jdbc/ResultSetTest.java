package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's view of results: forward-only, getters by label and index, wasNull,
 * getObject with a class, and metadata equal to what plain H2 reports for the same query over the
 * same rows in one database.
 */
class ResultSetTest {

  private static final String DDL = "CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20),"
      + " amount DECIMAL(12,2), n INT, d DATE)";

  @TempDir
  static Path dir;
  static H2Cluster cluster;
  static Connection plain;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "results");
    cluster.onEveryShard(DDL);
    plain = DriverManager.getConnection("jdbc:h2:mem:results_plain_" + System.nanoTime());
    StringBuilder insert = new StringBuilder("INSERT INTO t (id, v, amount, n, d) VALUES ");
    for (int id = 1; id <= 40; id++) {
      boolean nulls = id % 7 == 0;
      insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", ")
          .append(nulls ? "NULL" : "'g" + (id % 5) + "'").append(", ")
          .append(nulls ? "NULL" : id + ".25").append(", ")
          .append(nulls ? "NULL" : String.valueOf(id * 3)).append(", ")
          .append(nulls ? "NULL" : "DATE '2024-01-" + String.format("%02d", 1 + id % 28) + "'")
          .append(")");
    }
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        Statement p = plain.createStatement()) {
      p.execute(DDL);
      assertEquals(40, s.executeUpdate(insert.toString()));
      assertEquals(40, p.executeUpdate(insert.toString()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    cluster.close();
  }

  // ---- metadata and values against plain H2 ---------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM t ORDER BY id",
      "SELECT id AS k, v AS label, amount FROM t ORDER BY id",
      "SELECT v FROM t ORDER BY id",
      "SELECT t.id, t.n FROM t WHERE t.id = 3",
      "SELECT COUNT(*) FROM t",
      "SELECT COUNT(*), SUM(amount), AVG(amount), MIN(v), MAX(id), SUM(n), AVG(n) FROM t",
      "SELECT COUNT(v) AS c, MAX(d) AS latest FROM t",
      "SELECT v, COUNT(*) AS cnt, SUM(amount) AS total FROM t GROUP BY v ORDER BY v",
      "SELECT DISTINCT v FROM t ORDER BY v",
      "SELECT id, amount * 2 AS dbl, n + 1 FROM t ORDER BY id DESC LIMIT 3",
      "SELECT SUM(amount), COUNT(*) FROM t WHERE id > 1000",
      "SELECT id, v FROM t WHERE id IN (1, 2, 3, 4) ORDER BY id"})
  void metadataAndRows_equalPlainH2(String sql) throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet sharded = s.executeQuery(sql);
        Statement p = plain.createStatement(); ResultSet expected = p.executeQuery(sql)) {
      assertEquals(describe(expected.getMetaData()), describe(sharded.getMetaData()),
          "metadata of " + sql);
      assertEquals(rows(expected), rows(sharded), "rows of " + sql);
    }
  }

  private static List<String> describe(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add("label=" + md.getColumnLabel(i) + " name=" + md.getColumnName(i)
          + " type=" + md.getColumnType(i) + " typeName=" + md.getColumnTypeName(i)
          + " precision=" + md.getPrecision(i) + " scale=" + md.getScale(i)
          + " nullable=" + md.isNullable(i) + " class=" + md.getColumnClassName(i));
    }
    return out;
  }

  private static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    int width = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      Object[] row = new Object[width];
      for (int i = 0; i < width; i++) {
        Object v = rs.getObject(i + 1);
        row[i] = v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v;
      }
      out.add(Arrays.asList(row));
    }
    return out;
  }

  // ---- cursor ---------------------------------------------------------------------------------

  @Test
  void resultSet_isForwardOnlyAndReadOnly() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertTrue(rs.next());
      for (Executable move : List.<Executable>of(rs::previous, rs::first, rs::last,
          rs::beforeFirst, rs::afterLast, () -> rs.absolute(3), () -> rs.relative(1))) {
        assertThrows(SQLException.class, move);
      }
      assertThrows(SQLException.class, () -> rs.updateInt(1, 5));
      assertEquals(1, rs.getInt(1));
      int n = 1;
      while (rs.next()) {
        n++;
        assertEquals(n, rs.getRow());
      }
      assertEquals(40, n);
      assertFalse(rs.next());
      assertFalse(rs.next(), "next() after the end keeps returning false");
    }
  }

  @Test
  void getters_byLabelAndIndex_agreeAndLabelsAreCaseInsensitive() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT id, v AS label, amount, n, d FROM t WHERE id IN (1, 2, 3) ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertEquals(1, rs.getInt("id"));
      assertEquals(1, rs.getInt("ID"));
      assertEquals(1L, rs.getLong("Id"));
      assertEquals("g1", rs.getString(2));
      assertEquals("g1", rs.getString("label"));
      assertEquals("g1", rs.getString("LABEL"));
      assertEquals(new BigDecimal("1.25"), rs.getBigDecimal("amount"));
      assertEquals(1.25d, rs.getDouble(3));
      assertEquals("1.25", rs.getString("amount"));
      assertEquals(3, rs.getInt("n"));
      assertEquals(java.sql.Date.valueOf("2024-01-02"), rs.getDate("d"));
      assertEquals(5, rs.findColumn("d"));
      SQLException unknown = assertThrows(SQLException.class, () -> rs.getInt("nope"));
      assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
      assertThrows(SQLException.class, () -> rs.getInt(6));
      assertThrows(SQLException.class, () -> rs.getInt(0));
    }
  }

  @Test
  void wasNull_reportsTheLastReadColumn() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, v, amount, n, d FROM t WHERE id IN (7, 8)"
            + " ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals(7, rs.getInt("id"));
      assertFalse(rs.wasNull());
      assertEquals(0, rs.getInt("n"));
      assertTrue(rs.wasNull());
      assertNull(rs.getString("v"));
      assertTrue(rs.wasNull());
      assertNull(rs.getBigDecimal("amount"));
      assertTrue(rs.wasNull());
      assertNull(rs.getDate("d"));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject("n", Integer.class));
      assertTrue(rs.wasNull());
      assertTrue(rs.next());
      assertEquals(24, rs.getInt("n"));
      assertFalse(rs.wasNull());
    }
  }

  @Test
  void getObjectWithClass_convertsLikeJdbc42() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, v, amount, n, d FROM t WHERE id = 10")) {
      assertTrue(rs.next());
      assertEquals(Integer.valueOf(10), rs.getObject(1, Integer.class));
      assertEquals(Long.valueOf(10), rs.getObject("id", Long.class));
      assertEquals("10", rs.getObject(1, String.class));
      assertEquals("g0", rs.getObject("v", String.class));
      assertEquals(new BigDecimal("10.25"), rs.getObject("amount", BigDecimal.class));
      assertEquals(Integer.valueOf(30), rs.getObject("n", Integer.class));
      assertEquals(LocalDate.of(2024, 1, 11), rs.getObject("d", LocalDate.class));
      assertEquals(java.sql.Date.valueOf("2024-01-11"), rs.getObject(5, java.sql.Date.class));
    }
  }

  @Test
  void getObjectWithClass_onScatterAggregate_hasH2sJavaTypes() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(n), MAX(amount) FROM t")) {
      assertTrue(rs.next());
      assertEquals(Long.class, rs.getObject(1).getClass(), "COUNT(*) is BIGINT on H2");
      assertEquals(Long.class, rs.getObject(2).getClass(), "SUM(INT) is BIGINT on H2");
      assertEquals(Integer.valueOf(40), rs.getObject(1, Integer.class));
    }
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  @Test
  void close_twice_isHarmless() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id");
      assertTrue(rs.next());
      rs.close();
      rs.close();
      assertTrue(rs.isClosed());
      ResultSet routed = s.executeQuery("SELECT * FROM t WHERE id = 1");
      routed.close();
      routed.close();
      assertTrue(routed.isClosed());
    }
  }

  @Test
  void closedResultSet_throwsOnUse() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT id, v FROM t ORDER BY id");
      assertTrue(rs.next());
      rs.close();
      for (Executable use : List.<Executable>of(rs::next, () -> rs.getInt(1),
          () -> rs.getString("v"), rs::getMetaData, rs::wasNull, () -> rs.findColumn("id"))) {
        assertThrows(SQLException.class, use);
      }
    }
  }

  @Test
  void getter_beforeFirstAndAfterLast_throws() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM t WHERE id IN (1, 2)")) {
      assertThrows(SQLException.class, () -> rs.getInt(1));
      assertTrue(rs.next());
      assertTrue(rs.next());
      assertFalse(rs.next());
      assertThrows(SQLException.class, () -> rs.getInt(1));
    }
  }

  @Test
  void reexecutingTheStatement_closesThePreviousResultSet() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      ResultSet first = s.executeQuery("SELECT * FROM t ORDER BY id");
      ResultSet second = s.executeQuery("SELECT COUNT(*) FROM t");
      assertTrue(first.isClosed());
      assertSame(s, second.getStatement());
      assertSame(second, s.getResultSet());
      assertEquals(-1, s.getUpdateCount());
      second.close();
    }
  }

  @Test
  void maxRows_limitsRoutedAndScatteredResults() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.setMaxRows(3);
      assertEquals(3, rows(s.executeQuery("SELECT id FROM t ORDER BY id")).size());
      assertEquals(3, rows(s.executeQuery("SELECT id FROM t")).size());
      assertEquals(2, rows(s.executeQuery("SELECT id FROM t WHERE id IN (1, 2)")).size());
      assertEquals(List.of(List.of("Integer:1"), List.of("Integer:2"), List.of("Integer:3")),
          rows(s.executeQuery("SELECT id FROM t ORDER BY id LIMIT 10")));
      s.setMaxRows(0);
      assertEquals(40, rows(s.executeQuery("SELECT id FROM t")).size());
    }
  }

  @Test
  void holdability_ofConnectionStatementAndResultSet_agree() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id")) {
      assertEquals(c.getHoldability(), s.getResultSetHoldability(),
          "statement vs connection holdability");
      assertEquals(s.getResultSetHoldability(), rs.getHoldability(),
          "result set vs its statement's holdability");
    }
  }
}
