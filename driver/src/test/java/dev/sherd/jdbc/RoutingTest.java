package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows really land on different shards, each on exactly one, and a point select is sent to the one
 * shard that holds the row — checked against the shard databases directly and through EXPLAIN.
 */
class RoutingTest {

  private static final int ROWS = 200;

  @TempDir
  static Path dir;
  static H2Cluster cluster;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "routing", """
        tables:
          t: { sharding-key: id }
          items: { sharding-key: id }
          countries: { broadcast: true }
          orders: { sharding-key: t_id, colocated-with: t }
          events:
            sharding-key: id
            algorithm: range
            ranges:
              - { shard: s0, to: 100 }
              - { shard: s1, from: 100, to: 200 }
              - { shard: s2, from: 200, to: 300 }
              - { shard: s3, from: 300 }
        """, true);
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))",
        "CREATE TABLE orders(id INT PRIMARY KEY, t_id INT, amount INT)",
        "CREATE TABLE events(id INT PRIMARY KEY, what VARCHAR(20))",
        "CREATE TABLE countries(code CHAR(2) PRIMARY KEY, name VARCHAR(40))",
        "CREATE TABLE items(id INT PRIMARY KEY, v VARCHAR(20))");
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
      for (int id = 1; id <= ROWS; id++) {
        ps.setInt(1, id);
        ps.setString(2, "v" + id);
        assertEquals(1, ps.executeUpdate());
      }
    }
    try (Connection c = cluster.direct(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE unlisted(id INT PRIMARY KEY)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void insert_rows_landOnSeveralShardsEachRowOnExactlyOne() throws Exception {
    List<Integer> all = new ArrayList<>();
    int nonEmpty = 0;
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      TreeSet<Integer> ids = cluster.ids(i, "t");
      all.addAll(ids);
      if (!ids.isEmpty()) {
        nonEmpty++;
      }
      assertTrue(ids.size() < ROWS, "every row on s" + i + ": nothing was sharded");
    }
    assertEquals(H2Cluster.SHARDS, nonEmpty, "200 hashed keys should reach all 4 shards");
    assertEquals(ROWS, all.size(), "a row is on more than one shard, or missing");
    assertEquals(ROWS, new HashSet<>(all).size(), "a row is on more than one shard");
    Set<Integer> expected = new HashSet<>();
    for (int id = 1; id <= ROWS; id++) {
      expected.add(id);
    }
    assertEquals(expected, new HashSet<>(all));
  }

  @Test
  void select_throughDriver_seesTheUnionOfAllShards() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
      for (int id = 1; id <= ROWS; id++) {
        assertTrue(rs.next());
        assertEquals(id, rs.getInt(1));
      }
      assertTrue(!rs.next());
    }
  }

  @Test
  void explain_hasColumnsStepShardsDetail() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM t WHERE id = 7")) {
      var md = rs.getMetaData();
      assertEquals(3, md.getColumnCount());
      assertEquals("STEP", md.getColumnLabel(1));
      assertEquals("SHARDS", md.getColumnLabel(2));
      assertEquals("DETAIL", md.getColumnLabel(3));
    }
  }

  @Test
  void pointSelect_byKeyLiteral_routesToTheOneShardHoldingTheRow() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      for (int id = 1; id <= 40; id++) {
        List<String> route = routeShards(s.executeQuery("EXPLAIN SELECT v FROM t WHERE id = "
            + id));
        assertEquals(List.of("s" + cluster.shardHolding("t", id)), route, "route of id " + id);
        try (ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = " + id)) {
          assertTrue(rs.next());
          assertEquals("v" + id, rs.getString(1));
        }
      }
    }
  }

  @Test
  void pointSelect_byKeyParameter_routesToTheOneShardHoldingTheRow() throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement explain = c.prepareStatement("EXPLAIN SELECT v FROM t WHERE id = ?")) {
      for (int id = 41; id <= 80; id++) {
        explain.setInt(1, id);
        assertEquals(List.of("s" + cluster.shardHolding("t", id)),
            routeShards(explain.executeQuery()), "route of id " + id);
      }
    }
  }

  @Test
  void scatterSelect_withoutKeyPredicate_routesToEveryShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(List.of("s0", "s1", "s2", "s3"),
          routeShards(s.executeQuery("EXPLAIN SELECT COUNT(*) FROM t WHERE v = 'v3'")));
    }
  }

  @Test
  void inList_onKey_routesToExactlyTheShardsOfItsValues() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (int id : new int[] {3, 17, 99}) {
      expected.add("s" + cluster.shardHolding("t", id));
    }
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(new ArrayList<>(expected),
          routeShards(s.executeQuery("EXPLAIN SELECT v FROM t WHERE id IN (3, 17, 99)")));
      try (ResultSet rs = s.executeQuery("SELECT id FROM t WHERE id IN (3, 17, 99) ORDER BY id")) {
        List<Integer> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
        assertEquals(List.of(3, 17, 99), ids);
      }
    }
  }

  @Test
  void pointSelect_keyBoundAsAnyNumericOrTextType_findsTheSameRow() throws Exception {
    int id = 123;
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
      Object[] forms = {123, 123L, (short) 123, new BigDecimal("123"), new BigDecimal("123.00"),
          "123", 123.0d};
      for (Object form : forms) {
        ps.setObject(1, form);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), () -> "key bound as " + form.getClass().getSimpleName() + " "
              + form + " found nothing: routed to the wrong shard");
          assertEquals("v" + id, rs.getString(1));
        }
      }
      ps.setString(1, "123");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
      }
      ps.setLong(1, 123L);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void routedUpdate_byKey_changesOnlyTheShardHoldingTheRow() throws Exception {
    int id = 150;
    int home = cluster.shardHolding("t", id);
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      List<String> route = routeShards(s.executeQuery(
          "EXPLAIN UPDATE t SET v = 'changed' WHERE id = " + id));
      assertEquals(List.of("s" + home), route);
      assertEquals(1, s.executeUpdate("UPDATE t SET v = 'changed' WHERE id = " + id));
      assertEquals(List.of("changed"), cluster.column(home, "SELECT v FROM t WHERE id = " + id));
      assertEquals(1, s.executeUpdate("UPDATE t SET v = 'v" + id + "' WHERE id = " + id));
    }
  }

  @Test
  void unlistedTable_readAndWrite_goToTheDefaultShardOnly() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(List.of("s0"), routeShards(s.executeQuery("EXPLAIN SELECT * FROM unlisted")));
      assertEquals(1, s.executeUpdate("INSERT INTO unlisted (id) VALUES (5)"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM unlisted")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1));
      }
      assertEquals(1, s.executeUpdate("DELETE FROM unlisted"));
    }
    assertEquals(List.of(0L), cluster.column(0, "SELECT COUNT(*) FROM unlisted"));
  }

  @Test
  void broadcastTableRead_touchesOneShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(1, routeShards(s.executeQuery("EXPLAIN SELECT * FROM countries")).size());
    }
  }

  @Test
  void rangeTable_rowsLandInTheirConfiguredRange_andRangeQueriesArePruned() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(8, s.executeUpdate("INSERT INTO events (id, what) VALUES (5, 'a'), (99, 'b'),"
          + " (100, 'c'), (199, 'd'), (200, 'e'), (299, 'f'), (300, 'g'), (100000, 'h')"));
      assertEquals(List.of("s1", "s2"), routeShards(s.executeQuery(
          "EXPLAIN SELECT * FROM events WHERE id BETWEEN 150 AND 250")));
      assertEquals(List.of("s3"), routeShards(s.executeQuery(
          "EXPLAIN SELECT * FROM events WHERE id >= 300")));
      try (ResultSet rs = s.executeQuery(
          "SELECT what FROM events WHERE id BETWEEN 150 AND 250 ORDER BY id")) {
        List<String> what = new ArrayList<>();
        while (rs.next()) {
          what.add(rs.getString(1));
        }
        assertEquals(List.of("d", "e"), what);
      }
      assertEquals(8, s.executeUpdate("DELETE FROM events WHERE id > 0"));
    }
  }

  @Test
  void rangeTable_insert_putsEachRowOnTheShardOfItsRange() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO events (id, what) VALUES (1, 'a'), (150, 'b'), (250, 'c'),"
          + " (350, 'd')");
      try {
        assertEquals(new TreeSet<>(List.of(1)), cluster.ids(0, "events"));
        assertEquals(new TreeSet<>(List.of(150)), cluster.ids(1, "events"));
        assertEquals(new TreeSet<>(List.of(250)), cluster.ids(2, "events"));
        assertEquals(new TreeSet<>(List.of(350)), cluster.ids(3, "events"));
      } finally {
        s.executeUpdate("DELETE FROM events");
      }
    }
  }

  @Test
  void colocatedRows_landWithTheirParent_andAKeyJoinIsRoutedToOneShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertEquals(3, s.executeUpdate("INSERT INTO orders (id, t_id, amount) VALUES"
          + " (1, 42, 10), (2, 42, 20), (3, 43, 5)"));
      try {
        int home42 = cluster.shardHolding("t", 42);
        assertEquals(new TreeSet<>(List.of(1, 2)), cluster.ids(home42, "orders"));
        assertEquals(List.of("s" + home42), routeShards(s.executeQuery("EXPLAIN SELECT t.v,"
            + " o.amount FROM t JOIN orders o ON o.t_id = t.id WHERE t.id = 42")));
        try (ResultSet rs = s.executeQuery("SELECT SUM(o.amount) FROM t JOIN orders o"
            + " ON o.t_id = t.id WHERE t.id = 42")) {
          assertTrue(rs.next());
          assertEquals(30, rs.getInt(1));
        }
      } finally {
        s.executeUpdate("DELETE FROM orders");
      }
    }
  }

  /** The SHARDS of EXPLAIN's route row, split into shard names. */
  static List<String> routeShards(ResultSet explain) throws SQLException {
    try (explain) {
      List<String> rows = new ArrayList<>();
      List<String> route = null;
      while (explain.next()) {
        rows.add(explain.getString("STEP") + " | " + explain.getString("SHARDS") + " | "
            + explain.getString("DETAIL"));
        if ("route".equals(explain.getString("STEP")) && route == null) {
          route = new ArrayList<>(List.of(explain.getString("SHARDS").split(",")));
        }
      }
      if (route == null) {
        throw new AssertionError("EXPLAIN has no route row: " + rows);
      }
      return route;
    }
  }
}
