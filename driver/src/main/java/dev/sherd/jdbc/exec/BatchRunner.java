package dev.sherd.jdbc.exec;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code PreparedStatement.executeBatch}: when every parameter set of the batch targets exactly
 * one shard (single-row INSERTs, key-routed UPDATE/DELETE), the sets are grouped per shard and sent
 * as one JDBC batch per shard, in parallel; the counts come back in the application's order.
 * Otherwise each set runs on its own. Stateless.
 */
final class BatchRunner {

  private BatchRunner() {}

  static long[] run(ShardSession session, StatementPlan plan, List<Parameters> batch,
      StatementOptions options) throws SQLException {
    ClusterConfig config = session.runtime().config();
    int[] target = new int[batch.size()];
    boolean grouped = plan instanceof InsertPlan || plan instanceof WritePlan;
    for (int i = 0; i < batch.size() && grouped; i++) {
      target[i] = singleShard(plan, batch.get(i), config);
      grouped = target[i] >= 0;
    }
    long[] counts = new long[batch.size()];
    if (!grouped) {
      for (int i = 0; i < batch.size(); i++) {
        try {
          counts[i] = PlanExecutor.update(session, plan, batch.get(i), options).count();
        } catch (SQLException e) {
          throw failed(e, java.util.Arrays.copyOf(counts, i));
        }
      }
      return counts;
    }
    Map<Integer, List<Integer>> byShard = new TreeMap<>();
    for (int i = 0; i < target.length; i++) {
      byShard.computeIfAbsent(target[i], k -> new ArrayList<>()).add(i);
    }
    int[] shards = byShard.keySet().stream().mapToInt(Integer::intValue).toArray();
    session.beforeWrite(ShardSet.of(shards), plan.sql());
    var sql = plan instanceof InsertPlan ip ? ip.direct() : ((WritePlan) plan).statement();
    try {
      WriteRunner.onShards(session, shards, true, lease -> {
        List<Integer> entries = byShard.get(lease.shard());
        try (ShardStatement statement = ShardStatements.prepareOnce(lease, sql, null, options)) {
          PreparedStatement ps = statement.physical();
          for (int entry : entries) {
            batch.get(entry).bind(ps, sql);
            ps.addBatch();
          }
          long[] shardCounts = ps.executeLargeBatch();
          for (int k = 0; k < entries.size(); k++) {
            counts[entries.get(k)] = shardCounts[k];
          }
          return null;
        }
      });
    } catch (SQLException e) {
      throw failed(e, shards.length == 1 ? shardCounts(e, byShard.get(shards[0])) : new long[0]);
    }
    return counts;
  }

  /** The one shard this parameter set writes to, or -1. */
  private static int singleShard(StatementPlan plan, Parameters params, ClusterConfig config)
      throws SQLException {
    if (plan instanceof InsertPlan ip) {
      if (ip.fixedRoute() != null || ip.rowCount() != 1) {
        return -1;
      }
      return ip.shardOfRow(0, params.values());
    }
    WritePlan wp = (WritePlan) plan;
    if (wp.broadcast()) {
      return -1;
    }
    ShardSet shards = wp.route().shards(config.shardCount(), params.values());
    wp.checkKeyChange(shards, config.shardCount(), params.values());
    return shards.size() == 1 ? shards.first() : -1;
  }

  /**
   * On one shard in auto-commit the entries before the failing one stay applied, as on one
   * database: report the shard's own counts (in the application's order, which is the shard's).
   * On several shards the batch ran as one local transaction per shard and was rolled back.
   */
  private static long[] shardCounts(SQLException e, List<Integer> entries) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BatchUpdateException b) {
        return b.getLargeUpdateCounts() == null ? new long[0] : b.getLargeUpdateCounts();
      }
    }
    return new long[0];
  }

  private static BatchUpdateException failed(SQLException e, long[] done) {
    return new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
  }
}
