package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CursorResultSetTest {

  private static final List<ColumnInfo> COLUMNS = List.of(Columns.bigint("ID"),
      Columns.varchar("NAME"), Columns.numeric("AMOUNT", 12, 2));

  private static CursorResultSet resultSet(Object[]... rows) {
    return new CursorResultSet(ListCursor.of(3, rows), COLUMNS, null, null);
  }

  private static CursorResultSet twoRows() {
    return resultSet(new Object[] {1L, "a", new BigDecimal("1.50")},
        new Object[] {null, null, null});
  }

  @Test
  void next_walksRowsAndCountsThem() throws SQLException {
    try (ResultSet rs = twoRows()) {
      assertEquals(0, rs.getRow());
      assertTrue(rs.next());
      assertEquals(1, rs.getRow());
      assertEquals(1L, rs.getLong(1));
      assertEquals("a", rs.getString("name"));
      assertTrue(rs.next());
      assertEquals(2, rs.getRow());
      assertFalse(rs.next());
      assertEquals(0, rs.getRow());
      assertFalse(rs.next());
    }
  }

  @Test
  void getInt_ofNull_isZeroAndWasNull() throws SQLException {
    try (ResultSet rs = twoRows()) {
      rs.next();
      rs.getInt(1);
      assertFalse(rs.wasNull());
      rs.next();
      assertEquals(0, rs.getInt(1));
      assertTrue(rs.wasNull());
      assertNull(rs.getBigDecimal(3));
      assertTrue(rs.wasNull());
      assertFalse(rs.getBoolean(2));
      assertTrue(rs.wasNull());
    }
  }

  @Test
  void findColumn_isCaseInsensitiveAndFirstMatchWins() throws SQLException {
    List<ColumnInfo> columns = List.of(Columns.bigint("X"), Columns.bigint("x"),
        Columns.bigint("Y"));
    try (ResultSet rs = new CursorResultSet(ListCursor.of(3, new Object[] {1L, 2L, 3L}), columns,
        null, null)) {
      rs.next();
      assertEquals(1, rs.findColumn("x"));
      assertEquals(1L, rs.getLong("X"));
      assertEquals(3L, rs.getLong("y"));
    }
  }

  @Test
  void findColumn_unknownLabel_namesLabelAndAvailableOnes() throws SQLException {
    try (ResultSet rs = twoRows()) {
      rs.next();
      SQLException e = assertThrows(SQLSyntaxErrorException.class, () -> rs.getString("nope"));
      assertEquals("42S22", e.getSQLState());
      assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
      assertTrue(e.getMessage().contains("[ID, NAME, AMOUNT]"), e.getMessage());
    }
  }

  @Test
  void getters_withoutCurrentRow_fail24000() throws SQLException {
    try (ResultSet rs = twoRows()) {
      SQLException before = assertThrows(SQLException.class, () -> rs.getLong(1));
      assertEquals("24000", before.getSQLState());
      assertTrue(before.getMessage().contains("call next()"), before.getMessage());
      while (rs.next()) {
        rs.getObject(1);
      }
      SQLException after = assertThrows(SQLException.class, () -> rs.getObject(1));
      assertEquals("24000", after.getSQLState());
      assertTrue(after.getMessage().contains("after the last row"), after.getMessage());
    }
  }

  @Test
  void getters_columnIndexOutOfRange_fail07009() throws SQLException {
    try (ResultSet rs = twoRows()) {
      rs.next();
      assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(0)).getSQLState());
      assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(4)).getSQLState());
    }
  }

  @Test
  void getInt_ofText_fails22018NamingTheColumn() throws SQLException {
    try (ResultSet rs = twoRows()) {
      rs.next();
      SQLDataException e = assertThrows(SQLDataException.class, () -> rs.getInt("name"));
      assertEquals("22018", e.getSQLState());
      assertTrue(e.getMessage().startsWith("column NAME: "), e.getMessage());
    }
  }

  @Test
  void close_closesCursorThenRunsOnCloseExactlyOnce() throws SQLException {
    List<String> events = new ArrayList<>();
    RowCursor cursor = emptyCursor(() -> events.add("cursor"));
    ResultSet rs = new CursorResultSet(cursor, COLUMNS, null, () -> events.add("onClose"));
    assertFalse(rs.isClosed());
    rs.close();
    rs.close();
    assertTrue(rs.isClosed());
    assertEquals(List.of("cursor", "onClose"), events);
  }

  @Test
  void close_whenCursorFails_stillRunsOnCloseAndReportsBoth() {
    AtomicInteger onCloseRuns = new AtomicInteger();
    RowCursor cursor = emptyCursor(() -> {
      throw new SQLException("cursor close failed", "08006");
    });
    ResultSet rs = new CursorResultSet(cursor, COLUMNS, null, () -> {
      onCloseRuns.incrementAndGet();
      throw new IllegalStateException("release failed");
    });
    SQLException e = assertThrows(SQLException.class, rs::close);
    assertEquals("08006", e.getSQLState());
    assertEquals(1, e.getSuppressed().length);
    assertEquals(1, onCloseRuns.get());
    assertDoesNotThrowSql(rs::close);
    assertEquals(1, onCloseRuns.get());
  }

  @Test
  void everyMethod_afterClose_fails24000() throws Exception {
    ResultSet rs = twoRows();
    rs.next();
    rs.close();
    int checked = 0;
    for (Method m : ResultSet.class.getMethods()) {
      String name = m.getName();
      if (name.equals("close") || name.equals("isClosed") || name.equals("unwrap")
          || name.equals("isWrapperFor") || m.isDefault()) {
        continue;
      }
      Throwable thrown = invoke(rs, m);
      assertInstanceOf(SQLException.class, thrown, m.toString());
      if (!(thrown instanceof SQLFeatureNotSupportedException)) {
        assertEquals("24000", ((SQLException) thrown).getSQLState(), m.toString());
        assertEquals("result set is closed", thrown.getMessage(), m.toString());
        checked++;
      }
    }
    assertTrue(checked > 60, "only " + checked + " methods checked");
  }

  @Test
  void updateAndScrollMethods_failFeatureNotSupportedNamingTheMethod() throws Exception {
    try (ResultSet rs = twoRows()) {
      rs.next();
      int checked = 0;
      for (Method m : ResultSet.class.getMethods()) {
        String name = m.getName();
        if (name.startsWith("update") || name.startsWith("row") || name.equals("insertRow")
            || name.equals("deleteRow") || name.equals("refreshRow") || name.startsWith("moveTo")
            || name.equals("cancelRowUpdates") || name.equals("previous") || name.equals("first")
            || name.equals("last") || name.equals("absolute") || name.equals("relative")
            || name.equals("beforeFirst") || name.equals("afterLast") || name.equals("isLast")
            || name.equals("getCursorName")) {
          Throwable thrown = invoke(rs, m);
          assertInstanceOf(SQLFeatureNotSupportedException.class, thrown, m.toString());
          assertTrue(thrown.getMessage().contains(name), m + ": " + thrown.getMessage());
          checked++;
        }
      }
      assertTrue(checked > 100, "only " + checked + " methods checked");
    }
  }

  @Test
  void isBeforeFirst_readsAheadWithoutLosingTheFirstRow() throws SQLException {
    try (ResultSet rs = twoRows()) {
      assertTrue(rs.isBeforeFirst());
      assertTrue(rs.isBeforeFirst());
      assertFalse(rs.isFirst());
      assertTrue(rs.next());
      assertTrue(rs.isFirst());
      assertFalse(rs.isBeforeFirst());
      assertEquals(1L, rs.getLong(1));
      assertTrue(rs.next());
      assertFalse(rs.isFirst());
      assertFalse(rs.isAfterLast());
      assertFalse(rs.next());
      assertTrue(rs.isAfterLast());
    }
  }

  @Test
  void positionQueries_onEmptyResult_areAllFalse() throws SQLException {
    try (ResultSet rs = resultSet()) {
      assertFalse(rs.isBeforeFirst());
      assertFalse(rs.next());
      assertFalse(rs.isBeforeFirst());
      assertFalse(rs.isAfterLast());
      assertFalse(rs.isFirst());
    }
  }

  @Test
  void properties_describeAForwardOnlyReadOnlyResult() throws SQLException {
    Statement owner = null;
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:properties")) {
      owner = c.createStatement();
      try (ResultSet rs = new CursorResultSet(ListCursor.of(3), COLUMNS, owner, null)) {
        assertSame(owner, rs.getStatement());
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, rs.getHoldability());
        assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
        rs.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertThrows(SQLFeatureNotSupportedException.class,
            () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
        rs.setFetchSize(100);
        assertEquals(100, rs.getFetchSize());
        assertThrows(SQLException.class, () -> rs.setFetchSize(-1));
        assertNull(rs.getWarnings());
        rs.clearWarnings();
        assertEquals(3, rs.getMetaData().getColumnCount());
        assertEquals("AMOUNT", rs.getMetaData().getColumnLabel(3));
        assertTrue(rs.isWrapperFor(CursorResultSet.class));
        assertSame(rs, rs.unwrap(ResultSet.class));
        assertFalse(rs.isWrapperFor(Connection.class));
        assertThrows(SQLException.class, () -> rs.unwrap(Connection.class));
      }
    }
  }

  @Test
  void constructor_columnCountMismatch_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CursorResultSet(ListCursor.of(2), COLUMNS, null, null));
    assertTrue(e.getMessage().contains("2 columns but 3"), e.getMessage());
  }

  @Test
  void lobGetters_fromTextAndBytes_giveInMemoryLobs() throws Exception {
    List<ColumnInfo> columns = List.of(Columns.varchar("T"), Columns.varchar("B"));
    byte[] bytes = {1, 2, (byte) 0xff};
    try (ResultSet rs = new CursorResultSet(ListCursor.of(2, new Object[] {"héllo", bytes}),
        columns, null, null)) {
      rs.next();
      Clob clob = rs.getClob(1);
      assertEquals("héllo", clob.getSubString(1, (int) clob.length()));
      try (Reader reader = rs.getCharacterStream("t")) {
        char[] chars = new char[10];
        assertEquals(5, reader.read(chars));
      }
      try (InputStream ascii = rs.getAsciiStream(1)) {
        assertEquals(5, ascii.readAllBytes().length);
      }
      Blob blob = rs.getBlob(2);
      assertArrayEquals(bytes, blob.getBytes(1, (int) blob.length()));
      try (InputStream in = rs.getBinaryStream(2)) {
        assertArrayEquals(bytes, in.readAllBytes());
      }
      assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), rs.getBytes(1));
    }
  }

  @Test
  void lobGetters_fromH2Lobs_readThem() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:lobs");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE L(C CLOB, B BLOB)");
      s.execute("INSERT INTO L VALUES ('some text', X'0102FF')");
      try (ResultSet rs = new CursorResultSet(
          new ShardCursor("s1", s.executeQuery("SELECT C, B FROM L"), null),
          List.of(Columns.varchar("C"), Columns.varchar("B")), null, null)) {
        rs.next();
        assertInstanceOf(Clob.class, rs.getObject(1));
        assertEquals("some text", rs.getString(1));
        assertSame(rs.getObject(1), rs.getClob(1));
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rs.getBytes(2));
        try (InputStream in = rs.getBinaryStream(2)) {
          assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, in.readAllBytes());
        }
      }
    }
  }

  @Test
  void getObject_unsupportedTypeOrTypeMap_failFeatureNotSupported() throws SQLException {
    try (ResultSet rs = twoRows()) {
      rs.next();
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getObject(1, List.class));
      assertThrows(SQLFeatureNotSupportedException.class,
          () -> rs.getObject(1, Map.of("T", String.class)));
      assertEquals(1L, rs.getObject(1, Map.of()));
    }
  }

  @Test
  void getString_ofDecfloatColumn_usesScientificNotationLikeH2() throws SQLException {
    List<ColumnInfo> columns = List.of(Columns.decfloat("D", 27), Columns.numeric("N", 40, 0));
    BigDecimal big = new BigDecimal("1E+20");
    try (ResultSet rs = new CursorResultSet(ListCursor.of(2, new Object[] {big, big}), columns,
        null, null)) {
      rs.next();
      assertEquals("1E+20", rs.getString(1));
      assertEquals("100000000000000000000", rs.getString(2));
    }
  }

  private static Throwable invoke(ResultSet rs, Method m) throws IllegalAccessException {
    Object[] args = new Object[m.getParameterCount()];
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      args[i] = types[i] == int.class ? 1 : types[i] == long.class ? 1L
          : types[i] == boolean.class ? true : types[i] == byte.class ? (byte) 1
          : types[i] == short.class ? (short) 1 : types[i] == float.class ? 1f
          : types[i] == double.class ? 1d : types[i] == String.class ? "ID"
          : types[i] == Class.class ? String.class : null;
    }
    try {
      m.invoke(rs, args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static RowCursor emptyCursor(SqlAction onClose) {
    return new RowCursor() {
      @Override public boolean next() {
        return false;
      }

      @Override public Object[] row() {
        throw new IllegalStateException("no row");
      }

      @Override public int width() {
        return 3;
      }

      @Override public void close() throws SQLException {
        onClose.run();
      }
    };
  }

  private static void assertDoesNotThrowSql(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }
}
