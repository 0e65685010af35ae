package dev.sherd.benchmarks;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * ShardingSphere's placement of {@code events}: the same four id ranges as Sherd's {@code
 * algorithm: range} ({@link OrdersData#shardOfEvent}), with range pruning, so the routed range count
 * reaches one shard in both drivers. Loaded by ShardingSphere as a {@code CLASS_BASED} algorithm.
 * Thread-safe: stateless.
 */
public final class EventsRangeAlgorithm implements StandardShardingAlgorithm<Comparable<?>> {

  @Override
  public String doSharding(Collection<String> targets, PreciseShardingValue<Comparable<?>> value) {
    return target(targets, OrdersData.shardOfEvent(((Number) value.getValue()).longValue()));
  }

  @Override
  public Collection<String> doSharding(Collection<String> targets,
      RangeShardingValue<Comparable<?>> value) {
    Range<Comparable<?>> range = value.getValueRange();
    int from = 0;
    int to = OrdersData.SHARDS - 1;
    if (range.hasLowerBound()) {
      long lower = ((Number) range.lowerEndpoint()).longValue()
          + (range.lowerBoundType() == BoundType.OPEN ? 1 : 0);
      from = OrdersData.shardOfEvent(lower);
    }
    if (range.hasUpperBound()) {
      long upper = ((Number) range.upperEndpoint()).longValue()
          - (range.upperBoundType() == BoundType.OPEN ? 1 : 0);
      to = OrdersData.shardOfEvent(upper);
    }
    List<String> result = new ArrayList<>();
    for (int shard = from; shard <= to; shard++) {
      result.add(target(targets, shard));
    }
    return result;
  }

  private static String target(Collection<String> targets, int shard) {
    String name = "ds_" + shard;
    if (!targets.contains(name)) {
      throw new IllegalArgumentException("no data source " + name + " among " + targets);
    }
    return name;
  }
}
