package dev.sherd.benchmarks;

import dev.sherd.jdbc.cache.ResultCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 5: what Sherd's result cache saves and what a hit costs, on the {@link OrdersCluster}
 * data (200,000 orders on 4 H2 in-memory shards, {@code OPTIMIZE_REUSE_RESULTS=0}, so H2 answers
 * nothing from its own cache). The cluster config says {@code cache: false}; the cache is turned on
 * for a trial with the {@value ResultCache#ENABLED_PROPERTY} system property, which overrides the
 * config when the trial's cluster runtime starts.
 *
 * <ul>
 *   <li>{@code crossShardGroupBy}: {@link #GROUP_BY} (COUNT, SUM, AVG per category: 4 shards
 *       aggregate 50,000 rows each, the driver merges 4 × 8 partial rows), with {@code cache=on}
 *       (every call after the first is a hit) and {@code cache=off}.
 *   <li>{@code pointSelect}: {@link #POINT_SELECT} (sharding key + primary key) over a working set of
 *       {@value #WORKING_SET} rows of shard s0, cycled, every column read: {@code cachedHit}
 *       (Sherd, cache on: after the first pass every call is a hit), {@code sherd} (cache off: the
 *       single-shard fast path) and {@code directOneShard} (HikariCP + H2 to shard s0, no Sherd).
 * </ul>
 *
 * <p>Not measured: a miss (the uncached cost plus copying the rows into the cache), invalidation
 * by writes, more than one thread.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ResultCacheBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ResultCacheBenchmark {

  /** Rows the point select cycles through: small enough to stay cached. */
  static final int WORKING_SET = 1_000;

  /** The statements of ScatterBenchmark and PointSelectBenchmark, as measured here. */
  static final String GROUP_BY = "SELECT category, COUNT(*), SUM(amount), AVG(amount)"
      + " FROM orders GROUP BY category";
  static final String POINT_SELECT = "SELECT order_id, user_id, category, amount, qty FROM orders"
      + " WHERE user_id = ? AND order_id = ?";

  /** Opens the cluster of {@code way}, with Sherd's result cache on or off for its runtime. */
  static OrdersCluster open(Way way, boolean cache) throws Exception {
    String before = System.getProperty(ResultCache.ENABLED_PROPERTY);
    System.setProperty(ResultCache.ENABLED_PROPERTY, Boolean.toString(cache));
    try {
      return OrdersCluster.open(way);
    } finally {
      if (before == null) {
        System.clearProperty(ResultCache.ENABLED_PROPERTY);
      } else {
        System.setProperty(ResultCache.ENABLED_PROPERTY, before);
      }
    }
  }

  /** The GROUP BY through Sherd with the cache on or off. One per thread. */
  @State(Scope.Thread)
  public static class GroupBy {
    @Param({"on", "off"})
    public String cache;

    OrdersCluster cluster;
    Connection connection;
    PreparedStatement statement;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      cluster = open(Way.SHERD, cache.equals("on"));
      connection = cluster.dataSource().getConnection();
      statement = connection.prepareStatement(GROUP_BY);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      try (OrdersCluster c = cluster; Connection conn = connection;
           PreparedStatement s = statement) {
        // closed in reverse order
      }
    }
  }

  /** The point select: a hit, Sherd without the cache, or H2 directly. One per thread. */
  @State(Scope.Thread)
  public static class Point {
    @Param({"cachedHit", "sherd", "directOneShard"})
    public String way;

    OrdersCluster cluster;
    Connection connection;
    PreparedStatement statement;
    int[] orders;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      boolean direct = way.equals("directOneShard");
      cluster = open(direct ? Way.DIRECT_ONE_SHARD : Way.SHERD, way.equals("cachedHit"));
      connection = cluster.dataSource().getConnection();
      statement = connection.prepareStatement(POINT_SELECT);
      // the same rows for every way: rows of shard s0, which directOneShard can read
      orders = Arrays.copyOf(Shuffle.indexes(OrdersData.ORDERS, cluster.data.ordersOf(0), 7),
          WORKING_SET);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      try (OrdersCluster c = cluster; Connection conn = connection;
           PreparedStatement s = statement) {
        // closed in reverse order
      }
    }
  }

  @Benchmark
  public void crossShardGroupBy(GroupBy s, Blackhole bh) throws SQLException {
    try (ResultSet rs = s.statement.executeQuery()) {
      int groups = 0;
      while (rs.next()) {
        bh.consume(rs.getString(1));
        bh.consume(rs.getLong(2));
        bh.consume(rs.getBigDecimal(3));
        bh.consume(rs.getBigDecimal(4));
        groups++;
      }
      if (groups != OrdersData.CATEGORIES.size()) {
        throw new IllegalStateException(groups + " groups (cache " + s.cache + ")");
      }
    }
  }

  @Benchmark
  public void pointSelect(Point s, Blackhole bh) throws SQLException {
    int k = s.orders[s.next];
    s.next = s.next + 1 == s.orders.length ? 0 : s.next + 1;
    s.statement.setLong(1, s.cluster.data.orderUser[k]);
    s.statement.setLong(2, k + 1L);
    try (ResultSet rs = s.statement.executeQuery()) {
      if (!rs.next() || rs.getLong(1) != k + 1L) {
        throw new IllegalStateException("no order " + (k + 1) + " (" + s.way + ")");
      }
      bh.consume(rs.getLong(1));
      bh.consume(rs.getLong(2));
      bh.consume(rs.getString(3));
      bh.consume(rs.getBigDecimal(4));
      bh.consume(rs.getInt(5));
    }
  }
}
