package dev.sherd.jdbc;

import dev.sherd.jdbc.runtime.ShardPools;
import java.util.ArrayList;
import java.util.List;

/**
 * Leak checks on a runtime's shard pools. The runtime's transaction recovery borrows a connection
 * in the background for a moment (at start and then periodically; longer while it waits for a
 * shard that is down), so a check first waits up to three seconds for every pool to be idle: a
 * leaked connection stays borrowed however long one waits.
 */
final class ShardLeaks {

  private ShardLeaks() {}

  /** "s&lt;i&gt; has n active" for every shard still lending connections after the wait. */
  static List<String> borrowed(ShardPools pools, int shards) throws InterruptedException {
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (total(pools, shards) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      int active = pools.activeConnections(i);
      if (active != 0) {
        problems.add("leaked shard connection: s" + i + " has " + active + " active");
      }
    }
    return problems;
  }

  private static int total(ShardPools pools, int shards) {
    int n = 0;
    for (int i = 0; i < shards; i++) {
      n += pools.activeConnections(i);
    }
    return n;
  }
}
