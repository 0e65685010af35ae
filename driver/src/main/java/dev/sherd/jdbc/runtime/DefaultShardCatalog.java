package dev.sherd.jdbc.runtime;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.sql.LogicalCatalog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The cluster's logical catalog: the default shard's own catalog name, as its driver reports it
 * ({@link Connection#getCatalog()}). Every logical connection and {@code DatabaseMetaData} reports
 * it, and the planner removes it from qualified names so that such SQL runs on every shard.
 * Resolved once, on the first call that needs it, and then kept: a shard's catalog is its database,
 * which does not change under a running pool. Thread-safe.
 */
final class DefaultShardCatalog implements LogicalCatalog {

  private final ClusterConfig config;
  private final ShardPools pools;
  private volatile boolean resolved;
  private volatile String name;

  DefaultShardCatalog(ClusterConfig config, ShardPools pools) {
    this.config = config;
    this.pools = pools;
  }

  @Override
  public String name() throws SQLException {
    if (!resolved) {
      resolve();
    }
    return name;
  }

  private synchronized void resolve() throws SQLException {
    if (resolved) {
      return;
    }
    try (Connection c = pools.borrow(config.defaultShard())) { // its errors name the shard
      name = c.getCatalog();
      resolved = true;
    }
  }
}
