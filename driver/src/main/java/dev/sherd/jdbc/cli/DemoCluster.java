package dev.sherd.jdbc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away cluster of four H2 in-memory shards: a temporary {@code cluster.yaml} and the
 * {@code jdbc:sherd:} URL that names it. Database names are unique per instance (time, process id
 * and a counter), so two demos in one JVM or on one machine never share rows.
 *
 * <p>Topology: {@code customers} hash on {@code id}; {@code orders} hash on {@code customer_id},
 * co-located with customers; {@code events} range on {@code at}, one quarter of 2024 per shard;
 * {@code countries} broadcast; anything else on the default shard {@code s0}.
 *
 * <p>{@link #close()} shuts every shard database down and deletes the config file; close the
 * {@code jdbc:sherd:} connections first. Not thread-safe.
 */
final class DemoCluster implements AutoCloseable {

  static final List<String> SHARDS = List.of("s0", "s1", "s2", "s3");
  /** Shard {@code s(i)} holds events from {@code EVENT_BOUNDS[i-1]} (inclusive) to {@code EVENT_BOUNDS[i]}. */
  static final List<String> EVENT_BOUNDS = List.of("2024-04-01", "2024-07-01", "2024-10-01");

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String run;
  private final Path configFile;

  private DemoCluster(String run, Path configFile) {
    this.run = run;
    this.configFile = configFile;
  }

  /** Writes the config of a new demo cluster; the shard databases come into being on first use. */
  static DemoCluster create() throws IOException {
    String run = Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid()
        + "_" + INSTANCES.incrementAndGet();
    Path file = Files.createTempFile("sherd-demo-" + run + "-", ".yaml");
    DemoCluster cluster = new DemoCluster(run, file);
    try {
      Files.writeString(file, cluster.configYaml());
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return cluster;
  }

  /** The driver URL: {@code jdbc:sherd:<config file>}. */
  String url() {
    return "jdbc:sherd:" + configFile;
  }

  Path configFile() {
    return configFile;
  }

  /** The plain H2 URL of one shard, for looking at what landed where. */
  String shardUrl(String shard) {
    if (!SHARDS.contains(shard)) {
      throw new IllegalArgumentException("no shard " + shard + " in " + SHARDS);
    }
    return "jdbc:h2:mem:sherd_demo_" + run + "_" + shard + ";DB_CLOSE_DELAY=-1";
  }

  String configYaml() {
    StringBuilder y = new StringBuilder();
    y.append("# Sherd demo cluster, run ").append(run).append(": four H2 in-memory shards\n");
    y.append("shards:\n");
    for (String shard : SHARDS) {
      y.append("  ").append(shard).append(": { url: \"").append(shardUrl(shard))
          .append("\", user: sa, password: \"\" }\n");
    }
    y.append("default-shard: s0\n");
    y.append("tables:\n");
    y.append("  customers: { sharding-key: id, algorithm: hash }\n");
    y.append("  orders:    { sharding-key: customer_id, algorithm: hash, colocated-with: customers }\n");
    y.append("  events:\n");
    y.append("    sharding-key: at\n");
    y.append("    algorithm: range\n");
    y.append("    ranges:\n");
    for (int i = 0; i < SHARDS.size(); i++) {
      y.append("      - { shard: ").append(SHARDS.get(i));
      if (i > 0) {
        y.append(", from: \"").append(EVENT_BOUNDS.get(i - 1)).append('"');
      }
      if (i < EVENT_BOUNDS.size()) {
        y.append(", to: \"").append(EVENT_BOUNDS.get(i)).append('"');
      }
      y.append(" }\n");
    }
    y.append("  countries: { broadcast: true }\n");
    return y.toString();
  }

  /**
   * Rows of each of {@code tables} on each shard, counted on the shard databases directly rather
   * than through the driver: where the sharding rules put them.
   */
  ResultTable placement(List<String> tables) throws SQLException {
    List<ResultTable.Column> columns = new ArrayList<>();
    columns.add(new ResultTable.Column("shard", false));
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < tables.size(); i++) {
      columns.add(new ResultTable.Column(tables.get(i), true));
      sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(tables.get(i)).append(')');
    }
    List<List<String>> rows = new ArrayList<>();
    for (String shard : SHARDS) {
      try (Connection c = DriverManager.getConnection(shardUrl(shard) + ";IFEXISTS=TRUE", "sa", "");
           Statement st = c.createStatement();
           ResultSet rs = st.executeQuery(sql.toString())) {
        rs.next();
        List<String> row = new ArrayList<>();
        row.add(shard);
        for (int i = 1; i <= tables.size(); i++) {
          row.add(Long.toString(rs.getLong(i)));
        }
        rows.add(row);
      }
    }
    return new ResultTable(columns, rows);
  }

  /** Shuts the shard databases down (those never opened are skipped) and deletes the config. */
  @Override
  public void close() throws IOException {
    List<SQLException> failures = new ArrayList<>();
    for (String shard : SHARDS) {
      // IFEXISTS: do not create a database only to shut it down.
      try (Connection c = DriverManager.getConnection(shardUrl(shard) + ";IFEXISTS=TRUE", "sa", "");
           Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        if (!"90146".equals(e.getSQLState())) { // database not found: never opened
          failures.add(e);
        }
      }
    }
    Files.deleteIfExists(configFile);
    if (!failures.isEmpty()) {
      IOException e = new IOException("demo cluster " + run + ": cannot shut down "
          + failures.size() + " shard database(s): " + failures.get(0).getMessage());
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }
}
