package dev.sherd.jdbc;

import dev.sherd.jdbc.runtime.ClusterRuntime;
import java.io.IOException;
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
import java.util.Locale;
import java.util.TreeSet;

/**
 * A four-shard cluster of H2 in-memory databases for driver tests: writes {@code cluster.yaml}
 * into a test's temporary directory and gives direct (plain H2) access to every shard, so a test
 * can check where rows really are without going through the driver.
 *
 * <p>Database names are unique per prefix, so test classes never share shard data. Unless started
 * without one, the cluster keeps a <em>witness</em> logical connection open: it holds the cluster
 * runtime alive between tests, which makes pool counters meaningful after a test has closed its own
 * connections (see {@link ShardInvariants}). Not thread-safe.
 */
final class H2Cluster implements AutoCloseable {

  static final int SHARDS = 4;
  static final String USER = "sa";
  /** Every shard's password; tests assert it never appears in messages. */
  static final String PASSWORD = "Pw-7f3e-DoNotLeak";

  /** The tables most tests use: t and items hash-sharded by id, countries broadcast. */
  static final String DEFAULT_TABLES = """
      tables:
        t: { sharding-key: id, algorithm: hash }
        items: { sharding-key: id, algorithm: hash }
        countries: { broadcast: true }
      """;

  private static final String DEFAULT_POOL = "{ maximumPoolSize: 8, connectionTimeout: 5000 }";

  private final String prefix;
  private final Path config;
  private Connection witness;

  private H2Cluster(String prefix, Path config) {
    this.prefix = prefix;
    this.config = config;
  }

  /** A cluster with the default tables and a witness connection. */
  static H2Cluster start(Path dir, String prefix) throws Exception {
    return start(dir, prefix, DEFAULT_TABLES, true);
  }

  /**
   * @param tablesYaml the {@code tables:} section (may be empty)
   * @param withWitness whether to keep a logical connection open until {@link #close()}
   */
  static H2Cluster start(Path dir, String prefix, String tablesYaml, boolean withWitness)
      throws Exception {
    return start(dir, prefix, tablesYaml, DEFAULT_POOL, withWitness);
  }

  /** @param poolYaml every shard's {@code pool:} mapping, e.g. {@code { maximumPoolSize: 1 }} */
  static H2Cluster start(Path dir, String prefix, String tablesYaml, String poolYaml,
      boolean withWitness) throws Exception {
    String unique = prefix + "_" + Long.toHexString(System.nanoTime());
    Path file = dir.resolve(prefix + ".yaml");
    write(file, yaml(unique, tablesYaml, poolYaml));
    H2Cluster cluster = new H2Cluster(unique, file);
    if (withWitness) {
      cluster.witness = DriverManager.getConnection(cluster.url());
    }
    return cluster;
  }

  static String yaml(String unique, String tablesYaml) {
    return yaml(unique, tablesYaml, DEFAULT_POOL);
  }

  private static String yaml(String unique, String tablesYaml, String poolYaml) {
    StringBuilder sb = new StringBuilder("shards:\n");
    for (int i = 0; i < SHARDS; i++) {
      sb.append("  s").append(i).append(":\n")
          .append("    url: \"").append(shardUrl(unique, i)).append("\"\n")
          .append("    user: ").append(USER).append('\n')
          .append("    password: \"").append(PASSWORD).append("\"\n")
          .append("    pool: ").append(poolYaml).append('\n');
    }
    sb.append("default-shard: s0\n").append(tablesYaml);
    return sb.toString();
  }

  static String shardUrl(String unique, int shard) {
    return "jdbc:h2:mem:" + unique + "_s" + shard + ";DB_CLOSE_DELAY=-1";
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The driver URL: {@code jdbc:sherd:<absolute path of the config>}. */
  String url() {
    return "jdbc:sherd:" + config;
  }

  Path configFile() {
    return config;
  }

  String shardUrl(int shard) {
    return shardUrl(prefix, shard);
  }

  /** A new logical connection (the caller closes it). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** The runtime the witness keeps alive; null without a witness. */
  ClusterRuntime runtime() throws SQLException {
    return witness == null ? null : witness.unwrap(SherdConnection.class).runtime();
  }

  /** A plain H2 connection to one shard, bypassing the driver (the caller closes it). */
  Connection direct(int shard) throws SQLException {
    return DriverManager.getConnection(shardUrl(shard), USER, PASSWORD);
  }

  /** Runs {@code sql} on every shard directly. */
  void onEveryShard(String... sql) throws SQLException {
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        for (String one : sql) {
          s.execute(one);
        }
      }
    }
  }

  /** The first column of every row {@code sql} returns on one shard, read directly. */
  List<Object> column(int shard, String sql) throws SQLException {
    List<Object> out = new ArrayList<>();
    try (Connection c = direct(shard); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getObject(1));
      }
    }
    return out;
  }

  /** The integer ids in {@code table} on one shard, read directly. */
  TreeSet<Integer> ids(int shard, String table) throws SQLException {
    TreeSet<Integer> ids = new TreeSet<>();
    for (Object o : column(shard, "SELECT id FROM " + table)) {
      ids.add(((Number) o).intValue());
    }
    return ids;
  }

  /** The shard that holds {@code id} in {@code table}, read directly; -1 when none does. */
  int shardHolding(String table, int id) throws SQLException {
    int found = -1;
    for (int i = 0; i < SHARDS; i++) {
      if (ids(i, table).contains(id)) {
        if (found >= 0) {
          throw new AssertionError("id " + id + " of " + table + " is on s" + found + " and s" + i);
        }
        found = i;
      }
    }
    return found;
  }

  /** True when the table exists on that shard (checked directly). */
  boolean tableExists(int shard, String table) throws SQLException {
    return !column(shard, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
        + " 'PUBLIC' AND TABLE_NAME = '" + table.toUpperCase(Locale.ROOT) + "'").isEmpty();
  }

  /** Sessions on a shard holding uncommitted changes (an open shard transaction). */
  long uncommittedSessions(int shard) throws SQLException {
    return ((Number) column(shard, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
        + " WHERE CONTAINS_UNCOMMITTED").get(0)).longValue();
  }

  /** Prepared (two-phase-commit) transactions on a shard that nobody has finished. */
  long inDoubtBranches(int shard) throws SQLException {
    return ((Number) column(shard, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.IN_DOUBT").get(0))
        .longValue();
  }

  /** Closes the witness, then drops the in-memory shard databases. */
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
        // already gone (a test may have shut a shard down)
      }
    }
  }
}
