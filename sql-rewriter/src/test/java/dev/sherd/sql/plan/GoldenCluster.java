package dev.sherd.sql.plan;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ConfigException;
import dev.sherd.metadata.ShardedTable;
import dev.sherd.metadata.ShardingFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The golden cluster (golden/cluster.yaml) for the plan package's unit tests. */
final class GoldenCluster {

  private GoldenCluster() {}

  static ClusterConfig load() {
    try (InputStream in = GoldenCluster.class.getResourceAsStream("/golden/cluster.yaml")) {
      return ClusterConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "golden/cluster.yaml");
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  static ShardedTable table(ClusterConfig config, String name) {
    return (ShardedTable) config.tableRule(name).orElseThrow();
  }

  static ShardingFunction function(ClusterConfig config, String name) {
    return table(config, name).function();
  }
}
