package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;

/**
 * How a statement's target shards follow from its parameters. Immutable and thread-safe.
 *
 * <p>Two modes, chosen by the analyser:
 * <ul>
 *   <li><b>co-located</b> ({@code spreadRefusal == null}): every sharded table reference lives in
 *   one co-location group and the references are joined on their sharding keys, so a result row's
 *   ingredients all live on one shard. The route is the intersection of the references' shard sets;
 *   an empty intersection means no shard can hold a matching row.</li>
 *   <li><b>same shard required</b>: the statement is correct only when everything it touches lives
 *   on one shard (a join that is not on co-located keys, a sharded table with an unlisted one...).
 *   Each execution checks it and refuses, naming why, when the rows would come from several
 *   shards.</li>
 * </ul>
 * {@code base} limits the candidates (all shards; the default shard when an unlisted table is
 * read). {@code anyOne} marks reads that only touch full copies (broadcast tables, no table): one
 * shard answers.
 */
public record RouteSpec(ShardSet base, List<TableRoute> routes, String spreadRefusal,
    boolean anyOne, int preferredShard) {

  public RouteSpec {
    routes = List.copyOf(routes);
  }

  /** A route that does not depend on parameters. */
  public static RouteSpec fixed(ShardSet shards) {
    return new RouteSpec(shards, List.of(), null, false, -1);
  }

  /** One shard out of {@code candidates}, {@code preferred} if it is one of them. */
  public static RouteSpec anyOneOf(ShardSet candidates, int preferred) {
    return new RouteSpec(candidates, List.of(), null, true, preferred);
  }

  /**
   * The shards to run on for these parameter values; empty when no shard can hold a matching row.
   *
   * @throws SQLFeatureNotSupportedException when the statement would need rows of several shards
   * @throws java.sql.SQLDataException when a key value cannot be routed (e.g. not comparable with
   *                                   the range bounds)
   */
  public ShardSet shards(int shardCount, Object[] params) throws SQLException {
    ShardSet result = base;
    if (spreadRefusal == null) {
      for (TableRoute r : routes) {
        if (r.restricts()) {
          result = result.intersect(r.shards(shardCount, params));
        }
      }
    } else if (!routes.isEmpty()) {
      ShardSet common = null;
      for (TableRoute r : routes) {
        ShardSet s = r.shards(shardCount, params);
        if (s.isEmpty()) {
          if (r.restricts()) {
            return ShardSet.none(); // no row of the statement can exist anywhere
          }
          continue; // a subquery that reads no row needs no shard
        }
        if (s.size() > 1 || (common != null && !common.equals(s))) {
          throw Refusals.unsupported(spreadRefusal);
        }
        common = s;
      }
      if (common == null) {
        common = base.size() == 1 ? base : ShardSet.single(preferredShard >= 0 ? preferredShard
            : base.first());
      }
      if (!base.contains(common.first())) {
        throw Refusals.unsupported(spreadRefusal);
      }
      result = common;
    }
    if (anyOne && result.size() > 1) {
      return ShardSet.single(result.contains(preferredShard) ? preferredShard : result.first());
    }
    return result;
  }

  /** True when the route never depends on parameter values. */
  public boolean isFixed() {
    return routes.isEmpty();
  }

  @Override
  public String toString() {
    if (routes.isEmpty()) {
      return anyOne ? "any one of " + base : "fixed " + base;
    }
    String list = String.join("; ", routes.stream().map(Object::toString).toList());
    if (spreadRefusal != null) {
      return "all on one shard required (" + spreadRefusal + "): " + list;
    }
    return routes.size() == 1 ? list : "co-located, joined on keys: " + list;
  }
}
