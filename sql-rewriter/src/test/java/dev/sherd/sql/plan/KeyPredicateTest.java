package dev.sherd.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardingFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPredicateTest {

  private static final ClusterConfig CONFIG = GoldenCluster.load();
  private static final ShardingFunction HASH = GoldenCluster.function(CONFIG, "customers");
  private static final ShardingFunction RANGE = GoldenCluster.function(CONFIG, "events");
  private static final ShardSet ALL = ShardSet.all(4);

  private static KeyPredicate eq(Object literal) {
    return new KeyPredicate.Eq(new MergeExpr.Literal(literal));
  }

  private static KeyPredicate eqParam(int index) {
    return new KeyPredicate.Eq(new MergeExpr.Param(index));
  }

  private static KeyPredicate range(Object lo, boolean loInc, Object hi, boolean hiInc) {
    return new KeyPredicate.Range(lo == null ? null : new MergeExpr.Literal(lo), loInc,
        hi == null ? null : new MergeExpr.Literal(hi), hiInc);
  }

  @Test
  void any_isEveryShard() {
    assertEquals(ALL, new KeyPredicate.Any().shards(HASH, 4, null));
    assertEquals(ALL, new KeyPredicate.Any().shards(RANGE, 4, null));
  }

  @Test
  void eq_literal_isTheKeysShard() {
    assertEquals(ShardSet.single(2), eq(7L).shards(HASH, 4, null));
    assertEquals(ShardSet.single(1), eq("2024-05-05").shards(RANGE, 4, null));
    assertEquals(ShardSet.single(1), eq("2024-04-01").shards(RANGE, 4, null), "from is inclusive");
  }

  @Test
  void eq_parameter_readsTheBoundValue() {
    assertEquals(ShardSet.single(3), eqParam(1).shards(HASH, 4, new Object[] {"x", 4L}));
  }

  @Test
  void eq_nullValue_matchesNoShard() {
    assertEquals(ShardSet.none(), eqParam(0).shards(HASH, 4, new Object[] {null}));
    assertEquals(ShardSet.none(), eq(null).shards(HASH, 4, null));
  }

  @Test
  void range_onHash_cannotPrune() {
    assertEquals(ALL, range(1L, true, 3L, true).shards(HASH, 4, null));
  }

  @Test
  void range_onRangeFunction_prunesAtBoundaries() {
    assertEquals(ShardSet.single(0), range(null, false, "2024-04-01", false).shards(RANGE, 4, null));
    assertEquals(ShardSet.of(0, 1), range(null, false, "2024-04-01", true).shards(RANGE, 4, null));
    assertEquals(ShardSet.of(2, 3), range("2024-09-30", false, null, false).shards(RANGE, 4, null));
    assertEquals(ShardSet.single(3), range("2024-10-01", true, null, false).shards(RANGE, 4, null));
    assertEquals(ShardSet.single(1),
        range("2024-04-01", true, "2024-06-30", true).shards(RANGE, 4, null));
    assertEquals(ShardSet.none(), range("2024-06-01", true, "2024-05-01", true).shards(RANGE, 4, null));
  }

  @Test
  void range_nullBoundValue_matchesNoShard() {
    KeyPredicate p = new KeyPredicate.Range(new MergeExpr.Param(0), false, null, false);
    assertEquals(ShardSet.none(), p.shards(RANGE, 4, new Object[] {null}));
  }

  @Test
  void and_intersects() {
    assertEquals(ShardSet.none(), new KeyPredicate.And(List.of(eq(1L), eq(2L))).shards(HASH, 4, null));
    assertEquals(ShardSet.single(2),
        new KeyPredicate.And(List.of(eq(7L), new KeyPredicate.Any())).shards(HASH, 4, null));
    // at >= Q3 AND at < Q4 on the range function: only s2.
    assertEquals(ShardSet.single(2), new KeyPredicate.And(List.of(
        range("2024-07-01", true, null, false), range(null, false, "2024-10-01", false)))
        .shards(RANGE, 4, null));
  }

  /**
   * Intersecting two half-intervals' shard sets is sound but not exact: at > x AND at < x is empty,
   * yet both halves overlap x's shard. A superset never loses rows; it only costs a query.
   */
  @Test
  void and_ofRangesOnOneShard_isASoundSuperset() {
    assertEquals(ShardSet.single(1), new KeyPredicate.And(List.of(
        range("2024-05-01", false, null, false), range(null, false, "2024-05-01", false)))
        .shards(RANGE, 4, null));
  }

  @Test
  void or_unions_andIgnoresBranchesThatMatchNothing() {
    assertEquals(ShardSet.of(0, 3), new KeyPredicate.Or(List.of(eq(1L), eq(4L))).shards(HASH, 4, null));
    assertEquals(ShardSet.single(3), new KeyPredicate.Or(List.of(eqParam(0), eqParam(1)))
        .shards(HASH, 4, new Object[] {null, 4L}));
    assertEquals(ShardSet.of(0, 3), new KeyPredicate.Or(List.of(
        range(null, false, "2024-02-01", true), range("2024-11-01", true, null, false)))
        .shards(RANGE, 4, null));
  }

  @Test
  void unboundParameters_matchNoShard() {
    assertEquals(ShardSet.none(), eqParam(0).shards(HASH, 4, null));
  }

  @Test
  void toString_readsLikeThePredicate() {
    assertEquals("= ?2", eqParam(1).toString());
    assertEquals("= 'x'", eq("x").toString());
    assertEquals("in [1, 3]", range(1L, true, 3L, true).toString());
    assertEquals("in (-inf, '2024-04-01')", range(null, false, "2024-04-01", false).toString());
    assertEquals("(= 1 or = 4)", new KeyPredicate.Or(List.of(eq(1L), eq(4L))).toString());
  }
}
