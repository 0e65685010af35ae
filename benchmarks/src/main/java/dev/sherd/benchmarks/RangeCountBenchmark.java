package dev.sherd.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
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

/**
 * Benchmark 5: {@code COUNT(*)} over a range of the 200,000 {@code events}, through
 * PreparedStatements prepared once, a different range each call.
 *
 * <ul>
 *   <li>{@code onKey}: {@code id BETWEEN ? AND ?}, 1,001 ids inside s0's range (for {@code
 *       direct}: inside any shard's range; see {@link OrdersCluster#routedShard}). {@code
 *       events} is range-sharded on {@code id} (Sherd {@code algorithm: range}, ShardingSphere
 *       {@link EventsRangeAlgorithm}), so both drivers route it to one shard, which answers from
 *       its primary key index. (Sherd's hash sharding does not prune key ranges: on {@code orders}
 *       the same statement would go to every shard.)
 *   <li>{@code onNonKey}: {@code amount BETWEEN ? AND ?} (about 10% of the rows, unindexed): every
 *       shard scans its rows, the driver sums four counts.
 * </ul>
 * {@code directOneShard} asks shard s0 alone: for {@code onKey} the floor of the routed statement,
 * for {@code onNonKey} one shard's quarter of the scan.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RangeCountBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RangeCountBenchmark {

  static final String ON_KEY = "SELECT COUNT(*) FROM events WHERE id BETWEEN ? AND ?";
  static final String ON_NON_KEY = "SELECT COUNT(*) FROM events WHERE amount BETWEEN ? AND ?";
  static final int KEY_WINDOW = 1_000;
  static final long AMOUNT_WINDOW_CENTS = 100_000;
  private static final int RANGES = 4096;

  /** The thread's statements and its sequence of ranges. */
  @State(Scope.Thread)
  public static class Ranges {
    Connection connection;
    PreparedStatement onKey;
    PreparedStatement onNonKey;
    long[] keyStarts = new long[RANGES];
    long[] amountStarts = new long[RANGES];
    int next;

    @Setup(Level.Trial)
    public void setUp(ClusterState state) throws SQLException {
      OrdersCluster cluster = state.cluster;
      Random random = new Random(5);
      for (int i = 0; i < RANGES; i++) {
        int shard = cluster.routedShard() >= 0 ? cluster.routedShard()
            : random.nextInt(OrdersData.SHARDS);
        keyStarts[i] = OrdersData.firstEventOf(shard)
            + random.nextInt(OrdersData.EVENTS_PER_SHARD - KEY_WINDOW);
        amountStarts[i] = random.nextInt((int) (1_000_000 - AMOUNT_WINDOW_CENTS));
      }
      connection = cluster.dataSource().getConnection();
      onKey = connection.prepareStatement(ON_KEY);
      onNonKey = connection.prepareStatement(ON_NON_KEY);
      check(state, cluster.data);
    }

    private void check(ClusterState state, OrdersData data) throws SQLException {
      IntPredicate visible = data.eventsOf(state.cluster.visibleShard());
      long expectedOnKey = KEY_WINDOW + 1L;
      long expectedOnNonKey = 0;
      for (int k = 0; k < OrdersData.EVENTS; k++) {
        if (visible.test(k) && data.eventCents[k] >= amountStarts[0]
            && data.eventCents[k] <= amountStarts[0] + AMOUNT_WINDOW_CENTS) {
          expectedOnNonKey++;
        }
      }
      long onKeyCount = count(onKey, keyStarts[0], keyStarts[0] + KEY_WINDOW);
      long onNonKeyCount = count(onNonKey, OrdersData.amount(amountStarts[0]),
          OrdersData.amount(amountStarts[0] + AMOUNT_WINDOW_CENTS));
      if (onKeyCount != expectedOnKey || onNonKeyCount != expectedOnNonKey) {
        throw new IllegalStateException(state.way + ": counts " + onKeyCount + ", "
            + onNonKeyCount + "; expected " + expectedOnKey + ", " + expectedOnNonKey);
      }
    }

    int nextRange() {
      int i = next;
      next = (next + 1) & (RANGES - 1);
      return i;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      try (Connection c = connection; PreparedStatement k = onKey; PreparedStatement n = onNonKey) {
        // closed in reverse order
      }
    }
  }

  @Benchmark
  public long onKey(Ranges r) throws SQLException {
    int i = r.nextRange();
    return count(r.onKey, r.keyStarts[i], r.keyStarts[i] + KEY_WINDOW);
  }

  @Benchmark
  public long onNonKey(Ranges r) throws SQLException {
    int i = r.nextRange();
    return count(r.onNonKey, OrdersData.amount(r.amountStarts[i]),
        OrdersData.amount(r.amountStarts[i] + AMOUNT_WINDOW_CENTS));
  }

  private static long count(PreparedStatement ps, long from, long to) throws SQLException {
    ps.setLong(1, from);
    ps.setLong(2, to);
    return count(ps);
  }

  private static long count(PreparedStatement ps, BigDecimal from, BigDecimal to)
      throws SQLException {
    ps.setBigDecimal(1, from);
    ps.setBigDecimal(2, to);
    return count(ps);
  }

  private static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("COUNT(*) returned no row");
      }
      return rs.getLong(1);
    }
  }
}
