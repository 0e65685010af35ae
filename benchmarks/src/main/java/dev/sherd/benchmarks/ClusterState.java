package dev.sherd.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code way} parameter of every comparative benchmark and the {@link OrdersCluster} it
 * opens, once per trial (one fork runs one way). Shared by the benchmark's threads; the cluster's
 * data source is thread-safe.
 */
@State(Scope.Benchmark)
public class ClusterState {

  @Param({"sherd", "directOneShard", "direct", "shardingsphere"})
  public String way;

  OrdersCluster cluster;

  @Setup(Level.Trial)
  public void open() throws Exception {
    cluster = OrdersCluster.open(Way.of(way));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
