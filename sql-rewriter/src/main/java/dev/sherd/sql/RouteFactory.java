package dev.sherd.sql;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.sql.plan.RouteSpec;

/**
 * Builds the {@link RouteSpec} of an analysed statement: unlisted tables pin it to the default
 * shard, sharded tables contribute their key predicates, and reads of full copies only (broadcast
 * tables, no table) go to one shard. Thread-safe.
 */
final class RouteFactory {

  private final ClusterConfig config;

  RouteFactory(ClusterConfig config) {
    this.config = config;
  }

  RouteSpec route(QueryAnalyzer.Analysis analysis, boolean read) {
    ShardSet all = config.allShards();
    ShardSet defaultShard = ShardSet.single(config.defaultShard());
    if (analysis.sharded.isEmpty()) {
      if (analysis.readsUnlisted) {
        return RouteSpec.fixed(defaultShard);
      }
      return read ? RouteSpec.anyOneOf(all, config.defaultShard()) : RouteSpec.fixed(all);
    }
    return new RouteSpec(analysis.readsUnlisted ? defaultShard : all, analysis.routes(),
        analysis.spreadReason, false, config.defaultShard());
  }
}
