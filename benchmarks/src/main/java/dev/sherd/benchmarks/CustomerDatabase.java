package dev.sherd.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The facade of the benchmarks: one {@code customers} table of N rows reached one of three
 * {@link Way}s, handing out an open {@link Connection} and the keys that connection can find, so a
 * benchmark method runs the same JDBC code whatever the way. The data is identical in every way
 * (fixed seed). Every H2 database is in memory, named uniquely per instance, and opened with
 * {@code DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0} so H2 does not answer a repeated query from
 * its result cache. {@link #close()} closes the connection and pools and shuts the databases down.
 * Not thread-safe: one instance per benchmark thread.
 */
final class CustomerDatabase implements AutoCloseable {

  /** How the benchmark reaches the customers. */
  enum Way {
    /** {@code jdbc:sherd:} over 4 H2 shards, customers hash-sharded on id. */
    SHERD("sherd"),
    /**
     * Plain HikariCP + H2 straight to shard {@code s0} of the same 4-shard cluster (loaded through
     * Sherd), asking only for keys that live there: what a point select costs on the one shard
     * Sherd routes it to, without Sherd.
     */
    DIRECT_ONE_SHARD("directOneShard"),
    /** Plain HikariCP + H2 to one database holding every row: no sharding at all. */
    DIRECT("direct");

    final String param;

    Way(String param) {
      this.param = param;
    }

    static Way of(String param) {
      for (Way w : values()) {
        if (w.param.equals(param)) {
          return w;
        }
      }
      throw new IllegalArgumentException("way was " + param + "; expected one of sherd,"
          + " directOneShard, direct");
    }
  }

  static final String SHARD_FOR_ONE_SHARD_WAY = "s0";
  static final List<String> SHARDS = List.of("s0", "s1", "s2", "s3");
  static final String DDL = "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL,"
      + " city VARCHAR(30), balance DECIMAL(12,2))";
  static final String POINT_SELECT = "SELECT id, name, city, balance FROM customers WHERE id = ?";

  private static final String H2_OPTIONS = ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0";
  private static final List<String> CITIES = List.of("Berlin", "Paris", "London", "New York",
      "Toronto", "Tokyo", "Mumbai", "Sydney");
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String run;
  private final List<Resource> resources = new ArrayList<>(); // closed in reverse order
  private final List<String> databases = new ArrayList<>();
  private Connection connection;
  private long[] keys;

  /** Something to release on close. */
  private interface Resource {
    void close() throws IOException, SQLException;
  }

  private CustomerDatabase() {
    this.run = Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid()
        + "_" + INSTANCES.incrementAndGet();
  }

  /** Builds the databases of {@code way}, loads {@code customers} rows and opens the connection. */
  static CustomerDatabase open(Way way, int customers) throws IOException, SQLException {
    CustomerDatabase db = new CustomerDatabase();
    try {
      switch (way) {
        case SHERD -> db.openSherd(customers);
        case DIRECT_ONE_SHARD -> db.openOneShard(customers);
        case DIRECT -> db.openDirect(customers);
        default -> throw new IllegalStateException("unhandled way " + way);
      }
      return db;
    } catch (IOException | SQLException | RuntimeException | Error e) {
      try {
        db.close();
      } catch (IOException | SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The open connection the benchmark prepares its statement on. */
  Connection connection() {
    return connection;
  }

  /** Ids of customers that {@link #connection()} finds, in a fixed pseudo-random order. */
  long[] keys() {
    return keys.clone();
  }

  private void openSherd(int customers) throws IOException, SQLException {
    Path config = writeClusterConfig();
    connection = track(DriverManager.getConnection("jdbc:sherd:" + config));
    load(connection, customers);
    keys = allKeys(customers);
  }

  private void openOneShard(int customers) throws IOException, SQLException {
    Path config = writeClusterConfig();
    try (Connection sherd = DriverManager.getConnection("jdbc:sherd:" + config)) {
      load(sherd, customers);
    } // Sherd's pools close here; the in-memory shards stay (DB_CLOSE_DELAY=-1).
    connection = track(pool(shardUrl(SHARD_FOR_ONE_SHARD_WAY)).getConnection());
    List<Long> found = new ArrayList<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT id FROM customers")) {
      while (rs.next()) {
        found.add(rs.getLong(1));
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("shard " + SHARD_FOR_ONE_SHARD_WAY + " holds no customers");
    }
    keys = shuffle(found.stream().mapToLong(Long::longValue).toArray());
  }

  private void openDirect(int customers) throws SQLException {
    String url = "jdbc:h2:mem:sherd_bench_" + run + "_single" + H2_OPTIONS;
    databases.add(url);
    connection = track(pool(url).getConnection());
    load(connection, customers);
    keys = allKeys(customers);
  }

  private Path writeClusterConfig() throws IOException {
    StringBuilder y = new StringBuilder("shards:\n");
    for (String shard : SHARDS) {
      databases.add(shardUrl(shard));
      y.append("  ").append(shard).append(": { url: \"").append(shardUrl(shard))
          .append("\", user: sa, password: \"\" }\n");
    }
    y.append("default-shard: s0\n");
    y.append("tables:\n");
    y.append("  customers: { sharding-key: id, algorithm: hash }\n");
    Path file = Files.createTempFile("sherd-bench-" + run + "-", ".yaml");
    resources.add(() -> Files.deleteIfExists(file));
    Files.writeString(file, y.toString());
    return file;
  }

  private String shardUrl(String shard) {
    return "jdbc:h2:mem:sherd_bench_" + run + "_" + shard + H2_OPTIONS;
  }

  private HikariDataSource pool(String url) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername("sa");
    hc.setPassword("");
    hc.setMaximumPoolSize(2);
    hc.setPoolName("bench-" + run);
    HikariDataSource pool = new HikariDataSource(hc);
    resources.add(pool::close);
    return pool;
  }

  /** Creates the table and loads ids 1..n in batches through {@code c}. */
  private static void load(Connection c, int n) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate(DDL);
    }
    Random random = new Random(42);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO customers (id, name, city, balance) VALUES (?, ?, ?, ?)")) {
      for (int id = 1; id <= n; id++) {
        ps.setLong(1, id);
        ps.setString(2, String.format(Locale.ROOT, "customer %05d", id));
        ps.setString(3, CITIES.get(random.nextInt(CITIES.size())));
        ps.setBigDecimal(4, BigDecimal.valueOf(random.nextInt(1_000_000), 2));
        ps.addBatch();
        if (id % 500 == 0 || id == n) {
          ps.executeBatch();
        }
      }
    }
  }

  private static long[] allKeys(int n) {
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i + 1;
    }
    return shuffle(ids);
  }

  private static long[] shuffle(long[] ids) {
    Random random = new Random(7);
    for (int i = ids.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  private Connection track(Connection c) {
    resources.add(c::close);
    return c;
  }

  @Override
  public void close() throws IOException, SQLException {
    Exception failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (IOException | SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    resources.clear();
    for (String url : databases) {
      try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
           Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        // never created (setup failed early): nothing to shut down
      }
    }
    databases.clear();
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof SQLException e) {
      throw e;
    }
  }
}
