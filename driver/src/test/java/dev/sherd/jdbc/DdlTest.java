package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL through the driver: on a sharded or broadcast table it reaches every shard, on an unlisted
 * table only the default shard — checked on each shard database directly.
 */
class DdlTest {

  @TempDir
  static Path dir;
  static H2Cluster cluster;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "ddl", """
        tables:
          sharded: { sharding-key: id }
          sharded2: { sharding-key: id }
          sharded3: { sharding-key: id }
          bcast: { broadcast: true }
        """, true);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void createAlterIndexDrop_onShardedTable_reachEveryShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertFalse(s.execute("CREATE TABLE sharded(id INT PRIMARY KEY, v VARCHAR(20))"));
      assertOnShards("sharded", true, true, true, true);
      s.execute("CREATE INDEX sharded_v ON sharded(v)");
      for (int i = 0; i < H2Cluster.SHARDS; i++) {
        assertEquals(List.of("SHARDED_V"), indexes(i, "SHARDED"), "index on s" + i);
      }
      s.execute("ALTER TABLE sharded ADD COLUMN extra INT");
      for (int i = 0; i < H2Cluster.SHARDS; i++) {
        assertEquals(List.of("ID", "V", "EXTRA"), columns(i, "SHARDED"), "columns on s" + i);
      }
      // the new column is usable at once through the driver, routed and scattered
      assertEquals(3, s.executeUpdate("INSERT INTO sharded (id, v, extra) VALUES (1, 'a', 10),"
          + " (2, 'b', 20), (3, 'c', 30)"));
      try (ResultSet rs = s.executeQuery("SELECT SUM(extra) FROM sharded")) {
        assertTrue(rs.next());
        assertEquals(60, rs.getLong(1));
      }
      s.execute("DROP INDEX sharded_v");
      for (int i = 0; i < H2Cluster.SHARDS; i++) {
        assertEquals(List.of(), indexes(i, "SHARDED"), "index on s" + i);
      }
      s.execute("DROP TABLE sharded");
      assertOnShards("sharded", false, false, false, false);
    }
  }

  @Test
  void ifExistsForms_andSchemaQualifiedNames_reachEveryShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS PUBLIC.sharded2(id INT PRIMARY KEY)");
      assertOnShards("sharded2", true, true, true, true);
      s.execute("CREATE TABLE IF NOT EXISTS sharded2(id INT PRIMARY KEY)");
      s.execute("TRUNCATE TABLE sharded2");
      s.execute("DROP TABLE IF EXISTS public.sharded2");
      assertOnShards("sharded2", false, false, false, false);
      s.execute("DROP TABLE IF EXISTS sharded2");
    }
  }

  @Test
  void ddl_onBroadcastTable_reachesEveryShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bcast(code CHAR(2) PRIMARY KEY, name VARCHAR(40))");
      assertOnShards("bcast", true, true, true, true);
      assertEquals(1, s.executeUpdate("INSERT INTO bcast (code, name) VALUES ('DE', 'Germany')"));
      s.execute("DROP TABLE bcast");
      assertOnShards("bcast", false, false, false, false);
    }
  }

  @Test
  void ddl_onUnlistedTable_reachesOnlyTheDefaultShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE local_only(id INT PRIMARY KEY, v VARCHAR(10))");
      assertOnShards("local_only", true, false, false, false);
      s.execute("ALTER TABLE local_only ADD COLUMN w INT");
      assertEquals(List.of("ID", "V", "W"), columns(0, "LOCAL_ONLY"));
      s.execute("CREATE INDEX local_only_v ON local_only(v)");
      assertEquals(List.of("LOCAL_ONLY_V"), indexes(0, "LOCAL_ONLY"));
      assertEquals(1, s.executeUpdate("INSERT INTO local_only (id, v, w) VALUES (1, 'x', 2)"));
      s.execute("DROP TABLE local_only");
      assertOnShards("local_only", false, false, false, false);
    }
  }

  /** DROP INDEX names no table: the index of an unlisted table exists on the default shard only. */
  @Test
  void dropIndex_ofAnUnlistedTable_dropsItFromTheDefaultShard() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE local_idx(id INT PRIMARY KEY, v VARCHAR(10))");
      s.execute("CREATE INDEX local_idx_v ON local_idx(v)");
      try {
        s.execute("DROP INDEX local_idx_v");
        assertEquals(List.of(), indexes(0, "LOCAL_IDX"));
      } finally {
        s.execute("DROP TABLE local_idx");
      }
    }
  }

  @Test
  void ddlFailingOnOneShard_namesThatShard() throws Exception {
    try (Connection d = cluster.direct(2); Statement ds = d.createStatement()) {
      ds.execute("CREATE TABLE sharded3(id INT PRIMARY KEY)"); // a stray copy on s2 only
    }
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> s.execute("CREATE TABLE sharded3(id INT PRIMARY KEY)"));
      assertTrue(e.getMessage().contains("s2"), e.getMessage());
      assertEquals("42S01", e.getSQLState(), e::toString);
    } finally {
      cluster.onEveryShard("DROP TABLE IF EXISTS sharded3");
    }
  }

  @Test
  void alterColumnType_throughTheDriver_changesTheAggregateResultType() throws Exception {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE sharded(id INT PRIMARY KEY, amount INT)");
      try {
        s.executeUpdate("INSERT INTO sharded (id, amount) VALUES (1, 1), (2, 2), (3, 3), (4, 4)");
        try (ResultSet rs = s.executeQuery("SELECT SUM(amount) FROM sharded")) {
          assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(1));
        }
        s.execute("ALTER TABLE sharded ALTER COLUMN amount DECIMAL(12,2)");
        try (ResultSet rs = s.executeQuery("SELECT SUM(amount) FROM sharded")) {
          assertEquals(Types.NUMERIC, rs.getMetaData().getColumnType(1),
              "cached result columns must be forgotten after DDL through the driver");
          assertTrue(rs.next());
          assertEquals(0, new BigDecimal("10").compareTo(rs.getBigDecimal(1)));
        }
      } finally {
        s.execute("DROP TABLE sharded");
      }
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static void assertOnShards(String table, boolean... expected) throws SQLException {
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      assertEquals(expected[i], cluster.tableExists(i, table), table + " on s" + i);
    }
  }

  private static List<Object> columns(int shard, String table) throws SQLException {
    return cluster.column(shard, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION");
  }

  /** Indexes of a table that no constraint created. */
  private static List<Object> indexes(int shard, String table) throws SQLException {
    return cluster.column(shard, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "'"
        + " AND INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY INDEX_NAME");
  }
}
