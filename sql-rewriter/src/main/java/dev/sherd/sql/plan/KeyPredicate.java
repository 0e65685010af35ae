package dev.sherd.sql.plan;

import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardingFunction;
import java.util.List;

/**
 * What a statement's predicate says about one table's sharding key, kept as a small tree so it can
 * be evaluated against each execution's parameters. Evaluation gives the shards that can hold rows
 * satisfying the predicate; it is sound by construction: AND intersects, OR unions, and anything the
 * analyser does not understand is {@link Any} (all shards). Values are {@link MergeExpr.Literal} or
 * {@link MergeExpr.Param}; a NULL value matches no row. Immutable.
 */
public sealed interface KeyPredicate {

  /** The shards that can hold a matching row. */
  ShardSet shards(ShardingFunction function, int shardCount, Object[] params);

  /** Unknown: every shard. */
  record Any() implements KeyPredicate {
    @Override
    public ShardSet shards(ShardingFunction function, int shardCount, Object[] params) {
      return ShardSet.all(shardCount);
    }

    @Override
    public String toString() {
      return "any";
    }
  }

  /** {@code key = value}. */
  record Eq(MergeExpr value) implements KeyPredicate {
    @Override
    public ShardSet shards(ShardingFunction function, int shardCount, Object[] params) {
      Object v = valueOf(value, params);
      if (v == UNROUTABLE) {
        return ShardSet.all(shardCount);
      }
      return v == null ? ShardSet.none() : ShardSet.single(function.shardOf(v));
    }

    @Override
    public String toString() {
      return "= " + describe(value);
    }
  }

  /** {@code key} between two bounds; a null bound is unbounded. */
  record Range(MergeExpr lower, boolean lowerInclusive, MergeExpr upper, boolean upperInclusive)
      implements KeyPredicate {
    @Override
    public ShardSet shards(ShardingFunction function, int shardCount, Object[] params) {
      Object lo = lower == null ? null : valueOf(lower, params);
      Object hi = upper == null ? null : valueOf(upper, params);
      if (lo == UNROUTABLE || hi == UNROUTABLE) {
        return ShardSet.all(shardCount);
      }
      if ((lower != null && lo == null) || (upper != null && hi == null)) {
        return ShardSet.none(); // a comparison with NULL matches nothing
      }
      return function.shardsForRange(lo, lowerInclusive, hi, upperInclusive);
    }

    @Override
    public String toString() {
      return "in " + (lower == null ? "(-inf" : (lowerInclusive ? "[" : "(") + describe(lower))
          + ", " + (upper == null ? "+inf)" : describe(upper) + (upperInclusive ? "]" : ")"));
    }
  }

  /** Every operand holds. */
  record And(List<KeyPredicate> operands) implements KeyPredicate {
    @Override
    public ShardSet shards(ShardingFunction function, int shardCount, Object[] params) {
      ShardSet result = ShardSet.all(shardCount);
      for (KeyPredicate p : operands) {
        result = result.intersect(p.shards(function, shardCount, params));
      }
      return result;
    }

    @Override
    public String toString() {
      return "(" + String.join(" and ", operands.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** At least one operand holds (IN lists become an Or of Eq). */
  record Or(List<KeyPredicate> operands) implements KeyPredicate {
    @Override
    public ShardSet shards(ShardingFunction function, int shardCount, Object[] params) {
      ShardSet result = ShardSet.none();
      for (KeyPredicate p : operands) {
        result = result.union(p.shards(function, shardCount, params));
      }
      return result;
    }

    @Override
    public String toString() {
      return "(" + String.join(" or ", operands.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** A value whose canonical form the database would change (a fraction cast to an integer). */
  Object UNROUTABLE = new Object();

  private static Object valueOf(MergeExpr value, Object[] params) {
    if (value instanceof MergeExpr.Literal l) {
      return l.value();
    }
    if (value instanceof MergeExpr.Cast cast) {
      Object v = valueOf(cast.operand(), params);
      return v == null || !integerType(cast.typeName()) || isIntegral(v) ? v : UNROUTABLE;
    }
    int index = ((MergeExpr.Param) value).index();
    return params == null || index >= params.length ? null : params[index];
  }

  private static boolean integerType(String typeName) {
    switch (typeName) {
      case "BIGINT": case "INTEGER": case "INT": case "SMALLINT": case "TINYINT":
        return true;
      default:
        return false;
    }
  }

  /** True for a value the database casts to an integer without rounding it. */
  private static boolean isIntegral(Object v) {
    try {
      java.math.BigDecimal d = v instanceof Number n ? new java.math.BigDecimal(n.toString())
          : new java.math.BigDecimal(v.toString().trim());
      return d.stripTrailingZeros().scale() <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String describe(MergeExpr value) {
    if (value instanceof MergeExpr.Cast c) {
      return "CAST(" + describe(c.operand()) + " AS " + c.typeName() + ")";
    }
    if (value instanceof MergeExpr.Param p) {
      return "?" + (p.index() + 1);
    }
    Object v = ((MergeExpr.Literal) value).value();
    return v instanceof String ? "'" + v + "'" : String.valueOf(v);
  }
}
