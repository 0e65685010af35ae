package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors keep what applications branch on: a shard's own error keeps its SQLState, vendor code
 * and JDBC 4 subclass and names the shard; an unparseable statement on a sharded table is a
 * syntax error with its position; a refused statement is SQLFeatureNotSupportedException 0A000 and
 * changes nothing.
 */
class ErrorTest {

  @TempDir
  static Path dir;
  static H2Cluster cluster;
  static Connection plain;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "errors");
    String[] ddl = {"CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))",
        "CREATE TABLE countries(code CHAR(2) PRIMARY KEY, name VARCHAR(40))"};
    cluster.onEveryShard(ddl);
    plain = DriverManager.getConnection("jdbc:h2:mem:errors_plain_" + System.nanoTime());
    try (Statement s = plain.createStatement()) {
      for (String one : ddl) {
        s.execute(one);
      }
    }
    String rows = "INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'),"
        + " (5, 'e'), (6, 'f'), (7, 'g'), (8, 'h')";
    String country = "INSERT INTO countries (code, name) VALUES ('DE', 'Germany')";
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        Statement p = plain.createStatement()) {
      for (Statement each : List.of(s, p)) {
        each.executeUpdate(rows);
        each.executeUpdate(country);
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    cluster.close();
  }

  // ---- a shard's own errors -------------------------------------------------------------------

  @Test
  void duplicateKey_onRoutedInsert_keepsStateCodeAndClassAndNamesTheShard() throws Exception {
    int home = cluster.shardHolding("t", 5);
    String sql = "INSERT INTO t (id, v) VALUES (5, 'again')";
    SQLException expected = plainError(() -> plain.createStatement().executeUpdate(sql));
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
      assertSameError(expected, e, "s" + home);
      assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
    }
  }

  @Test
  void duplicateKey_onPreparedInsert_namesTheShard() throws Exception {
    int home = cluster.shardHolding("t", 3);
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
      ps.setInt(1, 3);
      ps.setString(2, "again");
      SQLException e = assertThrows(SQLIntegrityConstraintViolationException.class,
          ps::executeUpdate);
      assertEquals("23505", e.getSQLState());
      assertEquals(23505, e.getErrorCode());
      assertTrue(e.getMessage().startsWith("shard s" + home + ": "), e.getMessage());
    }
  }

  @Test
  void unknownColumn_onScatteredQuery_keepsStateCodeAndClassAndNamesAShard() throws Exception {
    String sql = "SELECT nope FROM t ORDER BY id";
    SQLException expected = plainError(() -> plain.createStatement().executeQuery(sql));
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
      assertSameError(expected, e, "s");
      assertInstanceOf(SQLSyntaxErrorException.class, e);
    }
  }

  @Test
  void unknownColumn_onRoutedQueryAndUpdate_namesTheRoutedShard() throws Exception {
    int home = cluster.shardHolding("t", 6);
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException q = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeQuery("SELECT nope FROM t WHERE id = 6"));
      assertTrue(q.getMessage().startsWith("shard s" + home + ": "), q.getMessage());
      assertEquals("42S22", q.getSQLState());
      assertEquals(42122, q.getErrorCode());
      SQLException u = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeUpdate("UPDATE t SET nope = 1 WHERE id = 6"));
      assertTrue(u.getMessage().startsWith("shard s" + home + ": "), u.getMessage());
      assertEquals("42S22", u.getSQLState());
    }
  }

  @Test
  void unknownTable_unlisted_namesTheDefaultShard() throws Exception {
    String sql = "SELECT * FROM no_such_table";
    SQLException expected = plainError(() -> plain.createStatement().executeQuery(sql));
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
      assertSameError(expected, e, "s0");
    }
  }

  @Test
  void conversionError_onScatteredQuery_isSQLDataExceptionWithH2State() throws Exception {
    String sql = "SELECT CAST(v || 'x' AS INT) FROM t";
    SQLException expected = plainError(() -> {
      try (ResultSet rs = plain.createStatement().executeQuery(sql)) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    });
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      });
      assertSameError(expected, e, "s");
      assertInstanceOf(SQLDataException.class, e);
    }
  }

  // ---- unparseable statements -----------------------------------------------------------------

  @Test
  void unparseableStatement_onShardedTable_isSyntaxErrorWithLineAndColumn() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeQuery("SELECT FROM t WHERE"));
      assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
      assertTrue(e.getSQLState().startsWith("42"), e.getSQLState());
      SQLSyntaxErrorException multiLine = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeQuery("SELECT id\nFROM t\nWHERE id = = 3"));
      assertTrue(multiLine.getMessage().contains("line 3, column"), multiLine.getMessage());
      SQLSyntaxErrorException prepared = assertThrows(SQLSyntaxErrorException.class,
          () -> c.prepareStatement("UPDATE t SET v = WHERE id = ?"));
      assertTrue(prepared.getMessage().contains("line 1, column"), prepared.getMessage());
    }
  }

  // ---- refusals -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO t SELECT id + 100, v FROM t",
      "INSERT INTO t VALUES (100, 'no column list')",
      "INSERT INTO t (id, v) VALUES (ABS(-100), 'computed key')",
      "UPDATE t SET id = id + 100",
      "MERGE INTO t KEY (id) VALUES (100, 'upsert')",
      "UPDATE countries SET name = (SELECT MAX(v) FROM t)",
      "INSERT INTO countries (code, name) SELECT 'XX', v FROM t WHERE id = 1",
      "CREATE VIEW tv AS SELECT * FROM t",
      "SET SCHEMA INFORMATION_SCHEMA",
      "SAVEPOINT sp1"})
  void refusedStatement_throwsFeatureNotSupported0A000AndChangesNothing(String sql)
      throws Exception {
    Set<Integer> before = allIds();
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
      assertInstanceOf(SQLFeatureNotSupportedException.class, e, e::toString);
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().length() > 20, "a refusal says why: " + e.getMessage());
    }
    assertEquals(before, allIds());
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      assertEquals(List.of("DE:Germany"),
          cluster.column(i, "SELECT code || ':' || name FROM countries"));
      assertTrue(!cluster.tableExists(i, "tv"));
    }
  }

  @Test
  void updateMovingARowToAnotherShard_isRefusedAndChangesNothing() throws Exception {
    int from = cluster.shardHolding("t", 1);
    int target = 2;
    while (shardOf(target) == from) {
      target++;
    }
    int to = target;
    Set<Integer> before = allIds();
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeUpdate("UPDATE t SET id = " + (to + 1000) + " WHERE id = 1"));
      assertEquals("0A000", e.getSQLState(), e::toString);
    }
    assertEquals(before, allIds());
  }

  @Test
  void unsupportedApi_throwsFeatureNotSupported0A000() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      List<Executable> calls = List.of(
          () -> c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY),
          () -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE),
          () -> c.prepareCall("CALL 1"),
          c::setSavepoint,
          () -> c.setSavepoint("x"),
          () -> c.setSchema("OTHER"),
          () -> s.setCursorName("c"),
          s::cancel);
      for (Executable call : calls) {
        SQLFeatureNotSupportedException e =
            assertThrows(SQLFeatureNotSupportedException.class, call);
        assertEquals("0A000", e.getSQLState(), e::toString);
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id")) {
        assertTrue(rs.next());
        SQLException e = assertThrows(SQLException.class, rs::previous);
        assertEquals("0A000", e.getSQLState(), e::toString);
      }
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static int shardOf(int id) throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      return Integer.parseInt(RoutingTest.routeShards(
          s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id)).get(0).substring(1));
    }
  }

  private static Set<Integer> allIds() throws SQLException {
    Set<Integer> ids = new TreeSet<>();
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      ids.addAll(cluster.ids(i, "t"));
    }
    return ids;
  }

  private static SQLException plainError(Executable e) {
    return assertThrows(SQLException.class, e, "plain H2 should fail too");
  }

  /** Same SQLState, vendor code and standard subclass as plain H2, message naming the shard. */
  private static void assertSameError(SQLException expected, SQLException actual, String shard) {
    assertEquals(expected.getSQLState(), actual.getSQLState(), actual::toString);
    assertEquals(expected.getErrorCode(), actual.getErrorCode(), actual::toString);
    assertTrue(actual.getMessage().startsWith("shard " + shard), actual.getMessage());
    for (Class<?> standard : List.of(SQLSyntaxErrorException.class, SQLDataException.class,
        SQLIntegrityConstraintViolationException.class)) {
      assertEquals(standard.isInstance(expected), standard.isInstance(actual),
          standard.getSimpleName() + ": " + actual);
    }
  }
}
