package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.jdbc.SherdConnection;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * A four-shard cluster of one database family for the metadata tests, with the same schema on
 * every shard created directly (bypassing the driver), a few rows inserted through the driver, and
 * direct access to each shard so a test can compare the logical answer with the default shard's.
 *
 * <p>Topology: customers hash on id (remark "Customer accounts"), orders hash on customer_id
 * co-located with customers (foreign key to customers), countries broadcast, events range on id,
 * notes unlisted (default shard s0 only), archive hash on id but created on s1..s3 only (missing
 * on the default shard), ledger configured but created nowhere; a decoy table {@code customers} in
 * another schema of s0 (H2, PostgreSQL). PostgreSQL and MariaDB shards are the databases
 * {@code sherd_meta_s0..s3} on one server (so on MariaDB, s1..s3 are exactly the "other databases
 * holding the same tables" a null catalog would list), dropped again by {@link #close()}.
 * Not thread-safe.
 */
final class MetaCluster implements AutoCloseable {

  static final int SHARDS = 4;
  static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

  enum Family {
    H2, POSTGRESQL, MARIADB;

    /** How the family stores an unquoted identifier. */
    String stored(String name) {
      return this == H2 ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }
  }

  static final String TABLES_YAML = """
      tables:
        customers: { sharding-key: id, algorithm: hash }
        orders: { sharding-key: customer_id, algorithm: hash, colocated-with: customers }
        countries: { broadcast: true }
        events:
          sharding-key: id
          algorithm: range
          key-type: number
          ranges:
            - { shard: s0, to: 100 }
            - { shard: s1, from: 100, to: 200 }
            - { shard: s2, from: 200, to: 300 }
            - { shard: s3, from: 300 }
        archive: { sharding-key: id, algorithm: hash }
        ledger: { sharding-key: id, algorithm: hash }
      """;

  final Family family;
  private final String unique;
  private final Path config;
  private Connection witness;

  private MetaCluster(Family family, String unique, Path config) {
    this.family = family;
    this.unique = unique;
    this.config = config;
  }

  /**
   * Starts a cluster; for PostgreSQL and MariaDB, skips the calling test class (loudly) when the
   * server cannot be reached — or fails it when the environment variable CI is {@code true}.
   */
  static MetaCluster start(Family family, Path dir) throws Exception {
    String unique = family == Family.H2 ? "sherd_meta_" + Long.toHexString(System.nanoTime())
        : "sherd_meta";
    if (family != Family.H2) {
      requireServer(family);
    }
    Path file = dir.resolve("meta-" + family.name().toLowerCase(Locale.ROOT) + ".yaml");
    MetaCluster cluster = new MetaCluster(family, unique, file);
    cluster.createDatabases();
    Files.writeString(file, cluster.yaml(), StandardCharsets.UTF_8);
    cluster.createSchema();
    cluster.witness = DriverManager.getConnection(cluster.url());
    cluster.insertRows();
    return cluster;
  }

  private static void requireServer(Family family) {
    try (Connection c = admin(family)) {
      c.isValid(2);
    } catch (SQLException e) {
      String what = family == Family.POSTGRESQL ? "PostgreSQL at 127.0.0.1:5432 (user postgres)"
          : "MariaDB at 127.0.0.1:3306 (user root)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(what + " is unreachable and CI=true: " + e.getMessage(), e);
      }
      System.err.println("*** SKIPPED " + family + " metadata tests: " + what
          + " is unreachable: " + e.getMessage() + " ***");
      Assumptions.abort(what + " is unreachable: " + e.getMessage());
    }
  }

  private static Connection admin(Family family) throws SQLException {
    return family == Family.POSTGRESQL
        ? DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "")
        : DriverManager.getConnection(MARIADB_SERVER, "root", "");
  }

  String database(int shard) {
    return unique + "_s" + shard;
  }

  String shardUrl(int shard) {
    switch (family) {
      case H2:
        return "jdbc:h2:mem:" + database(shard) + ";DB_CLOSE_DELAY=-1";
      case POSTGRESQL:
        return PG_SERVER + database(shard);
      default:
        return MARIADB_SERVER + database(shard);
    }
  }

  private String user() {
    return family == Family.H2 ? "sa" : family == Family.POSTGRESQL ? "postgres" : "root";
  }

  private String yaml() {
    StringBuilder sb = new StringBuilder("shards:\n");
    for (int i = 0; i < SHARDS; i++) {
      sb.append("  s").append(i).append(": { url: \"").append(shardUrl(i)).append("\", user: ")
          .append(user()).append(", password: \"\", pool: { maximumPoolSize: 4, minimumIdle: 0 } }\n");
    }
    return sb.append("default-shard: s0\n").append(TABLES_YAML).toString();
  }

  String url() {
    return "jdbc:sherd:" + config;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** A plain connection to one shard, bypassing the driver (the caller closes it). */
  Connection direct(int shard) throws SQLException {
    return DriverManager.getConnection(shardUrl(shard), user(), "");
  }

  /** The runtime the witness connection keeps alive (for leak checks). */
  ClusterRuntime runtime() throws SQLException {
    return witness.unwrap(SherdConnection.class).runtime();
  }

  /** Shard connections currently lent out of the pools, per shard; all zero when nothing leaks. */
  List<Integer> activeConnections() throws SQLException {
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < SHARDS; i++) {
      active.add(runtime().pools().activeConnections(i));
    }
    return active;
  }

  private void createDatabases() throws SQLException {
    if (family == Family.H2) {
      return;
    }
    try (Connection c = admin(family); Statement s = c.createStatement()) {
      for (int i = 0; i < SHARDS; i++) {
        s.execute(dropDatabase(i));
        s.execute("CREATE DATABASE " + database(i));
      }
    }
  }

  private String dropDatabase(int shard) {
    return "DROP DATABASE IF EXISTS " + database(shard)
        + (family == Family.POSTGRESQL ? " WITH (FORCE)" : "");
  }

  private void createSchema() throws SQLException {
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL,"
            + " email VARCHAR(100))");
        s.execute("CREATE UNIQUE INDEX customers_email ON customers (email)");
        s.execute(family == Family.MARIADB ? "ALTER TABLE customers COMMENT = 'Customer accounts'"
            : "COMMENT ON TABLE customers IS 'Customer accounts'");
        s.execute("CREATE TABLE orders (customer_id INT NOT NULL, id INT NOT NULL,"
            + " amount DECIMAL(12,2), qty INT, PRIMARY KEY (customer_id, id),"
            + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id))");
        s.execute("CREATE INDEX orders_amount ON orders (amount)");
        s.execute("CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(50))");
        s.execute("CREATE TABLE events (id INT PRIMARY KEY, at DATE)");
        if (i == 0) {
          s.execute("CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(200))");
          if (family != Family.MARIADB) {
            s.execute("CREATE SCHEMA decoy");
            s.execute("CREATE TABLE decoy.customers (x INT)");
          }
        } else {
          s.execute("CREATE TABLE archive (id INT PRIMARY KEY, note VARCHAR(20))");
        }
      }
    }
  }

  private void insertRows() throws SQLException {
    try (Connection c = connect()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO customers (id, name, email) VALUES (?, ?, ?)")) {
        for (int id = 1; id <= 20; id++) {
          ps.setInt(1, id);
          ps.setString(2, "customer " + id);
          ps.setString(3, "c" + id + "@example.com");
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO orders (customer_id, id, amount, qty) VALUES (?, ?, ?, ?)")) {
        for (int id = 1; id <= 20; id++) {
          for (int n = 1; n <= 2; n++) {
            ps.setInt(1, id);
            ps.setInt(2, n);
            ps.setBigDecimal(3, new java.math.BigDecimal(id * 10 + n + ".25"));
            ps.setInt(4, n);
            ps.executeUpdate();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO countries (code, name) VALUES ('CH', 'Switzerland'),"
            + " ('FR', 'France')");
        s.executeUpdate("INSERT INTO notes (id, body) VALUES (1, 'hello')");
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (witness != null) {
      witness.close();
      witness = null;
    }
    if (family == Family.H2) {
      for (int i = 0; i < SHARDS; i++) {
        try (Connection c = direct(i); Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
      }
      return;
    }
    try (Connection c = admin(family); Statement s = c.createStatement()) {
      for (int i = 0; i < SHARDS; i++) {
        s.execute(dropDatabase(i));
      }
    }
  }
}
