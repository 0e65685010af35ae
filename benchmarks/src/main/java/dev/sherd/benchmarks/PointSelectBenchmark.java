package dev.sherd.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark 1: a point select by sharding key + primary key ({@code user_id = ? AND order_id = ?})
 * on the 200,000-row {@code orders}, a different existing row each call (a fixed pseudo-random
 * sequence per thread), every column read. Sherd and ShardingSphere route it to one shard; they and
 * {@code directOneShard} ask for the same rows, those of shard s0 ({@link
 * OrdersCluster#routedShard}); {@code direct} for rows anywhere in its one database.
 *
 * <ul>
 *   <li>{@code preparedOnce}: one connection and one PreparedStatement per thread for the whole
 *       trial; each call binds and executes.
 *   <li>{@code preparedPerCall}: what a pooled application does per request: borrow a connection
 *       from the way's data source, prepare, bind, execute, read, close both.
 * </ul>
 * Each on 1 and 2 threads (2 threads: each its own connection; the score is the sum over threads).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PointSelectBenchmark}. Thread
 * states are per thread; {@link ClusterState} is shared.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PointSelectBenchmark {

  static final String SQL = "SELECT order_id, user_id, category, amount, qty FROM orders"
      + " WHERE user_id = ? AND order_id = ?";

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The rows a thread asks for, in its own fixed pseudo-random order. */
  @State(Scope.Thread)
  public static class Keys {
    OrdersData data;
    int[] orders;
    int next;

    @Setup(Level.Trial)
    public void setUp(ClusterState state) {
      data = state.cluster.data;
      orders = Keys.visibleOrders(state.cluster, THREADS.incrementAndGet());
    }

    static int[] visibleOrders(OrdersCluster cluster, int seed) {
      return Shuffle.indexes(OrdersData.ORDERS, cluster.data.ordersOf(cluster.routedShard()),
          seed);
    }

    int nextOrder() {
      int k = orders[next];
      next = next + 1 == orders.length ? 0 : next + 1;
      return k;
    }
  }

  /** A thread's connection and statement, prepared once. */
  @State(Scope.Thread)
  public static class Prepared {
    Connection connection;
    PreparedStatement statement;

    @Setup(Level.Trial)
    public void setUp(ClusterState state, Keys keys) throws SQLException {
      connection = state.cluster.dataSource().getConnection();
      statement = connection.prepareStatement(SQL);
      int k = keys.orders[0];
      if (!check(statement, keys.data, k)) {
        throw new IllegalStateException(state.way + ": wrong row for order " + (k + 1));
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      try (Connection c = connection; PreparedStatement s = statement) {
        // closed in reverse order
      }
    }
  }

  @Benchmark
  public void preparedOnce(Keys keys, Prepared prepared, Blackhole bh) throws SQLException {
    select(prepared.statement, keys.data, keys.nextOrder(), bh);
  }

  @Benchmark
  @Threads(2)
  public void preparedOnce2Threads(Keys keys, Prepared prepared, Blackhole bh)
      throws SQLException {
    select(prepared.statement, keys.data, keys.nextOrder(), bh);
  }

  @Benchmark
  public void preparedPerCall(ClusterState state, Keys keys, Blackhole bh) throws SQLException {
    perCall(state, keys, bh);
  }

  @Benchmark
  @Threads(2)
  public void preparedPerCall2Threads(ClusterState state, Keys keys, Blackhole bh)
      throws SQLException {
    perCall(state, keys, bh);
  }

  private static void perCall(ClusterState state, Keys keys, Blackhole bh) throws SQLException {
    try (Connection c = state.cluster.dataSource().getConnection();
         PreparedStatement ps = c.prepareStatement(SQL)) {
      select(ps, keys.data, keys.nextOrder(), bh);
    }
  }

  private static void select(PreparedStatement ps, OrdersData data, int k, Blackhole bh)
      throws SQLException {
    ps.setLong(1, data.orderUser[k]);
    ps.setLong(2, k + 1L);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no order " + (k + 1));
      }
      bh.consume(rs.getLong(1));
      bh.consume(rs.getLong(2));
      bh.consume(rs.getString(3));
      bh.consume(rs.getBigDecimal(4));
      bh.consume(rs.getInt(5));
    }
  }

  /** Runs the statement once for order index {@code k} and compares the row with the data. */
  static boolean check(PreparedStatement ps, OrdersData data, int k) throws SQLException {
    ps.setLong(1, data.orderUser[k]);
    ps.setLong(2, k + 1L);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return false;
      }
      BigDecimal amount = rs.getBigDecimal(4);
      return rs.getLong(1) == k + 1L && rs.getLong(2) == data.orderUser[k]
          && OrdersData.CATEGORIES.get(data.orderCategory[k]).equals(rs.getString(3))
          && amount.compareTo(OrdersData.amount(data.orderCents[k])) == 0
          && rs.getInt(5) == data.orderQty[k] && !rs.next();
    }
  }
}
