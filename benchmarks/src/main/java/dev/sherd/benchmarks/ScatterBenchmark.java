package dev.sherd.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmarks 3 and 4: statements that read every shard, over the 200,000 {@code orders}, through
 * PreparedStatements prepared once, every row of the result read.
 *
 * <ul>
 *   <li>{@code groupBy}: {@code COUNT(*)}, {@code SUM}, {@code AVG} per category (8 groups) — each
 *       shard aggregates its rows, the driver merges 4 × 8 partial rows;
 *   <li>{@code orderByLimit}: {@code ORDER BY amount DESC, order_id LIMIT 10 OFFSET 100} on an
 *       unindexed column — each shard sorts its rows and returns its first 110, the driver merges.
 * </ul>
 * For {@code directOneShard} the same statement runs on shard s0 alone (a quarter of the rows):
 * the work of one shard, not a result anybody wants. Every way's answer is checked against the data
 * before the trial starts (AVG to 0.01: ShardingSphere rounds it to 4 decimals).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScatterBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScatterBenchmark {

  static final String GROUP_BY = "SELECT category, COUNT(*), SUM(amount), AVG(amount)"
      + " FROM orders GROUP BY category";
  static final String ORDER_BY_LIMIT = "SELECT order_id, user_id, amount FROM orders"
      + " ORDER BY amount DESC, order_id LIMIT 10 OFFSET 100";

  /** The thread's connection and the two statements. */
  @State(Scope.Thread)
  public static class Statements {
    Connection connection;
    PreparedStatement groupBy;
    PreparedStatement orderByLimit;

    @Setup(Level.Trial)
    public void setUp(ClusterState state) throws SQLException {
      connection = state.cluster.dataSource().getConnection();
      groupBy = connection.prepareStatement(GROUP_BY);
      orderByLimit = connection.prepareStatement(ORDER_BY_LIMIT);
      checkGroupBy(state);
      checkOrderByLimit(state);
    }

    private void checkGroupBy(ClusterState state) throws SQLException {
      OrdersData data = state.cluster.data;
      IntPredicate visible = data.ordersOf(state.cluster.visibleShard());
      Map<String, long[]> expected = new TreeMap<>(); // count, cents
      for (int k = 0; k < OrdersData.ORDERS; k++) {
        if (visible.test(k)) {
          long[] a = expected.computeIfAbsent(OrdersData.CATEGORIES.get(data.orderCategory[k]),
              c -> new long[2]);
          a[0]++;
          a[1] += data.orderCents[k];
        }
      }
      Map<String, long[]> seen = new TreeMap<>();
      try (ResultSet rs = groupBy.executeQuery()) {
        while (rs.next()) {
          String category = rs.getString(1);
          long[] e = expected.get(category);
          BigDecimal sum = rs.getBigDecimal(3);
          BigDecimal avg = rs.getBigDecimal(4);
          BigDecimal expectedAvg = OrdersData.amount(e[1]).divide(BigDecimal.valueOf(e[0]),
              java.math.MathContext.DECIMAL64);
          if (rs.getLong(2) != e[0] || sum.compareTo(OrdersData.amount(e[1])) != 0
              || avg.subtract(expectedAvg).abs().compareTo(new BigDecimal("0.01")) > 0) {
            throw new IllegalStateException(state.way + ": wrong group " + category + ": "
                + rs.getLong(2) + ", " + sum + ", " + avg + "; expected " + e[0] + ", "
                + OrdersData.amount(e[1]) + ", " + expectedAvg);
          }
          seen.put(category, e);
        }
      }
      if (!seen.keySet().equals(expected.keySet())) {
        throw new IllegalStateException(state.way + ": groups " + seen.keySet() + ", expected "
            + expected.keySet());
      }
    }

    private void checkOrderByLimit(ClusterState state) throws SQLException {
      OrdersData data = state.cluster.data;
      IntPredicate visible = data.ordersOf(state.cluster.visibleShard());
      List<Integer> rows = new ArrayList<>();
      for (int k = 0; k < OrdersData.ORDERS; k++) {
        if (visible.test(k)) {
          rows.add(k);
        }
      }
      rows.sort(Comparator.<Integer>comparingLong(k -> -data.orderCents[k])
          .thenComparingInt(k -> k));
      List<Long> expected = new ArrayList<>();
      for (int k : rows.subList(100, 110)) {
        expected.add(k + 1L);
      }
      List<Long> actual = new ArrayList<>();
      try (ResultSet rs = orderByLimit.executeQuery()) {
        while (rs.next()) {
          actual.add(rs.getLong(1));
        }
      }
      if (!actual.equals(expected)) {
        throw new IllegalStateException(state.way + ": ORDER BY … LIMIT returned " + actual
            + ", expected " + expected);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      try (Connection c = connection; PreparedStatement g = groupBy;
           PreparedStatement o = orderByLimit) {
        // closed in reverse order
      }
    }
  }

  @Benchmark
  public void groupBy(Statements s, Blackhole bh) throws SQLException {
    try (ResultSet rs = s.groupBy.executeQuery()) {
      while (rs.next()) {
        bh.consume(rs.getString(1));
        bh.consume(rs.getLong(2));
        bh.consume(rs.getBigDecimal(3));
        bh.consume(rs.getBigDecimal(4));
      }
    }
  }

  @Benchmark
  public void orderByLimit(Statements s, Blackhole bh) throws SQLException {
    try (ResultSet rs = s.orderByLimit.executeQuery()) {
      while (rs.next()) {
        bh.consume(rs.getLong(1));
        bh.consume(rs.getLong(2));
        bh.consume(rs.getBigDecimal(3));
      }
    }
  }
}
