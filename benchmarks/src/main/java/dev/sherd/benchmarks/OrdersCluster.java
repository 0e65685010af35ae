package dev.sherd.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ConfigException;
import dev.sherd.metadata.ShardedTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * The facade every comparative benchmark runs through: the databases of one {@link Way}, loaded
 * with {@link OrdersData}, and the one {@link DataSource} the benchmark borrows connections from,
 * so a benchmark method runs the same JDBC code whatever the way.
 *
 * <p>The four shard databases are loaded directly (plain H2, no driver in between) with the rows
 * both drivers place on them; the one big database with every row. Every H2 URL is in memory,
 * unique per instance, and carries {@value #H2_OPTIONS}: {@code OPTIMIZE_REUSE_RESULTS=0} so H2 does
 * not answer a repeated query from its result cache, {@code MODE=MySQL} because ShardingSphere
 * treats H2 as MySQL and sends MySQL syntax ({@code LIMIT o, n}); all four ways use the same URLs.
 * Every pool — the application pool of the direct ways and of Sherd, Sherd's shard pools,
 * ShardingSphere's shard pools — is HikariCP with {@value #POOL_SIZE} connections. Sherd's result
 * cache is off ({@code cache: false}): these benchmarks measure executing statements.
 *
 * <p>{@link #close()} closes the data source and shuts the databases down. Thread-safe after
 * {@link #open}: the data source may be shared by benchmark threads.
 */
final class OrdersCluster implements AutoCloseable {

  static final String H2_OPTIONS = ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0;MODE=MySQL";
  static final int POOL_SIZE = 8;
  static final String USER = "sa";
  static final String PASSWORD = "";

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final Way way;
  final OrdersData data;
  private final List<String> shardUrls;
  private final String singleUrl;
  private final List<String> created = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>(); // closed in reverse order
  private DataSource dataSource;

  private OrdersCluster(Way way, String prefix) throws ConfigException {
    this.way = way;
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < OrdersData.SHARDS; i++) {
      urls.add("jdbc:h2:mem:" + prefix + "_s" + i + H2_OPTIONS);
    }
    this.shardUrls = List.copyOf(urls);
    this.singleUrl = "jdbc:h2:mem:" + prefix + "_single" + H2_OPTIONS;
    this.data = new OrdersData(sherdPlacement(sherdYaml(shardUrls)));
  }

  /** Creates and loads the databases {@code way} reads and opens its data source. */
  static OrdersCluster open(Way way) throws IOException, SQLException, ConfigException {
    String prefix = "bench_" + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet();
    OrdersCluster cluster = new OrdersCluster(way, prefix);
    try {
      cluster.start();
      return cluster;
    } catch (IOException | SQLException | RuntimeException | Error e) {
      try {
        cluster.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void start() throws IOException, SQLException {
    if (way.usesShards()) {
      for (int i = 0; i < OrdersData.SHARDS; i++) {
        loadInto(shardUrls.get(i), i);
      }
    } else {
      loadInto(singleUrl, -1);
    }
    switch (way) {
      case SHERD -> {
        Path config = Files.createTempFile("sherd-bench-", ".yaml");
        resources.add(() -> Files.deleteIfExists(config));
        Files.writeString(config, sherdYaml(shardUrls));
        dataSource = pool("jdbc:sherd:" + config);
      }
      case DIRECT_ONE_SHARD -> dataSource = pool(shardUrls.get(0));
      case DIRECT -> dataSource = pool(singleUrl);
      case SHARDINGSPHERE -> {
        DataSource ss = YamlShardingSphereDataSourceFactory.createDataSource(
            shardingSphereYaml(shardUrls).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        resources.add((AutoCloseable) ss);
        dataSource = ss;
      }
      default -> throw new IllegalStateException("unhandled way " + way);
    }
  }

  private void loadInto(String url, int shard) throws SQLException {
    created.add(url);
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD)) {
      data.load(c, shard);
    }
  }

  private DataSource pool(String url) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(USER);
    hc.setPassword(PASSWORD);
    hc.setMaximumPoolSize(POOL_SIZE);
    hc.setPoolName("bench-" + way.param);
    HikariDataSource pool = new HikariDataSource(hc);
    resources.add(pool);
    return pool;
  }

  /** The application's data source of this way. */
  DataSource dataSource() {
    return dataSource;
  }

  /**
   * The shard whose rows this way finds: 0 for {@code directOneShard} (it reads shard s0 only),
   * -1 (every row) for the others. Scatter statements read these rows.
   */
  int visibleShard() {
    return way == Way.DIRECT_ONE_SHARD ? 0 : -1;
  }

  /**
   * The shard whose rows routed statements (point select, single-row insert, range on the key,
   * transactions) ask for: s0 for Sherd, ShardingSphere and {@code directOneShard}, so all three
   * send the same statements to the same database with the same rows — {@code directOneShard} is
   * then exactly the floor, and the difference is the driver. (With keys spread over the four
   * in-process shards, the drivers would also pay for a working set four times larger in this
   * JVM's CPU caches, which separate database servers do not share.) -1 (every row) for {@code
   * direct}, the unsharded database.
   */
  int routedShard() {
    return way == Way.DIRECT ? -1 : 0;
  }

  /** Empties {@code table} on every database of this way, bypassing the drivers. */
  void truncate(String table) throws SQLException {
    for (String url : created) {
      try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
           Statement st = c.createStatement()) {
        st.execute("TRUNCATE TABLE " + table);
      }
    }
  }

  /** Sherd's cluster config over {@code shardUrls}. */
  static String sherdYaml(List<String> shardUrls) {
    StringBuilder y = new StringBuilder("shards:\n");
    for (int i = 0; i < shardUrls.size(); i++) {
      y.append("  s").append(i).append(": { url: \"").append(shardUrls.get(i))
          .append("\", user: ").append(USER).append(", password: \"").append(PASSWORD)
          .append("\", pool: { maximumPoolSize: ").append(POOL_SIZE).append(" } }\n");
    }
    y.append("default-shard: s0\n");
    y.append("cache: false\n");
    y.append("tables:\n");
    y.append("  orders: { sharding-key: user_id, algorithm: hash }\n");
    y.append("  order_log: { sharding-key: user_id, algorithm: hash, colocated-with: orders }\n");
    y.append("  events:\n");
    y.append("    sharding-key: id\n");
    y.append("    algorithm: range\n");
    y.append("    key-type: number\n");
    y.append("    ranges:\n");
    for (int i = 0; i < OrdersData.SHARDS; i++) {
      y.append("      - { shard: s").append(i);
      if (i > 0) {
        y.append(", from: ").append(OrdersData.firstEventOf(i));
      }
      if (i < OrdersData.SHARDS - 1) {
        y.append(", to: ").append(OrdersData.firstEventOf(i + 1));
      }
      y.append(" }\n");
    }
    return y.toString();
  }

  /**
   * ShardingSphere-JDBC's config over the same shards: INLINE {@code ds_${user_id % 4}} under
   * {@code tables:} (MOD is accepted only under {@code autoTables}, which would rename the physical
   * tables), range queries allowed on it (they go to every shard), and a class-based standard
   * algorithm with Sherd's ranges for {@code events}.
   */
  static String shardingSphereYaml(List<String> shardUrls) {
    StringBuilder y = new StringBuilder("databaseName: sherd_bench\n");
    y.append("mode:\n  type: Standalone\n  repository:\n    type: JDBC\n");
    y.append("dataSources:\n");
    for (int i = 0; i < shardUrls.size(); i++) {
      y.append("  ds_").append(i).append(":\n")
          .append("    dataSourceClassName: com.zaxxer.hikari.HikariDataSource\n")
          .append("    driverClassName: org.h2.Driver\n")
          .append("    jdbcUrl: \"").append(shardUrls.get(i)).append("\"\n")
          .append("    username: ").append(USER).append('\n')
          .append("    password: \"").append(PASSWORD).append("\"\n")
          .append("    maximumPoolSize: ").append(POOL_SIZE).append('\n');
    }
    int last = shardUrls.size() - 1;
    y.append("rules:\n- !SHARDING\n  tables:\n");
    for (String table : List.of("orders", "order_log")) {
      y.append("    ").append(table).append(":\n")
          .append("      actualDataNodes: ds_${0..").append(last).append("}.").append(table)
          .append('\n')
          .append("      databaseStrategy:\n        standard:\n")
          .append("          shardingColumn: user_id\n")
          .append("          shardingAlgorithmName: by_user\n");
    }
    y.append("    events:\n")
        .append("      actualDataNodes: ds_${0..").append(last).append("}.events\n")
        .append("      databaseStrategy:\n        standard:\n")
        .append("          shardingColumn: id\n")
        .append("          shardingAlgorithmName: events_ranges\n");
    y.append("  bindingTables:\n    - orders,order_log\n");
    y.append("  shardingAlgorithms:\n")
        .append("    by_user:\n      type: INLINE\n      props:\n")
        .append("        algorithm-expression: ds_${user_id % ").append(shardUrls.size())
        .append("}\n")
        .append("        allow-range-query-with-inline-sharding: true\n")
        .append("    events_ranges:\n      type: CLASS_BASED\n      props:\n")
        .append("        strategy: STANDARD\n")
        .append("        algorithmClassName: ").append(EventsRangeAlgorithm.class.getName())
        .append('\n');
    y.append("props:\n  sql-show: false\n");
    return y.toString();
  }

  /** How Sherd places a user, from the same config the driver reads. */
  static java.util.function.LongToIntFunction sherdPlacement(String yaml) throws ConfigException {
    ClusterConfig config = ClusterConfig.parse(yaml, "benchmark");
    ShardedTable orders = (ShardedTable) config.tableRule("orders").orElseThrow();
    ShardedTable log = (ShardedTable) config.tableRule("order_log").orElseThrow();
    return userId -> {
      int shard = orders.function().shardOf(userId);
      if (log.function().shardOf(userId) != shard) {
        throw new IllegalStateException("order_log is not co-located with orders for " + userId);
      }
      return shard;
    };
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    resources.clear();
    for (String url : created) {
      try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", USER, PASSWORD);
           Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already gone
      }
    }
    created.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
