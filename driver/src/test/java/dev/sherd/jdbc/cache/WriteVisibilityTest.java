package dev.sherd.jdbc.cache;

import static dev.sherd.jdbc.cache.CacheCluster.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Never stale for writes through the driver: a result read (and kept) through one connection,
 * then a write of every kind through another, then the same read: it shows the write. Each case
 * first proves the read really was answered from the cache.
 */
class WriteVisibilityTest {

  @TempDir
  static Path dir;
  static CacheCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = CacheCluster.start(dir, "visibility", "cache: { ttl: 1h }\n");
  }

  @AfterAll
  static void stop() throws SQLException {
    cluster.close();
  }

  @BeforeEach
  void freshTables() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS t");
      s.execute("DROP TABLE IF EXISTS u");
      s.execute("DROP TABLE IF EXISTS countries");
      s.execute("DROP TABLE IF EXISTS audit");
      s.execute("DROP TABLE IF EXISTS plain");
      s.execute("CREATE TABLE plain (id INT PRIMARY KEY, v INT)");
      s.execute("INSERT INTO plain VALUES (1, 1)");
    }
    cluster.createTables();
  }

  @AfterEach
  void nothingLeaked() throws SQLException {
    assertEquals(0, cluster.activeShardConnections(), "leaked shard connections");
  }

  /** A write, and a read whose answer it changes. */
  record Case(String name, String query, Write write) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Write {
    void run(Connection writer) throws SQLException;
  }

  static final String COUNT_SUM = "SELECT COUNT(*), SUM(v) FROM t";
  static final String POINT = "SELECT v, note FROM t WHERE id = 3";
  static final String ORDERED = "SELECT id, v FROM t ORDER BY v DESC, id";

  static Stream<Case> writes() {
    return Stream.of(
        new Case("insert one row", COUNT_SUM, c -> exec(c, "INSERT INTO t (id, v, note) VALUES (100, 5, 'x')")),
        new Case("insert rows for several shards", COUNT_SUM,
            c -> exec(c, "INSERT INTO t (id, v, note) VALUES (101, 1, 'a'), (102, 2, 'b'), (103, 3, 'c')")),
        new Case("update one row", POINT, c -> exec(c, "UPDATE t SET v = 999 WHERE id = 3")),
        new Case("update on every shard", ORDERED, c -> exec(c, "UPDATE t SET v = 100 - v")),
        new Case("delete one row", POINT, c -> exec(c, "DELETE FROM t WHERE id = 3")),
        new Case("delete on every shard", COUNT_SUM, c -> exec(c, "DELETE FROM t WHERE v > 35")),
        new Case("prepared update", POINT, c -> {
          try (PreparedStatement ps = c.prepareStatement("UPDATE t SET note = ? WHERE id = ?")) {
            ps.setString(1, "prepared");
            ps.setInt(2, 3);
            ps.executeUpdate();
          }
        }),
        new Case("statement batch", COUNT_SUM, c -> {
          try (Statement s = c.createStatement()) {
            s.addBatch("UPDATE t SET v = 0 WHERE id = 1");
            s.addBatch("INSERT INTO t (id, v, note) VALUES (200, 7, 'batch')");
            s.executeBatch();
          }
        }),
        new Case("prepared batch", COUNT_SUM, c -> {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v, note) VALUES (?, ?, 'pb')")) {
            for (int id = 300; id < 306; id++) {
              ps.setInt(1, id);
              ps.setInt(2, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }),
        new Case("truncate", COUNT_SUM, c -> exec(c, "TRUNCATE TABLE t")),
        new Case("alter table", "SELECT * FROM t WHERE id = 3",
            c -> exec(c, "ALTER TABLE t ADD COLUMN extra INT DEFAULT 7")),
        new Case("drop and recreate", COUNT_SUM, c -> {
          exec(c, "DROP TABLE t");
          exec(c, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(40))");
        }),
        new Case("broadcast update", "SELECT name FROM countries WHERE code = 'DE'",
            c -> exec(c, "UPDATE countries SET name = 'Deutschland' WHERE code = 'DE'")),
        new Case("statement passed through to the default shard", "SELECT v FROM plain",
            c -> exec(c, "MERGE INTO plain KEY (id) VALUES (1, 42)")),
        new Case("multi-shard transaction, commit", ORDERED, c -> {
          c.setAutoCommit(false);
          exec(c, "UPDATE t SET v = 1000 WHERE id = 1");
          exec(c, "UPDATE t SET v = 2000 WHERE id = 2");
          exec(c, "DELETE FROM t WHERE id = 5");
          c.commit();
          c.setAutoCommit(true);
        }),
        new Case("transaction committed by setAutoCommit(true)", POINT, c -> {
          c.setAutoCommit(false);
          exec(c, "UPDATE t SET v = -3 WHERE id = 3");
          c.setAutoCommit(true);
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void readAfterWrite_throughAnotherConnection_showsTheWrite(Case w) throws SQLException {
    try (Connection reader = cluster.connect(); Connection writer = cluster.connect();
        Connection control = cluster.connect()) {
      control.setClientInfo(CacheSession.PROPERTY, "off"); // reads the shards every time
      List<List<Object>> before = rows(reader, w.query());
      long hits = cluster.stats().hits();
      assertEquals(before, rows(reader, w.query()));
      assertEquals(hits + 1, cluster.stats().hits(), "the second read is answered from the cache");

      w.write().run(writer);

      List<List<Object>> after = rows(reader, w.query());
      assertEquals(rows(control, w.query()), after);
      assertNotEquals(before, after, "the write changes the answer");
    }
  }

  @Test
  void rolledBackTransaction_leavesTheKeptResultCorrect() throws SQLException {
    try (Connection reader = cluster.connect(); Connection writer = cluster.connect()) {
      List<List<Object>> before = rows(reader, ORDERED);
      writer.setAutoCommit(false);
      exec(writer, "UPDATE t SET v = 1000 WHERE id = 1");
      exec(writer, "UPDATE t SET v = 2000 WHERE id = 2");
      assertEquals(before, rows(reader, ORDERED), "uncommitted writes are not seen");
      writer.rollback();
      assertEquals(before, rows(reader, ORDERED));
      writer.setAutoCommit(true);
    }
  }

  @Test
  void transactionThatWrote_readsItsOwnWritesAndOthersSeeThemAfterCommit() throws SQLException {
    try (Connection reader = cluster.connect(); Connection writer = cluster.connect()) {
      List<List<Object>> before = rows(reader, POINT);
      rows(writer, POINT); // kept, and read by the writer before it writes: a hit
      writer.setAutoCommit(false);
      assertEquals(before, rows(writer, POINT), "a transaction that has not written may hit");
      exec(writer, "UPDATE t SET v = 4242 WHERE id = 3");
      long bypasses = cluster.stats().bypasses();
      assertEquals(4242, ((Number) rows(writer, POINT).get(0).get(0)).intValue(),
          "the transaction reads its own write");
      assertEquals(bypasses + 1, cluster.stats().bypasses(), "not from the cache");
      assertEquals(before, rows(reader, POINT), "others do not see it before commit");
      writer.commit();
      assertEquals(4242, ((Number) rows(reader, POINT).get(0).get(0)).intValue());
      writer.setAutoCommit(true);
    }
  }

  @Test
  void closingAConnectionWithAnOpenTransaction_rollsBackAndKeepsResultsCorrect()
      throws SQLException {
    try (Connection reader = cluster.connect()) {
      List<List<Object>> before = rows(reader, COUNT_SUM);
      Connection writer = cluster.connect();
      writer.setAutoCommit(false);
      exec(writer, "INSERT INTO t (id, v, note) VALUES (500, 1, 'gone')");
      writer.close();
      assertEquals(before, rows(reader, COUNT_SUM));
    }
  }

  @Test
  void writeToOneTable_keepsResultsOfAnotherTable() throws SQLException {
    try (Connection c = cluster.connect()) {
      rows(c, "SELECT SUM(v) FROM u");
      long hits = cluster.stats().hits();
      exec(c, "UPDATE t SET v = v + 1");
      rows(c, "SELECT SUM(v) FROM u");
      assertEquals(hits + 1, cluster.stats().hits(), "u's result survives a write to t");
      assertTrue(cluster.stats().invalidations() > 0);
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
