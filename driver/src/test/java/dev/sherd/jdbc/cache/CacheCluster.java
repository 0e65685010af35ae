package dev.sherd.jdbc.cache;

import dev.sherd.jdbc.SherdConnection;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Four in-memory H2 shards behind a {@code jdbc:sherd:} config with a chosen {@code cache:}
 * section, for the result-cache tests. H2's own result reuse is off
 * ({@code OPTIMIZE_REUSE_RESULTS=0}) so a repeated query really runs. A witness connection keeps
 * the runtime (and so the cache) alive between a test's connections; {@link #close()} closes it
 * and drops the shards. Not thread-safe.
 */
final class CacheCluster implements AutoCloseable {

  static final int SHARDS = 4;

  /** t: hash-sharded (id, v, note); u: another sharded table; countries: broadcast. */
  static final String TABLES = """
      tables:
        t: { sharding-key: id }
        u: { sharding-key: id }
        countries: { broadcast: true }
        audit: { sharding-key: id, cache: false }
      """;

  private final String unique;
  private final Path config;
  private Connection witness;

  private CacheCluster(String unique, Path config) {
    this.unique = unique;
    this.config = config;
  }

  /** Starts the shards; {@code cacheYaml} is the config's cache section ("" for the defaults). */
  static CacheCluster start(Path dir, String name, String cacheYaml) throws Exception {
    String unique = "cache_" + name + "_" + Long.toHexString(System.nanoTime());
    StringBuilder y = new StringBuilder("shards:\n");
    for (int i = 0; i < SHARDS; i++) {
      y.append("  s").append(i).append(": { url: \"").append(shardUrl(unique, i))
          .append("\", user: sa, password: \"\", pool: { maximumPoolSize: 12,"
              + " connectionTimeout: 5000 } }\n");
    }
    y.append("default-shard: s0\n").append(TABLES).append(cacheYaml);
    Path file = dir.resolve(unique + ".yaml");
    Files.writeString(file, y.toString(), StandardCharsets.UTF_8);
    CacheCluster cluster = new CacheCluster(unique, file);
    cluster.witness = cluster.connect();
    return cluster;
  }

  private static String shardUrl(String unique, int shard) {
    return "jdbc:h2:mem:" + unique + "_s" + shard + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0";
  }

  String url() {
    return "jdbc:sherd:" + config;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  ClusterRuntime runtime() throws SQLException {
    return witness.unwrap(SherdConnection.class).runtime();
  }

  ResultCache cache() throws SQLException {
    return runtime().resultCache();
  }

  ResultCacheStats stats() throws SQLException {
    cache().cleanUp();
    return cache().stats();
  }

  /** A plain H2 connection to one shard, bypassing the driver. */
  Connection direct(int shard) throws SQLException {
    return DriverManager.getConnection(shardUrl(unique, shard), "sa", "");
  }

  /** Creates t, u, countries and audit through the driver and loads a few rows. */
  void createTables() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(40))");
      s.execute("CREATE TABLE u (id INT PRIMARY KEY, v INT NOT NULL)");
      s.execute("CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(40))");
      s.execute("CREATE TABLE audit (id INT PRIMARY KEY, v INT)");
      for (int id = 1; id <= 8; id++) {
        s.execute("INSERT INTO t (id, v, note) VALUES (" + id + ", " + (id * 10) + ", 'n" + id + "')");
        s.execute("INSERT INTO u (id, v) VALUES (" + id + ", " + id + ")");
        s.execute("INSERT INTO audit (id, v) VALUES (" + id + ", " + id + ")");
      }
      s.execute("INSERT INTO countries (code, name) VALUES ('DE', 'Germany'), ('FR', 'France')");
    }
  }

  /** Shard connections lent out right now, over all shards (0 once everything is closed). */
  int activeShardConnections() throws SQLException {
    int active = 0;
    for (int i = 0; i < SHARDS; i++) {
      active += runtime().pools().activeConnections(i);
    }
    return active;
  }

  /** Every row of {@code sql} through {@code c}, as lists of getObject values. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(rs.getObject(i));
      }
      out.add(row);
    }
    return out;
  }

  /** The single long value of {@code sql}. */
  static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row: " + sql);
      }
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    if (witness != null) {
      witness.close();
      witness = null;
    }
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // already gone
      }
    }
  }
}
