package dev.sherd.benchmarks;

import java.math.BigDecimal;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2: writes into {@code order_log} (hash-sharded on {@code user_id}, emptied before
 * every iteration so its size stays comparable between ways) through a PreparedStatement prepared
 * once, in auto-commit mode.
 *
 * <ul>
 *   <li>{@code singleRow}: one row per call, routed to one shard: users of s0 for Sherd,
 *       ShardingSphere and {@code directOneShard} (see {@link OrdersCluster#routedShard}), any
 *       user for {@code direct};
 *   <li>{@code batch100}: 100 rows per {@code executeBatch}, consecutive users of a shuffled list,
 *       so the rows spread over the four shards (for {@code directOneShard}: all on s0).
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InsertBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class InsertBenchmark {

  static final String SQL = "INSERT INTO order_log (user_id, order_id, category, amount, qty)"
      + " VALUES (?, ?, ?, ?, ?)";
  static final int BATCH = 100;

  /** The thread's connection, statement, and the next row to write. */
  @State(Scope.Thread)
  public static class Writer {
    OrdersCluster cluster;
    Connection connection;
    PreparedStatement insert;
    long[] singleRowUsers;
    long[] batchUsers;
    int nextUser;
    long nextOrderId;

    @Setup(Level.Trial)
    public void setUp(ClusterState state) throws SQLException {
      cluster = state.cluster;
      singleRowUsers = usersOf(cluster, cluster.routedShard());
      batchUsers = usersOf(cluster, cluster.visibleShard());
      connection = cluster.dataSource().getConnection();
      insert = connection.prepareStatement(SQL);
    }

    /** The users of {@code shard} (-1: every user), shuffled. */
    private static long[] usersOf(OrdersCluster cluster, int shard) {
      int[] chosen = Shuffle.indexes(OrdersData.USERS,
          i -> shard < 0 || OrdersData.shardOfUser(cluster.data.users[i]) == shard, 11);
      long[] users = new long[chosen.length];
      for (int i = 0; i < chosen.length; i++) {
        users[i] = cluster.data.users[chosen[i]];
      }
      return users;
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
      cluster.truncate("order_log");
      nextOrderId = 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      try (Connection c = connection; PreparedStatement s = insert) {
        // closed in reverse order
      }
    }

    void bindNext(long[] users) throws SQLException {
      long user = users[nextUser % users.length];
      nextUser = nextUser + 1 == Integer.MAX_VALUE ? 0 : nextUser + 1;
      long order = nextOrderId++;
      insert.setLong(1, user);
      insert.setLong(2, order);
      insert.setString(3, OrdersData.CATEGORIES.get((int) (order & 7)));
      insert.setBigDecimal(4, BigDecimal.valueOf(order % 100_000, 2));
      insert.setInt(5, 1 + (int) (order % 10));
    }
  }

  @Benchmark
  public int singleRow(Writer w) throws SQLException {
    w.bindNext(w.singleRowUsers);
    int count = w.insert.executeUpdate();
    if (count != 1) {
      throw new IllegalStateException("insert count " + count);
    }
    return count;
  }

  @Benchmark
  public int[] batch100(Writer w) throws SQLException {
    for (int i = 0; i < BATCH; i++) {
      w.bindNext(w.batchUsers);
      w.insert.addBatch();
    }
    int[] counts = w.insert.executeBatch();
    if (counts.length != BATCH) {
      throw new IllegalStateException("batch of " + BATCH + " returned " + counts.length
          + " counts");
    }
    return counts;
  }
}
