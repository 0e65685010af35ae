package dev.sherd.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

/**
 * Benchmark 7: an explicit transaction of two single-row UPDATEs by key, then {@code commit()},
 * on one connection with auto-commit off.
 *
 * <ul>
 *   <li>{@code shards=1}: both rows on shard s0 — Sherd commits s0's local transaction;
 *   <li>{@code shards=2}: one row on s0, one on s1 — Sherd commits with two-phase commit (H2
 *       {@code PREPARE COMMIT} on both branches, a decision row on one, then {@code COMMIT
 *       TRANSACTION}). ShardingSphere runs its default LOCAL transaction type: one local commit
 *       per shard, not atomic if the second fails (its XA needs Atomikos or Narayana, not included).
 * </ul>
 * The direct ways update the same rows in one database ({@code directOneShard}: rows of s0 in both
 * cases), so for them the parameter changes nothing: the floor of a local commit.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransactionBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransactionBenchmark {

  static final String SQL = "UPDATE orders SET qty = qty + 1 WHERE user_id = ? AND order_id = ?";
  private static final int PAIRS = 1024;

  /** The thread's transaction connection and the pairs of rows it updates. */
  @State(Scope.Thread)
  public static class Tx {
    @Param({"1", "2"})
    public int shards;

    Connection connection;
    PreparedStatement update;
    final long[][] first = new long[PAIRS][];
    final long[][] second = new long[PAIRS][];
    int next;

    @Setup(Level.Trial)
    public void setUp(ClusterState state) throws SQLException {
      OrdersCluster cluster = state.cluster;
      OrdersData data = cluster.data;
      int secondShard = shards == 2 && cluster.way != Way.DIRECT_ONE_SHARD ? 1 : 0;
      int[] onFirst = Shuffle.indexes(OrdersData.ORDERS, data.ordersOf(0), 21);
      int[] onSecond = Shuffle.indexes(OrdersData.ORDERS, data.ordersOf(secondShard), 22);
      for (int i = 0; i < PAIRS; i++) {
        int a = onFirst[i];
        int b = onSecond[onSecond.length - 1 - i]; // distinct from a when both are on s0
        first[i] = new long[] {data.orderUser[a], a + 1L};
        second[i] = new long[] {data.orderUser[b], b + 1L};
      }
      connection = cluster.dataSource().getConnection();
      connection.setAutoCommit(false);
      update = connection.prepareStatement(SQL);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      try (Connection c = connection; PreparedStatement u = update) {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  @Benchmark
  public void commit(Tx tx) throws SQLException {
    int i = tx.next;
    tx.next = (i + 1) & (PAIRS - 1);
    update(tx, tx.first[i]);
    update(tx, tx.second[i]);
    tx.connection.commit();
  }

  private static void update(Tx tx, long[] key) throws SQLException {
    tx.update.setLong(1, key[0]);
    tx.update.setLong(2, key[1]);
    int count = tx.update.executeUpdate();
    if (count != 1) {
      throw new IllegalStateException("updated " + count + " rows for order " + key[1]);
    }
  }
}
