package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update counts are logical: summed over the shards of a sharded table, one copy's count for a
 * broadcast table; batches report one count per entry in the application's order.
 */
class UpdateCountTest {

  @TempDir
  static Path dir;
  static H2Cluster cluster;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "counts");
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20), n INT)",
        "CREATE TABLE countries(code CHAR(2) PRIMARY KEY, name VARCHAR(40))");
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void empty() throws Exception {
    cluster.onEveryShard("DELETE FROM t", "DELETE FROM countries");
  }

  @Test
  void multiRowInsert_splitAcrossShards_returnsTheTotal() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(40, s.executeUpdate(insertSql(1, 40)));
    }
    assertEquals(40, totalRows("t"));
    assertTrue(shardsWithRows("t") >= 3, "40 rows should be split across shards");
  }

  @Test
  void scatteredUpdateAndDelete_returnTheSumOverShards() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.executeUpdate(insertSql(1, 40));
      assertEquals(20, s.executeUpdate("UPDATE t SET v = 'even' WHERE MOD(id, 2) = 0"));
      assertEquals(40, s.executeUpdate("UPDATE t SET n = 1"));
      assertEquals(0, s.executeUpdate("UPDATE t SET n = 2 WHERE id > 1000"));
      assertEquals(1, s.executeUpdate("UPDATE t SET n = 3 WHERE id = 17"));
      assertEquals(3, s.executeUpdate("UPDATE t SET n = 4 WHERE id IN (1, 2, 3)"));
      assertEquals(20, s.executeUpdate("DELETE FROM t WHERE v = 'even'"));
      assertEquals(19, s.executeLargeUpdate("DELETE FROM t WHERE id <> 1"));
      assertFalse(s.execute("DELETE FROM t"));
      assertEquals(1, s.getUpdateCount());
    }
    assertEquals(0, totalRows("t"));
  }

  @Test
  void broadcastInsertUpdateDelete_returnTheLogicalCountAndKeepIdenticalCopies()
      throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(3, s.executeUpdate("INSERT INTO countries (code, name) VALUES ('DE', 'Germany'),"
          + " ('FR', 'France'), ('IT', 'Italy')"));
      assertCopies("[DE:Germany, FR:France, IT:Italy]");
      assertEquals(2, s.executeUpdate("UPDATE countries SET name = UPPER(name) WHERE code <> 'IT'"));
      assertCopies("[DE:GERMANY, FR:FRANCE, IT:Italy]");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO countries (code, name) VALUES (?, ?)")) {
        ps.setString(1, "ES");
        ps.setString(2, "Spain");
        assertEquals(1, ps.executeUpdate());
      }
      assertCopies("[DE:GERMANY, ES:Spain, FR:FRANCE, IT:Italy]");
      assertEquals(1, s.executeUpdate("DELETE FROM countries WHERE code = 'FR'"));
      assertCopies("[DE:GERMANY, ES:Spain, IT:Italy]");
      assertEquals(3, s.executeUpdate("DELETE FROM countries"));
      assertCopies("[]");
    }
  }

  @Test
  void preparedBatch_insertsOnMixedShards_returnsOneCountPerEntryInOrder() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
      for (int id = 1; id <= 30; id++) {
        ps.setInt(1, id);
        ps.setString(2, "b" + id);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      int[] ones = new int[30];
      Arrays.fill(ones, 1);
      assertArrayEquals(ones, counts);
    }
    assertEquals(30, totalRows("t"));
    assertTrue(shardsWithRows("t") >= 3);
    for (int id = 1; id <= 30; id++) {
      int home = cluster.shardHolding("t", id);
      assertEquals(List.of("b" + id), cluster.column(home, "SELECT v FROM t WHERE id = " + id));
    }
  }

  @Test
  void preparedBatch_updatesByKeyWithDifferentCounts_returnsCountsInOrder() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.executeUpdate(insertSql(1, 20));
      try (PreparedStatement ps = c.prepareStatement("UPDATE t SET n = ? WHERE id = ?")) {
        int[] keys = {5, 999, 12, 1, 998, 20, 7};
        for (int k : keys) {
          ps.setInt(1, k * 10);
          ps.setInt(2, k);
          ps.addBatch();
        }
        assertArrayEquals(new int[] {1, 0, 1, 1, 0, 1, 1}, ps.executeBatch());
      }
      try (ResultSet rs = s.executeQuery("SELECT SUM(n) FROM t")) {
        assertTrue(rs.next());
        assertEquals((5 + 12 + 1 + 20 + 7) * 10, rs.getLong(1));
      }
    }
  }

  @Test
  void preparedBatch_scatteredUpdates_returnCountsInOrder() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.executeUpdate(insertSql(1, 20));
      try (PreparedStatement ps = c.prepareStatement("UPDATE t SET n = 1 WHERE id <= ?")) {
        for (int limit : new int[] {3, 0, 20, 10}) {
          ps.setInt(1, limit);
          ps.addBatch();
        }
        assertArrayEquals(new int[] {3, 0, 20, 10}, ps.executeBatch());
      }
    }
  }

  @Test
  void preparedBatch_broadcastInserts_returnLogicalCounts() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO countries (code, name) VALUES (?, ?)")) {
      for (String code : new String[] {"AT", "BE", "CH"}) {
        ps.setString(1, code);
        ps.setString(2, code.toLowerCase());
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
    }
    assertCopies("[AT:at, BE:be, CH:ch]");
  }

  @Test
  void statementBatch_mixedStatements_returnsCountsInOrder() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.addBatch(insertSql(1, 10));
      s.addBatch("INSERT INTO countries (code, name) VALUES ('NL', 'Netherlands')");
      s.addBatch("UPDATE t SET n = 5 WHERE id > 4");
      s.addBatch("UPDATE t SET n = 6 WHERE id = 2");
      s.addBatch("DELETE FROM t WHERE id = 12345");
      s.addBatch("DELETE FROM countries");
      assertArrayEquals(new int[] {10, 1, 6, 1, 0, 1}, s.executeBatch());
      assertArrayEquals(new int[0], s.executeBatch(), "the batch is cleared after executing");
    }
  }

  @Test
  void statementBatch_failingEntry_throwsBatchUpdateExceptionWithEarlierCounts()
      throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.addBatch(insertSql(1, 4));
      s.addBatch("INSERT INTO t (id, v) VALUES (2, 'duplicate')");
      s.addBatch("INSERT INTO t (id, v) VALUES (100, 'after')");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertArrayEquals(new int[] {4}, e.getUpdateCounts());
    }
    assertEquals(Set.of(1, 2, 3, 4), allIds("t"), "entries after the failure did not run");
  }

  @Test
  void preparedBatch_failingEntryAcrossShards_throwsBatchUpdateExceptionMatchingTheShards()
      throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t (id, v) VALUES (7, 'existing')");
      int[] ids = {1, 2, 3, 7, 8, 9, 10, 11};
      BatchUpdateException e = runFailingBatch(c, ids);
      assertEquals("23505", e.getSQLState());
      assertCountsMatchShards(ids, 3, e);
    }
  }

  @Test
  void preparedBatch_failingEntryAllOnOneShard_reportsCountsMatchingTheShard() throws Exception {
    int home = shardOf(1);
    List<Integer> sameShard = new ArrayList<>();
    for (int id = 1; sameShard.size() < 4; id++) {
      if (shardOf(id) == home) {
        sameShard.add(id);
      }
    }
    int[] ids = sameShard.stream().mapToInt(Integer::intValue).toArray();
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t (id, v) VALUES (" + ids[1] + ", 'existing')");
      BatchUpdateException e = runFailingBatch(c, ids);
      assertEquals("23505", e.getSQLState());
      assertCountsMatchShards(ids, 1, e);
    }
  }

  @Test
  void preparedBatch_emptyBatch_returnsEmptyArray() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
      assertArrayEquals(new int[0], ps.executeBatch());
    }
  }

  @Test
  void preparedBatch_ofAQuery_throwsBatchUpdateException() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
      ps.setInt(1, 1);
      ps.addBatch();
      assertThrows(BatchUpdateException.class, ps::executeBatch);
    }
  }

  @Test
  void executeQuery_ofAnInsert_throwsAndInsertsNothing() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertThrows(SQLException.class,
          () -> s.executeQuery("INSERT INTO t (id, v) VALUES (500, 'x')"));
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, 'y')")) {
        ps.setInt(1, 501);
        assertThrows(SQLException.class, ps::executeQuery);
      }
    }
    assertEquals(Set.of(), allIds("t"),
        "plain H2 refuses executeQuery of an INSERT before running it (90002); it must not write");
  }

  @Test
  void executeUpdate_ofAQuery_throws() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertThrows(SQLException.class, () -> s.executeUpdate("SELECT * FROM t"));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** An insert of ids 1..n, except {@code ids[failAt]} which already exists. */
  private static BatchUpdateException runFailingBatch(Connection c, int[] ids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
      for (int id : ids) {
        ps.setInt(1, id);
        ps.setString(2, "batch");
        ps.addBatch();
      }
      return assertThrows(BatchUpdateException.class, ps::executeBatch);
    }
  }

  /**
   * JDBC: the counts either stop before the failed entry (nothing after it ran) or cover every
   * entry with EXECUTE_FAILED for the failed ones. Whatever the driver reports must be what the
   * shards hold: a row the report says was inserted is there, one it does not is not.
   */
  private static void assertCountsMatchShards(int[] ids, int failed, BatchUpdateException e)
      throws SQLException {
    int[] counts = e.getUpdateCounts();
    Set<Integer> present = allIds("t");
    for (int i = 0; i < ids.length; i++) {
      if (i == failed) {
        continue; // the pre-existing row
      }
      boolean reportedDone = i < counts.length && counts[i] != Statement.EXECUTE_FAILED;
      assertEquals(reportedDone, present.contains(ids[i]), "entry " + i + " (id " + ids[i]
          + "): reported counts " + Arrays.toString(counts) + " but shards hold "
          + present);
    }
  }

  private static int shardOf(int id) throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      return Integer.parseInt(RoutingTest.routeShards(
          s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = " + id)).get(0).substring(1));
    }
  }

  private static String insertSql(int from, int to) {
    StringBuilder sql = new StringBuilder("INSERT INTO t (id, v) VALUES ");
    for (int id = from; id <= to; id++) {
      sql.append(id == from ? "" : ", ").append("(").append(id).append(", 'v").append(id)
          .append("')");
    }
    return sql.toString();
  }

  private static int totalRows(String table) throws SQLException {
    int n = 0;
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      n += ((Number) cluster.column(i, "SELECT COUNT(*) FROM " + table).get(0)).intValue();
    }
    return n;
  }

  private static int shardsWithRows(String table) throws SQLException {
    int n = 0;
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      if (!cluster.ids(i, table).isEmpty()) {
        n++;
      }
    }
    return n;
  }

  private static Set<Integer> allIds(String table) throws SQLException {
    Set<Integer> ids = new TreeSet<>();
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      ids.addAll(cluster.ids(i, table));
    }
    return ids;
  }

  /** Every shard's copy of countries, as "CODE:name" sorted by code, equals {@code expected}. */
  private static void assertCopies(String expected) throws SQLException {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      List<Object> rows = cluster.column(i,
          "SELECT code || ':' || name FROM countries ORDER BY code");
      assertEquals(expected, rows.toString(), "copy of countries on s" + i);
      seen.add(rows.toString());
    }
    assertEquals(1, seen.size());
  }
}
