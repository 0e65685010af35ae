package dev.sherd.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the driver adds to the cheapest statement there is: a point select by primary key, which
 * Sherd routes to exactly one shard. The same {@link PreparedStatement}, prepared once, runs with a
 * different key each call (a fixed pseudo-random sequence; every row exists) and every column of
 * the one row is read. The {@code way} parameter runs the same method three ways in one run:
 *
 * <ul>
 *   <li>{@code sherd}: {@code jdbc:sherd:} over 4 H2 in-memory shards, 10,000 customers
 *       hash-sharded on id (about 2,500 per shard). Includes everything the driver does per
 *       execution: plan-cache lookup by SQL text, routing on the bound key, leasing a pooled shard
 *       connection, binding, and wrapping the shard's result set.
 *   <li>{@code directOneShard}: HikariCP + H2 straight to shard {@code s0} of the same cluster
 *       (loaded through Sherd, then the Sherd connection closed), asking only for the keys that live
 *       there. The database Sherd would route to, without Sherd: {@code sherd} minus this is the
 *       driver's overhead.
 *   <li>{@code direct}: HikariCP + H2 to one database holding all 10,000 rows: the unsharded
 *       baseline an application starts from.
 * </ul>
 *
 * <p>What it does not measure: network latency (every database is in memory in the benchmark's
 * JVM, so the driver's share looks larger than it would against a real database server), more
 * than one thread, or scatter queries. The direct ways hold one physical connection for the whole
 * trial; Sherd leases its shard connection from its pool per execution, which is part of its cost.
 * Every H2 URL carries {@code OPTIMIZE_REUSE_RESULTS=0}, so H2 cannot answer from a result cache.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PointSelectBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 *
 * <p>Not thread-safe state: each benchmark thread gets its own databases ({@link Scope#Thread}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PointSelectBenchmark {

  static final int CUSTOMERS = 10_000;

  @Param({"sherd", "directOneShard", "direct"})
  public String way;

  private CustomerDatabase database;
  private PreparedStatement pointSelect;
  private long[] keys;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    database = CustomerDatabase.open(CustomerDatabase.Way.of(way), CUSTOMERS);
    keys = database.keys();
    pointSelect = database.connection().prepareStatement(CustomerDatabase.POINT_SELECT);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      if (pointSelect != null) {
        pointSelect.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  @Benchmark
  public void pointSelect(Blackhole bh) throws SQLException {
    long key = keys[next];
    next = next + 1 == keys.length ? 0 : next + 1;
    pointSelect.setLong(1, key);
    try (ResultSet rs = pointSelect.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no customer " + key + " (" + way + ")");
      }
      bh.consume(rs.getLong(1));
      bh.consume(rs.getString(2));
      bh.consume(rs.getString(3));
      bh.consume(rs.getBigDecimal(4));
    }
  }
}
